/// A tool whose calls take long enough to run as jobs in the persistent queue rather than inline.
/// Before a job is stored, `admit` checks everything that can be checked without doing the work,
/// so refused input stores nothing.
public protocol QueuedTool: Tool {
    /// Checks the arguments fully (ranges, files, the backend), fills in what must be fixed before
    /// the job runs (a drawn seed, the resolved backend), and names the lane that will run it.
    func admit(_ input: Input, context: ToolContext) throws -> JobTicket
}

extension QueuedTool {
    /// Admits checked arguments.
    public func admit(_ arguments: ToolArguments, context: ToolContext) throws -> JobTicket {
        try admit(try input(arguments), context: context)
    }
}

/// A call accepted into the job queue.
public struct JobTicket: Sendable, Equatable {
    /// The arguments the job will run with: the caller's, plus values fixed at admission.
    public let arguments: [String: JSONValue]
    /// The backend that will run it, which is also its concurrency lane (`sketch`, `worker`).
    public let backend: String

    public init(arguments: [String: JSONValue], backend: String) {
        self.arguments = arguments
        self.backend = backend
    }
}
