/// Timmy's version, as reported by `/health` and `timmy --version`.
public let timmyVersion = "0.1.0"

/// What an agent is doing right now.
public struct AgentStatus: Sendable, Codable, Equatable {
    public let id: String
    public let status: String
    public let currentTask: String?
    /// The creative job it is running: a tool run directly, or a Director step.
    public let currentJob: String?
    public let queued: Int

    public init(id: String, status: String, currentTask: String?, currentJob: String? = nil, queued: Int) {
        self.id = id
        self.status = status
        self.currentTask = currentTask
        self.currentJob = currentJob
        self.queued = queued
    }

    /// The same agent, busy with job `id` as well as whatever task it holds.
    public func running(job id: String) -> AgentStatus {
        AgentStatus(id: self.id, status: "busy", currentTask: currentTask, currentJob: id, queued: queued)
    }
}

/// What `/health` answers.
public struct HealthReport: Sendable, Codable, Equatable {
    public struct StoreHealth: Sendable, Codable, Equatable {
        public let status: String
        public let path: String?
        public let tasks: Int

        public init(status: String, path: String?, tasks: Int) {
            self.status = status
            self.path = path
            self.tasks = tasks
        }
    }

    public let status: String
    public let version: String
    public let uptimeSeconds: Double
    public let store: StoreHealth
    public let agents: [AgentStatus]

    public init(status: String, version: String, uptimeSeconds: Double, store: StoreHealth, agents: [AgentStatus]) {
        self.status = status
        self.version = version
        self.uptimeSeconds = uptimeSeconds
        self.store = store
        self.agents = agents
    }
}
