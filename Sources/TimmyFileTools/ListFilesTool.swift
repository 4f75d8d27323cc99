import Foundation
import TimmyCore

/// Lists a folder of the workspace, optionally recursively.
public struct ListFilesTool: Tool {
    public let name = "list_files"
    public let family = "files"
    public let summary = "List the files and folders in a workspace folder"
    public let allowedPersonas = Set(PersonaCatalog.ids)

    public struct Input: ToolInput {
        @Field("folder relative to the workspace", .positional) public var path = "."
        @Field("include files in subfolders") public var recursive = false
        @Field("most entries to return", .within(1...10_000)) public var maxEntries = 500
        public init() {}
    }

    public init() {}

    public func run(_ input: Input, context: ToolContext) async throws -> ToolResult {
        let jail = FileToolSupport.jail(context)
        let path = input.path
        let folder = try jail.resolve(path)
        let limit = input.maxEntries
        guard FileToolSupport.isDirectory(folder) else {
            throw ToolError.failed("list_files: '\(path)' is not a folder in the workspace")
        }
        var entries: [String] = []
        var truncated = false
        if input.recursive {
            FileToolSupport.walk(folder, limit: limit + 1) { url in
                guard entries.count < limit else {
                    truncated = true
                    return false
                }
                entries.append(jail.relative(url))
                return true
            }
        } else {
            let listing = try DirectoryEntries.read(folder)
            truncated = listing.count > limit
            entries = listing.prefix(limit).map { $0.isDirectory ? $0.name + "/" : $0.name }
        }
        let shown = jail.relative(folder)
        let header = "\(entries.count) entries in \(shown)\(truncated ? " (first \(limit) shown)" : "")"
        return ToolResult(
            summary: header,
            text: ([header] + entries).joined(separator: "\n"),
            data: ["path": .string(shown), "entries": .array(entries.map(JSONValue.string)), "truncated": .bool(truncated)])
    }
}
