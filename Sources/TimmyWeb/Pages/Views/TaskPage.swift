import Foundation
import TimmyAPI
import TimmyCore
import TimmySwarm

/// `/tasks/{id}`: a task's timeline, bids, tool calls, prediction and outcome.
struct TaskPage {
    struct Step {
        let label: String
        let type: String
        let agent: String?
        let summary: String
        let time: String
        let timestamp: String
        let offset: String
    }

    struct Argument {
        let name: String
        let value: String
    }

    struct Call {
        let tool: String
        let agent: String
        /// "succeeded" or "failed".
        let outcome: String
        /// The status colour: "completed" or "failed".
        let tone: String
        let duration: String
        let arguments: [Argument]
        let summary: String
        let error: String?
        let time: String
    }

    struct Planned {
        let tool: String
        let arguments: [Argument]
    }

    struct Prediction {
        let winner: String
        let successProbability: String
        let bidRange: String
        let score: String?
    }

    let id: String
    let description: String
    let status: String
    let created: String
    let winner: String?
    let bid: String?
    let result: String?
    let failureReason: String?
    let plan: [Planned]
    let steps: [Step]
    let bids: [BidRow]
    let hasBids: Bool
    let calls: [Call]
    let prediction: Prediction?
    /// The repository's open pull requests, for a task that opened one.
    let pullRequests: TaskPullRequests?

    init(_ detail: TaskDetail, pullRequests: TaskPullRequests? = nil) {
        self.pullRequests = pullRequests
        let task = detail.task
        id = task.id
        description = task.description
        status = task.status.rawValue
        created = Format.dateTime(task.createdAt)
        winner = task.winner.map(Format.name)
        bid = task.winningBid.map(Format.sats)
        result = task.result
        failureReason = task.failureReason
        plan = task.plan.map { Planned(tool: $0.tool, arguments: Self.arguments($0.arguments)) }
        steps = detail.events.filter { $0.type != SparkEventType.bidSubmitted.rawValue }.map { event in
            Step(
                label: EventSummary.label(event.type), type: event.type, agent: event.agent.map(Format.name),
                summary: EventSummary.text(event), time: Format.time(event.createdAt), timestamp: Format.iso(event.createdAt),
                offset: String(format: "+%.3f s", event.createdAt.timeIntervalSince(task.createdAt)))
        }
        bids = BidRow.rows(detail.bids, winner: task.winner)
        hasBids = !bids.isEmpty
        calls = detail.toolCalls.map { call in
            Call(
                tool: call.tool, agent: Format.name(of: call.agent), outcome: call.success ? "succeeded" : "failed",
                tone: call.success ? "completed" : "failed", duration: Format.milliseconds(call.durationMs),
                arguments: Self.arguments(call.arguments), summary: call.resultSummary, error: call.error, time: Format.time(call.createdAt))
        }
        prediction = detail.prediction.map { prediction in
            Prediction(
                winner: prediction.predictedWinner.map(Format.name) ?? "nobody", successProbability: Format.percent(prediction.successProbability),
                bidRange: prediction.predictedWinner == nil ? "—" : "\(prediction.bidLow)–\(Format.sats(prediction.bidHigh))",
                score: prediction.score.map { String(format: "%.2f", $0) })
        }
    }

    private static func arguments(_ arguments: [String: JSONValue]) -> [Argument] {
        arguments.keys.sorted().map { Argument(name: $0, value: arguments[$0]?.jsonText ?? "null") }
    }
}
