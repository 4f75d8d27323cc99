import TimmyCore

/// One tool call a step makes.
public struct StepCall: Sendable, Equatable {
    public let tool: String
    public let persona: String
    public let arguments: [String: JSONValue]
    /// The task the project serves, so its calls show in the task's timeline.
    public let taskID: String?

    public init(tool: String, persona: String, arguments: [String: JSONValue], taskID: String?) {
        self.tool = tool
        self.persona = persona
        self.arguments = arguments
        self.taskID = taskID
    }
}

/// A file a step's call made, as its asset row records it.
public struct StepAsset: Sendable, Equatable {
    public let id: String
    public let kind: AssetKind
    public let path: String
    public let sidecarPath: String
    public let seed: Int?

    public init(id: String, kind: AssetKind, path: String, sidecarPath: String, seed: Int?) {
        self.id = id
        self.kind = kind
        self.path = path
        self.sidecarPath = sidecarPath
        self.seed = seed
    }
}

/// How a step's call ended well: the job that ran it (nil for a tool that runs at once), the
/// tool's structured result and the files it made.
public struct StepResult: Sendable, Equatable {
    public let jobID: String?
    public let summary: String
    public let data: JSONValue
    public let assets: [StepAsset]

    public init(jobID: String?, summary: String, data: JSONValue, assets: [StepAsset]) {
        self.jobID = jobID
        self.summary = summary
        self.data = data
        self.assets = assets
    }
}

/// What the Director needs to have a tool run: the swarm implements it with its job queue, so each
/// call is recorded like any other (job row, tool call, assets, events) and gets the queue's
/// progress, cancelling, backend lanes and recovery after a crash.
public protocol StepRunner: Sendable {
    /// Runs `call` as its persona and waits for its end. A queued tool (image, music, video) runs as
    /// a job: with `resuming`, the job a previous attempt started is waited for (or retried, keeping
    /// its seed, when it was interrupted or failed) instead of a new one; a new job's id is passed to
    /// `started` before the wait, so the step can record it. Other tools run at once, recorded.
    /// Throws `DirectorError.failed` with the job's or tool's reason when the call does not succeed.
    func run(_ call: StepCall, resuming job: String?, started: @escaping @Sendable (String) async throws -> Void) async throws -> StepResult
}
