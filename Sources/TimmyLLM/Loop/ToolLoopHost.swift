/// How a tool call the model asked for stands against the tools it was given.
public enum ToolCheck: Sendable, Equatable {
    case valid
    /// Repairable: a wrong type, a missing argument, an unknown name. The words go back to the model.
    case invalid(String)
    /// Not the model's to call (outside the toolkit): the call is recorded as refused and the work fails.
    case refused(String)
}

/// Whoever runs the tools a model asks for: checks each call, runs it, records every model call.
public protocol ToolLoopHost: Sendable {
    func check(_ call: ModelToolCall) -> ToolCheck
    /// Records a refused call; `reason` is the check's.
    func refuse(_ call: ModelToolCall, reason: String) async
    /// Runs a valid call and returns what the model is told of its result (or of its failure).
    func run(_ call: ModelToolCall) async -> String
    func record(_ call: ModelCallReport) async
}
