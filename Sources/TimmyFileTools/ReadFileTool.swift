import Foundation
import TimmyCore

/// Reads a text file of the workspace.
public struct ReadFileTool: Tool {
    public let name = "read_file"
    public let family = "files"
    public let summary = "Read a text file in the workspace"
    public let allowedPersonas = Set(PersonaCatalog.ids)
    public let parameters: [ToolParameter] = [
        .init("path", .string, "file relative to the workspace", required: true),
        .init("max_bytes", .integer, "most bytes to return (1-10485760)", default: 1_048_576),
    ]

    public init() {}

    public func run(_ arguments: ToolArguments, context: ToolContext) async throws -> ToolResult {
        let jail = FileToolSupport.jail(context)
        let path = try arguments.requiredString("path")
        let file = try jail.resolve(path)
        let limit = try arguments.int("max_bytes", in: 1...10_485_760) ?? 1_048_576
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
