import Foundation
import TimmyCore

/// Reads a text file of the workspace.
public struct ReadFileTool: Tool {
    public let name = "read_file"
    public let family = "files"
    public let summary = "Read a text file in the workspace"
    public let allowedPersonas = Set(PersonaCatalog.ids)

    public struct Input: ToolInput {
        @Field("file relative to the workspace", .positional) public var path: String
        @Field("most bytes to return", .within(1...10_485_760)) public var maxBytes = 1_048_576
        public init() {}
    }

    public init() {}

    public func run(_ input: Input, context: ToolContext) async throws -> ToolResult {
        let jail = FileToolSupport.jail(context)
        let path = input.path
        let file = try jail.resolve(path)
        let limit = input.maxBytes
        let attributes = try? FileManager.default.attributesOfItem(atPath: file.path)
        guard let type = attributes?[.type] as? FileAttributeType else {
            throw ToolError.failed("read_file: no file '\(path)' in the workspace")
        }
        guard type == .typeRegular else {
            throw ToolError.failed("read_file: '\(path)' is not a regular file")
        }
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        let handle = try FileHandle(forReadingFrom: file)
        defer { try? handle.close() }
        let data = try handle.read(upToCount: limit) ?? Data()
        if FileToolSupport.looksBinary(data) {
            throw ToolError.failed("read_file: '\(path)' is a binary file (\(size) bytes); only text files can be read")
        }
        let text = String(decoding: data, as: UTF8.self)
        let truncated = size > data.count
        let relative = jail.relative(file)
        let lines = text.isEmpty ? 0 : text.split(separator: "\n", omittingEmptySubsequences: false).count
        return ToolResult(
            summary: "read \(relative): \(size) bytes, \(lines) lines\(truncated ? " (first \(data.count) bytes)" : "")",
            text: text,
            data: ["path": .string(relative), "size": .int(size), "truncated": .bool(truncated), "content": .string(text)])
    }
}
