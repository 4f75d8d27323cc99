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

/// The latest predictions and how good they have been.
public struct PredictionList: Sendable, Codable, Equatable {
    public let predictions: [Prediction]
    public let accuracy: PredictionAccuracy

    public init(predictions: [Prediction], accuracy: PredictionAccuracy) {
        self.predictions = predictions
        self.accuracy = accuracy
    }
}
