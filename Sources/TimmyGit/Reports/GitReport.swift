import TimmyCore

/// A git tool's typed result. Its stored properties become the tool's JSON data (snake_case keys);
/// `summary` and `text` are what timelines and people read.
public protocol GitReport: Codable, Sendable {
    /// One line for timelines and logs.
    var summary: String { get }
    /// The readable output.
    var text: String { get }
}

extension GitReport {
    /// The report as JSON data, with snake_case keys like the rest of the API.
    public var json: JSONValue { (try? ReportEncoder.encode(self)) ?? .null }

    /// The report as a tool result.
    public var toolResult: ToolResult { ToolResult(summary: summary, text: text, data: json) }
}
