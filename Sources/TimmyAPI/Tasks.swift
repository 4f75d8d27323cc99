import Foundation
import TimmyCore

/// A posted task and its outcome.
public struct TaskView: Sendable, Codable, Equatable, Identifiable {
    public let id: String
    public let description: String
    public let status: TaskStatus
    public let plan: [PlannedCall]
    public let winner: String?
    public let winningBid: Int?
    public let result: String?
    public let failureReason: String?
    public let createdAt: Date
    public let updatedAt: Date

    public init(
        id: String, description: String, status: TaskStatus, plan: [PlannedCall], winner: String?, winningBid: Int?, result: String?,
        failureReason: String?, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.description = description
        self.status = status
        self.plan = plan
        self.winner = winner
        self.winningBid = winningBid
        self.result = result
        self.failureReason = failureReason
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// One persona's bid in one auction, with why it bid what it did.
public struct BidView: Sendable, Codable, Equatable {
    public let id: Int64?
    public let taskId: String
    public let agent: String
    public let sats: Int
    /// The formula's bid before the learner adjusted it.
    public let baseSats: Int
    public let learnerFactor: Double
    public let keywordMatched: Bool
    public let matchedKeywords: [String]
    /// Order of arrival within the auction; ties go to the lowest.
    public let sequence: Int
    public let createdAt: Date

    public init(
        id: Int64?, taskId: String, agent: String, sats: Int, baseSats: Int, learnerFactor: Double, keywordMatched: Bool,
        matchedKeywords: [String], sequence: Int, createdAt: Date
    ) {
        self.id = id
        self.taskId = taskId
        self.agent = agent
        self.sats = sats
        self.baseSats = baseSats
        self.learnerFactor = learnerFactor
        self.keywordMatched = keywordMatched
        self.matchedKeywords = matchedKeywords
        self.sequence = sequence
        self.createdAt = createdAt
    }
}

/// One invocation of a tool: who, what, with which arguments, and how it went.
public struct ToolCallView: Sendable, Codable, Equatable {
    public let id: Int64?
    public let taskId: String?
    public let agent: String
    public let tool: String
    public let arguments: [String: JSONValue]
    public let success: Bool
    public let resultSummary: String
    public let error: String?
    public let durationMs: Double
    public let createdAt: Date

    public init(
        id: Int64?, taskId: String?, agent: String, tool: String, arguments: [String: JSONValue], success: Bool, resultSummary: String,
        error: String?, durationMs: Double, createdAt: Date
    ) {
        self.id = id
        self.taskId = taskId
        self.agent = agent
        self.tool = tool
        self.arguments = arguments
        self.success = success
        self.resultSummary = resultSummary
        self.error = error
        self.durationMs = durationMs
        self.createdAt = createdAt
    }
}

/// A task with everything recorded about it.
public struct TaskDetail: Sendable, Codable, Equatable {
    public let task: TaskView
    public let bids: [BidView]
    public let toolCalls: [ToolCallView]
    public let events: [EventView]
    public let prediction: Prediction?

    public init(task: TaskView, bids: [BidView], toolCalls: [ToolCallView], events: [EventView], prediction: Prediction?) {
        self.task = task
        self.bids = bids
        self.toolCalls = toolCalls
        self.events = events
        self.prediction = prediction
    }
}

/// A page of tasks with the count in each status.
public struct TaskList: Sendable, Codable, Equatable {
    public let tasks: [TaskView]
    public let counts: [String: Int]
    public let limit: Int
    public let offset: Int

    public init(tasks: [TaskView], counts: [String: Int], limit: Int, offset: Int) {
        self.tasks = tasks
        self.counts = counts
        self.limit = limit
        self.offset = offset
    }
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

/// A closed auction: the task and every bid it drew, in order of arrival.
public struct AuctionView: Sendable, Codable, Equatable {
    public let task: TaskView
    public let bids: [BidView]

    public init(task: TaskView, bids: [BidView]) {
        self.task = task
        self.bids = bids
    }
}

/// The latest auctions with every bid: who bid what, and why.
public struct AuctionList: Sendable, Codable, Equatable {
    public let auctions: [AuctionView]

    public init(auctions: [AuctionView]) { self.auctions = auctions }
}
