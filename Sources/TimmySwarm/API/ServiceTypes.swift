import Foundation
import TimmyCore
import TimmySpark
import TimmyStore

/// Timmy's version, as reported by `/health` and `timmy --version`.
public let timmyVersion = "0.1.0"

/// What `/health` answers.
public struct HealthReport: Sendable, Codable, Equatable {
    public struct StoreHealth: Sendable, Codable, Equatable {
        public let status: String
        public let path: String?
        public let tasks: Int
    }

    public let status: String
    public let version: String
    public let uptimeSeconds: Double
    public let store: StoreHealth
    public let agents: [AgentStatus]
}

/// The body of `POST /api/tasks`.
public struct PostTaskRequest: Sendable, Codable {
    public let description: String
    /// Answer only once the task has completed or failed.
    public let wait: Bool?

    public init(description: String, wait: Bool?) {
        self.description = description
        self.wait = wait
    }
}

/// A page of tasks with the count in each status.
public struct TaskList: Sendable, Codable, Equatable {
    public let tasks: [TaskRecord]
    public let counts: [String: Int]
    public let limit: Int
    public let offset: Int
}

/// A persona with its toolkit.
public struct PersonaView: Sendable, Codable, Equatable {
    public let persona: Persona
    public let tools: [String]
    public let status: AgentStatus?
}

/// A tool as catalogs show it.
public struct ToolView: Sendable, Codable, Equatable {
    public let name: String
    public let family: String
    public let summary: String
    public let parameters: JSONValue
    public let personas: [String]
}

/// The body of `POST /api/tools/{name}/run`.
public struct ToolRunRequest: Sendable, Codable {
    public let persona: String
    public let arguments: [String: JSONValue]?

    public init(persona: String, arguments: [String: JSONValue]?) {
        self.persona = persona
        self.arguments = arguments
    }
}

/// A direct tool call's outcome: the record and result of a call that ran at once, or the job a
/// queued tool (image, music, video) was given.
public struct ToolRunResponse: Sendable, Codable, Equatable {
    public let call: ToolCallRecord?
    public let result: ToolResult?
    public let job: JobDetail?

    public init(call: ToolCallRecord?, result: ToolResult?, job: JobDetail?) {
        self.call = call
        self.result = result
        self.job = job
    }
}

/// Spark at a glance.
public struct SparkStatus: Sendable, Codable, Equatable {
    public let enabled: Bool
    public let events: Int
    public let memories: Int
    public let accuracy: PredictionAccuracy
    public let agents: [String: AgentRecord]
}

public struct Timeline: Sendable, Codable, Equatable {
    public let events: [EventRecord]
}

public struct AdvisoryList: Sendable, Codable, Equatable {
    public let advisories: [Advisory]
    public let memories: [MemoryRecord]
}

public struct PredictionList: Sendable, Codable, Equatable {
    public let predictions: [PredictionRecord]
    public let accuracy: PredictionAccuracy
}

public struct LedgerView: Sendable, Codable, Equatable {
    public let balances: [LedgerBalance]
    public let entries: [LedgerEntry]
}

/// Why a service call could not be served; the web layer turns each into an HTTP status.
public enum ServiceError: Error, Equatable, CustomStringConvertible {
    case notFound(String)
    case invalid(field: String, message: String)
    /// The caller may not do this (a tool outside the persona's toolkit).
    case forbidden(String)
    /// The request was sound but the work failed (a tool's own error); it was recorded.
    case failed(String)
    case unavailable(String)
    /// The thing is not in a state that allows this (cancelling a finished job).
    case conflict(String)

    public var description: String {
        switch self {
        case .notFound(let message), .unavailable(let message), .forbidden(let message), .failed(let message), .conflict(let message): message
        case .invalid(_, let message): message
        }
    }
}

/// The latest auctions with every bid: who bid what, and why.
public struct AuctionList: Sendable, Codable, Equatable {
    public let auctions: [AuctionRecord]
}
