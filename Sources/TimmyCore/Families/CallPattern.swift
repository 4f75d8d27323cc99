/// A pattern Spark looks for in the recorded calls of a family's tools, reading each call's
/// structured result (`ToolResult.data`), never its summary text.
public protocol CallPattern: Sendable {
    /// What the calls show, each finding backed by at least `minimumSamples` calls.
    func findings(_ calls: [RecordedCall], minimumSamples: Int) -> [PatternFinding]
}

/// One recorded tool call as a pattern reads it.
public struct RecordedCall: Sendable {
    public let tool: String
    public let agent: String
    public let success: Bool
    /// The call's structured result; null for a failed call or one recorded before results were kept.
    public let data: JSONValue

    public init(tool: String, agent: String, success: Bool, data: JSONValue) {
        self.tool = tool
        self.agent = agent
        self.success = success
        self.data = data
    }
}

/// What a pattern found: a subject, a sentence, its figures and how many calls back it.
public struct PatternFinding: Sendable, Equatable {
    public let subject: String
    public let text: String
    public let figures: [String: Double]
    public let sampleSize: Int

    public init(subject: String, text: String, figures: [String: Double], sampleSize: Int) {
        self.subject = subject
        self.text = text
        self.figures = figures
        self.sampleSize = sampleSize
    }
}
