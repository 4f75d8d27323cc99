import Foundation
import TimmyAPI
import TimmyCore
import TimmySwarm

/// `/spark`: the event timeline (filtered by type and agent), advisories, predictions and their accuracy, memories.
struct SparkPage {
    struct Option {
        let value: String
        let label: String
        let selected: Bool
    }

    struct Figure {
        let label: String
        let value: String
    }

    struct Advice {
        let kind: String
        let subject: String
        let text: String
        let sampleSize: Int
    }

    struct Prediction {
        let taskHref: String
        let taskShort: String
        let winner: String
        let successProbability: String
        let bidRange: String
        let actualWinner: String
        let actualBid: String
        let outcome: String
        let score: String
    }

    /// One planner's success, or one model's latency and tokens, with the sample each rests on.
    struct ModelRow {
        let name: String
        let sample: String
        let first: String
        let second: String
        let third: String
    }

    struct Memory {
        let kind: String
        let subject: String
        let content: String
        let evidence: Int
        let updated: String
    }

    let enabled: Bool
    let figures: [Figure]
    let types: [Option]
    let agents: [Option]
    let filtered: Bool
    let timeline: [FeedItem]
    let advisories: [Advice]
    let predictions: [Prediction]
    let hasPredictions: Bool
    let memories: [Memory]
    let planners: [ModelRow]
    let models: [ModelRow]
    let hasModels: Bool

    init(_ service: any TimmyService, type: String?, agent: String?) async throws {
        let status = try await service.sparkStatus()
        let accuracy = status.accuracy
        enabled = status.enabled
        figures = [
            Figure(label: "events recorded", value: String(status.events)),
            Figure(label: "memories", value: String(status.memories)),
            Figure(label: "predictions scored", value: String(accuracy.scored)),
            Figure(label: "awaiting an outcome", value: String(accuracy.pending)),
            Figure(label: "average score", value: accuracy.averageScore.map { String(format: "%.2f", $0) } ?? "none yet"),
            Figure(label: "winner called", value: accuracy.winnerHitRate.map(Format.percent) ?? "none yet"),
            Figure(label: "success called", value: accuracy.successHitRate.map(Format.percent) ?? "none yet"),
            Figure(label: "bid in range", value: accuracy.bidHitRate.map(Format.percent) ?? "none yet"),
        ]
        types = SparkEventType.allCases.map { Option(value: $0.rawValue, label: EventSummary.label($0.rawValue), selected: $0.rawValue == type) }
        agents = PersonaCatalog.all.map { Option(value: $0.id, label: $0.name, selected: $0.id == agent?.lowercased()) }
        filtered = type != nil || agent != nil
        timeline = try await service.timeline(type: type, agent: agent, limit: 100).events.map(FeedItem.init)
        let advice = try await service.advisories()
        advisories = advice.advisories.map {
            Advice(kind: EventSummary.label($0.kind.rawValue), subject: $0.subject, text: $0.text, sampleSize: $0.sampleSize)
        }
        predictions = try await service.predictions(limit: 25).predictions.map { prediction in
            Prediction(
                taskHref: Format.taskPath(prediction.taskId), taskShort: Format.shortID(prediction.taskId),
                winner: prediction.predictedWinner.map(Format.name) ?? "nobody", successProbability: Format.percent(prediction.successProbability),
                bidRange: prediction.predictedWinner == nil ? "—" : "\(prediction.bidLow)–\(prediction.bidHigh)",
                actualWinner: prediction.actualWinner.map(Format.name) ?? "—",
                actualBid: prediction.actualBid.map(String.init) ?? "—",
                outcome: prediction.actualSuccess.map { $0 ? "completed" : "failed" } ?? "pending",
                score: prediction.score.map { String(format: "%.2f", $0) } ?? "pending")
        }
        hasPredictions = !predictions.isEmpty
        let report = try await service.modelReport()
        planners = report.planners.map { rate in
            ModelRow(
                name: rate.planner == "llm" ? "language model" : "rules", sample: "\(rate.tasks) task\(rate.tasks == 1 ? "" : "s")",
                first: "\(rate.completed) completed", second: rate.successRate.map(Format.percent) ?? "none yet", third: "")
        }
        models = report.models.map { usage in
            let tokens =
                usage.tokenSamples == 0
                ? "no counts" : String(format: "%.0f in, %.0f out", usage.averagePromptTokens ?? 0, usage.averageCompletionTokens ?? 0)
            return ModelRow(
                name: "\(usage.model) (\(usage.provider))", sample: "\(usage.calls) call\(usage.calls == 1 ? "" : "s"), \(usage.failures) failed",
                first: usage.medianMs.map(Format.milliseconds) ?? "—", second: usage.p95Ms.map(Format.milliseconds) ?? "—",
                third: "\(tokens) (n=\(usage.tokenSamples))")
        }
        hasModels = !planners.isEmpty || !models.isEmpty
        memories = advice.memories.map {
            Memory(kind: $0.kind, subject: $0.subject, content: $0.content, evidence: $0.evidenceCount, updated: Format.dateTime($0.updatedAt))
        }
    }
}
