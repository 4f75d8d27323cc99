import Foundation
import TimmyCore

/// Searches the text files of a workspace folder for a string, like `grep -rnF`.
public struct SearchFilesTool: Tool {
    public let name = "search_files"
    public let family = "files"
    public let summary = "Search the workspace's text files for a string"
    public let allowedPersonas = Set(PersonaCatalog.ids)

    public struct Input: ToolInput {
        @Field("text to find, 1 to 1000 characters", .positional) public var query: String
        @Field("folder or file relative to the workspace", .positional) public var path = "."
        @Field("match letter case exactly") public var caseSensitive = false
        @Field("most matching lines to return", .within(1...5000)) public var maxResults = 200
        public init() {}
    }

    /// Files larger than this are skipped, as generated data rather than text to read.
    static let maxFileSize = 8 << 20

    public init() {}

    public func run(_ input: Input, context: ToolContext) async throws -> ToolResult {
        let jail = FileToolSupport.jail(context)
        let query = input.query
        guard !query.isEmpty, query.count <= 1000 else { throw Input.invalid(\.query, "must be 1 to 1000 characters") }
        let path = input.path
        let root = try jail.resolve(path)
        let limit = input.maxResults
        let caseSensitive = input.caseSensitive
        guard FileManager.default.fileExists(atPath: root.path) else {
            throw ToolError.failed("search_files: no file or folder '\(path)' in the workspace")
        }
        let needle = caseSensitive ? query : query.lowercased()
        var matches: [JSONValue] = []
        var lines: [String] = []
        var filesSearched = 0
        func search(_ file: URL) -> Bool {
            guard let data = try? Data(contentsOf: file, options: .mappedIfSafe), data.count <= Self.maxFileSize,
                !FileToolSupport.looksBinary(data)
            else { return true }
            filesSearched += 1
            let relative = jail.relative(file)
            var lineNumber = 0
            for line in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
                lineNumber += 1
                let haystack = caseSensitive ? String(line) : line.lowercased()
                guard haystack.contains(needle) else { continue }
                let shown = String(line.prefix(300))
                matches.append(["file": .string(relative), "line": .int(lineNumber), "text": .string(shown)])
                lines.append("\(relative):\(lineNumber): \(shown)")
                if matches.count >= limit { return false }
            }
            return true
        }
        if FileToolSupport.isDirectory(root) {
            FileToolSupport.walk(root, limit: 100_000) { search($0) }
        } else {
            _ = search(root)
        }
        let header = "\(matches.count) matches for '\(query)' in \(filesSearched) files\(matches.count >= limit ? " (stopped at \(limit))" : "")"
        return ToolResult(
            summary: header,
            text: ([header] + lines).joined(separator: "\n"),
            data: ["query": .string(query), "matches": .array(matches), "files_searched": .int(filesSearched)])
    }
}
