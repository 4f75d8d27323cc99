import TimmyCore

/// One answer the fake model server gives, spoken in whichever wire format was asked.
public struct FakeTurn: Sendable {
    /// A tool call the turn makes; `argumentText` is sent as given, so it can be malformed.
    public struct Call: Sendable {
        public let name: String
        public let argumentText: String

        public init(_ name: String, _ arguments: [String: JSONValue]) {
            self.name = name
            argumentText = arguments.jsonText
        }

        public init(_ name: String, argumentText: String) {
            self.name = name
            self.argumentText = argumentText
        }
    }

    public var pieces: [String]
    public var calls: [Call]
    public var promptTokens: Int
    public var completionTokens: Int
    /// Silence before the answer's headers, to let the client's timeout expire.
    public var delay: Duration?
    /// An error status and message instead of an answer.
    public var failure: (status: Int, message: String)?

    public init(
        pieces: [String] = [], calls: [Call] = [], promptTokens: Int = 40, completionTokens: Int = 12, delay: Duration? = nil,
        failure: (status: Int, message: String)? = nil
    ) {
        self.pieces = pieces
        self.calls = calls
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.delay = delay
        self.failure = failure
    }

    /// A text answer, streamed a word at a time.
    public static func answer(_ text: String) -> FakeTurn {
        var pieces: [String] = []
        for word in text.split(separator: " ", omittingEmptySubsequences: false) { pieces.append(pieces.isEmpty ? String(word) : " " + word) }
        return FakeTurn(pieces: pieces)
    }

    /// One tool call with arguments.
    public static func call(_ name: String, _ arguments: [String: JSONValue]) -> FakeTurn { FakeTurn(calls: [Call(name, arguments)]) }

    var doneReason: String { calls.isEmpty ? "stop" : "tool_calls" }
}
