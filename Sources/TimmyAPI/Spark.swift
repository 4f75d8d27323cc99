import Foundation
import TimmyCore

/// Spark at a glance.
public struct SparkStatus: Sendable, Codable, Equatable {
    public let enabled: Bool
    public let events: Int
    public let memories: Int
    public let accuracy: PredictionAccuracy
    public let agents: [String: AgentHistory]

    public init(enabled: Bool, events: Int, memories: Int, accuracy: PredictionAccuracy, agents: [String: AgentHistory]) {
        self.enabled = enabled
        self.events = events
        self.memories = memories
        self.accuracy = accuracy
        self.agents = agents
    }
}

/// A consolidated lesson, one per (kind, subject).
public struct MemoryView: Sendable, Codable, Equatable {
    public let id: Int64?
    public let kind: String
    public let subject: String
    public let content: String
    public let evidenceCount: Int
    public let createdAt: Date
    public let updatedAt: Date

    public init(id: Int64?, kind: String, subject: String, content: String, evidenceCount: Int, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.kind = kind
        self.subject = subject
        self.content = content
        self.evidenceCount = evidenceCount
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// The advice Spark gives now, and the lessons it has kept.
public struct AdvisoryList: Sendable, Codable, Equatable {
    public let advisories: [Advisory]
    public let memories: [MemoryView]

    public init(advisories: [Advisory], memories: [MemoryView]) {
        self.advisories = advisories
        self.memories = memories
    }
}

/// What Spark expected of a task when it was posted, and how well that held once it ended.
public struct PredictionView: Sendable, Codable, Equatable {
    public let taskId: String
    public let predictedWinner: String?
    public let successProbability: Double
    public let bidLow: Int
    public let bidHigh: Int
    public let basis: String
    public let actualWinner: String?
    public let actualSuccess: Bool?
    public let actualBid: Int?
    /// 0.4 for the winner, 0.4 for success, 0.2 for the bid range; nil until the task ends.
    public let score: Double?
    public let createdAt: Date
    public let scoredAt: Date?

    public init(
        taskId: String, predictedWinner: String?, successProbability: Double, bidLow: Int, bidHigh: Int, basis: String,
        actualWinner: String?, actualSuccess: Bool?, actualBid: Int?, score: Double?, createdAt: Date, scoredAt: Date?
    ) {
        self.taskId = taskId
        self.predictedWinner = predictedWinner
        self.successProbability = successProbability
        self.bidLow = bidLow
        self.bidHigh = bidHigh
        self.basis = basis
        self.actualWinner = actualWinner
        self.actualSuccess = actualSuccess
        self.actualBid = actualBid
        self.score = score
        self.createdAt = createdAt
        self.scoredAt = scoredAt
    }
}

/// The latest predictions and how good they have been.
public struct PredictionList: Sendable, Codable, Equatable {
    public let predictions: [PredictionView]
    public let accuracy: PredictionAccuracy

    public init(predictions: [PredictionView], accuracy: PredictionAccuracy) {
        self.predictions = predictions
        self.accuracy = accuracy
    }
}
