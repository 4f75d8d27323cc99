import TimmyCore

/// Everything the CLI and the JSON API can ask of Timmy. The runtime answers in-process; the
/// CLI's HTTP client answers by asking a running server. Both return the same values.
public protocol TimmyService: Sendable {
    func health() async throws -> HealthReport
    func postTask(_ description: String, wait: Bool) async throws -> TaskDetail
    func tasks(status: TaskStatus?, limit: Int, offset: Int) async throws -> TaskList
    func task(_ id: String) async throws -> TaskDetail
    func personas() async throws -> [PersonaView]
    func tools(persona: String?) async throws -> [ToolView]
    /// Calls, success rate and duration percentiles of every tool that has been called, per agent.
    func toolUsage() async throws -> ToolUsageReport
    func runTool(_ name: String, persona: String, arguments: [String: JSONValue]) async throws -> ToolRunResponse
    func sparkStatus() async throws -> SparkStatus
    func timeline(type: String?, agent: String?, limit: Int) async throws -> Timeline
    func advisories() async throws -> AdvisoryList
    func predictions(limit: Int) async throws -> PredictionList
    func ledger() async throws -> LedgerView
    /// The latest auctions (1–100), newest first, each with every bid.
    func auctions(limit: Int) async throws -> AuctionList
    /// The job queue of creative calls, newest first, optionally of one status.
    func jobs(status: JobStatus?, limit: Int) async throws -> JobList
    func job(_ id: String) async throws -> JobDetail
    /// Cancels a queued or running job; a finished one is a conflict.
    func cancelJob(_ id: String) async throws -> JobDetail
    /// Queues a failed, cancelled or interrupted job again.
    func retryJob(_ id: String) async throws -> JobDetail
    /// The media made, newest first, optionally of one kind.
    func assets(kind: AssetKind?, limit: Int) async throws -> AssetList
    /// A conversation with Timmy (the latest when `conversation` is nil), and the model that answers.
    func chatHistory(conversation: String?, limit: Int) async throws -> ChatHistory
    /// Sends a message to Timmy and streams the answer: text pieces, tasks it posts and their
    /// progress, then the stored answer. Both messages are kept in the store.
    func chat(_ message: String, conversation: String?) async throws -> AsyncThrowingStream<ChatEvent, any Error>
    /// Plan success of the language model against the rules, and latency and tokens per model.
    func modelReport() async throws -> ModelReport
    /// Creative Director projects, newest first (1–500).
    func projects(limit: Int) async throws -> ProjectList
    /// A project with its script and steps; an id that cannot name one (`..`, `/`) is not found.
    func project(_ id: String) async throws -> ProjectDetail
    /// Checks the request completely (a bad value writes nothing), writes the script and starts the
    /// project; it runs on in the background (follow it on the event stream).
    func createProject(_ request: CreateProjectRequest) async throws -> ProjectDetail
    /// Changes scene descriptions and lyrics of a project that is not running.
    func editProject(_ id: String, _ edit: EditProjectRequest) async throws -> ProjectDetail
    /// Passes the approval gate of a project awaiting approval; it runs on with the edits.
    func approveProject(_ id: String) async throws -> ProjectDetail
    /// Runs an interrupted, failed or finished project on, remaking only what is unfinished or changed.
    func resumeProject(_ id: String) async throws -> ProjectDetail
    /// Remakes one scene's keyframe (and, past the approval gate, its clips and the final video).
    func rerunScene(_ id: String, _ request: RerunSceneRequest) async throws -> ProjectDetail
    /// The one event stream, in commit order: the events after `after` first (none when nil), then each
    /// event as it is committed. It ends when the caller stops reading or the service shuts down.
    func events(after: Int64?) async throws -> AsyncThrowingStream<EventView, any Error>
}
