import TimmyCore
import TimmyStore

/// Everything the CLI and the JSON API can ask of Timmy. The runtime answers in-process; the
/// CLI's HTTP client answers by asking a running server. Both return the same values.
public protocol TimmyService: Sendable {
    func health() async throws -> HealthReport
    func postTask(_ description: String, wait: Bool) async throws -> TaskDetail
    func tasks(status: TaskStatus?, limit: Int, offset: Int) async throws -> TaskList
    func task(_ id: String) async throws -> TaskDetail
    func personas() async throws -> [PersonaView]
    func tools(persona: String?) async throws -> [ToolView]
    func runTool(_ name: String, persona: String, arguments: [String: JSONValue]) async throws -> ToolRunResponse
    func sparkStatus() async throws -> SparkStatus
    func timeline(type: String?, agent: String?, limit: Int) async throws -> Timeline
    func advisories() async throws -> AdvisoryList
    func predictions(limit: Int) async throws -> PredictionList
    func ledger() async throws -> LedgerView
    func jobs(status: JobStatus?, limit: Int) async throws -> JobList
    func job(_ id: String) async throws -> JobDetail
    func cancelJob(_ id: String) async throws -> JobDetail
    func retryJob(_ id: String) async throws -> JobDetail
    func assets(kind: AssetKind?, limit: Int) async throws -> AssetList
}
