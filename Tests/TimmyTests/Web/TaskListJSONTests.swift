import Foundation
import Testing
import TimmyAPI
import TimmyCore

@testable import TimmyWeb

@Suite("The task list's own JSON writer")
struct TaskListJSONTests {
    static let full = TaskView(
        id: "4f1c", description: "say \"hi\" to C:\\temp, then\nwrite ünïcødé / 日本語", status: .failed,
        plan: [
            PlannedCall(tool: "write_file", arguments: ["path": "notes/a.txt", "content": "x", "append": true, "size": 1.5, "none": .null]),
            PlannedCall(tool: "list_files", arguments: [:]),
        ],
        winner: "forge", winningBid: 42, result: "partly", failureReason: "disk full", createdAt: Date(timeIntervalSince1970: 1_764_000_000.75),
        updatedAt: Date(timeIntervalSince1970: 1_764_000_123))
    static let bare = TaskView(
        id: "a", description: "", status: .bidding, plan: [], winner: nil, winningBid: nil, result: nil, failureReason: nil,
        createdAt: Date(timeIntervalSince1970: 0), updatedAt: Date(timeIntervalSince1970: 86_399))

    @Test("writes exactly what JSONEncoder writes, with every optional field present or absent")
    func sameAsEncoder() throws {
        let lists = [
            TaskList(tasks: [Self.full, Self.bare], counts: ["failed": 1, "bidding": 1, "completed": 0], limit: 50, offset: 0),
            TaskList(tasks: [], counts: [:], limit: 1, offset: 7),
        ]
        for list in lists {
            #expect(list.jsonText == JSONCoding.string(list))
            #expect(try JSONCoding.decoder().decode(TaskList.self, from: Data(list.jsonText.utf8)) == list.withWholeSeconds)
        }
    }
}

extension TaskList {
    /// The list as it reads back: JSON dates carry whole seconds.
    fileprivate var withWholeSeconds: TaskList {
        func whole(_ date: Date) -> Date { Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down)) }
        return TaskList(
            tasks: tasks.map {
                TaskView(
                    id: $0.id, description: $0.description, status: $0.status, plan: $0.plan, winner: $0.winner, winningBid: $0.winningBid,
                    result: $0.result, failureReason: $0.failureReason, createdAt: whole($0.createdAt), updatedAt: whole($0.updatedAt))
            }, counts: counts, limit: limit, offset: offset)
    }
}
