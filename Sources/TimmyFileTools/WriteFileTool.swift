import Foundation
import TimmyCore

/// Writes a text file in the workspace, atomically.
public struct WriteFileTool: Tool {
    public let name = "write_file"
    public let family = "files"
    public let summary = "Write (or append to) a text file in the workspace"
    public let allowedPersonas: Set<String> = ["forge", "helm", "quill"]

    public struct Input: ToolInput {
        @Field("file relative to the workspace", .positional) public var path: String
        @Field("text to write (at most 1 MiB)", .fromFile) public var content: String
        @Field("add to the end instead of replacing") public var append = false
        public init() {}
    }

    static let maxBytes = 1 << 20

    public init() {}

    public func run(_ input: Input, context: ToolContext) async throws -> ToolResult {
        let jail = FileToolSupport.jail(context)
        let path = input.path
        let content = input.content
        guard content.utf8.count <= Self.maxBytes else {
            throw Input.invalid(\.content, "must be at most \(Self.maxBytes) bytes, got \(content.utf8.count)")
        }
        let file = try jail.resolve(path)
        guard file != jail.root, !FileToolSupport.isDirectory(file) else {
            throw ToolError.failed("write_file: '\(path)' is a folder; give a file path")
        }
        let parent = file.deletingLastPathComponent()
        guard FileToolSupport.isDirectory(parent) else {
            throw ToolError.failed("write_file: the folder of '\(path)' does not exist in the workspace")
        }
        let append = input.append
        var data = Data(content.utf8)
        if append, let existing = try? Data(contentsOf: file) { data = existing + data }
        try data.write(to: file, options: .atomic)
        let relative = jail.relative(file)
        return ToolResult(
            summary: "\(append ? "appended" : "wrote") \(content.utf8.count) bytes to \(relative)",
            text: "\(append ? "Appended" : "Wrote") \(content.utf8.count) bytes to \(relative) (now \(data.count) bytes).",
            data: ["path": .string(relative), "bytes_written": .int(content.utf8.count), "size": .int(data.count)])
    }
}
