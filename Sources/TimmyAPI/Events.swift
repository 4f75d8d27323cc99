import Foundation
import TimmyCore

/// A Spark event: something that happened, with its importance.
public struct EventView: Sendable, Codable, Equatable {
    public let id: Int64?
    public let type: String
    public let agent: String?
    public let taskId: String?
    public let data: [String: JSONValue]
    public let importance: Double
    public let createdAt: Date

    public init(id: Int64?, type: String, agent: String?, taskId: String?, data: [String: JSONValue], importance: Double, createdAt: Date) {
        self.id = id
        self.type = type
        self.agent = agent
        self.taskId = taskId
        self.data = data
        self.importance = importance
        self.createdAt = createdAt
    }
}

/// Events, newest first.
public struct Timeline: Sendable, Codable, Equatable {
    public let events: [EventView]

    public init(events: [EventView]) { self.events = events }
}

/// What `/api/events` sends for each event: the event as `/api/spark/timeline` shows it, and its summary line.
public struct LiveEvent: Sendable, Codable, Equatable {
    public let event: EventView
    public let summary: String

    public init(event: EventView, summary: String) {
        self.event = event
        self.summary = summary
    }
}
