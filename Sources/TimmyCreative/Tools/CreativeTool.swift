import Foundation
import TimmyCore
import TimmySketch
import TimmyWorker

/// A creative tool: its call is checked and fixed in `plan` (the same checks at admission and
/// when the job runs), then `perform` makes the media in a scratch folder and publishes it.
protocol CreativeTool: QueuedTool where Input: CreativeInput {
    associatedtype Request: Sendable
    func plan(_ input: Input, context: ToolContext) throws -> CreativePlan<Request>
    func perform(_ plan: CreativePlan<Request>, output: MediaOutput, context: ToolContext) async throws -> ToolResult
}

/// A checked call: the request for the backend, the backend that will run it, and every
/// parameter's value as it will be recorded.
struct CreativePlan<Request: Sendable>: Sendable {
    let request: Request
    let backend: any CreativeBackend
    let requestedBackend: String
    /// Each parameter with its effective value (defaults filled in).
    let parameters: [String: JSONValue]
    let seed: Int?
    /// The caller's arguments plus what was fixed here (a drawn seed), for the job to run with.
    let arguments: [String: JSONValue]
    let started = ContinuousClock.now

    /// - Parameters:
    ///   - input: the call as given; the job runs with it and the seed fixed here.
    ///   - effective: the input with every value the call will use (defaults, settings and the seed resolved).
    init<Input: CreativeInput>(request: Request, input: Input, effective: Input, settings: Settings) throws(ToolError) {
        self.request = request
        requestedBackend = input.backend ?? settings[.creativeBackend]
        backend = try BackendChoice.resolve(requestedBackend, family: (request as? any WorkerFamilyRequest)?.workerFamily, settings: settings)
        var recorded = effective
        recorded.backend = requestedBackend
        parameters = recorded.values
        seed = effective.seed
        var fixed = input
        fixed.seed = effective.seed
        arguments = fixed.arguments
    }

    /// A sidecar for one output of this call.
    func sidecar(tool: String, kind: AssetKind, prompt: String, promptField: String = "prompt", report: RenderReport) -> Sidecar {
        var sidecar = Sidecar(
            tool: tool, kind: kind, prompt: prompt, promptField: promptField, parameters: parameters, seed: seed, backend: backend.name,
            requestedBackend: requestedBackend, report: report)
        let elapsed = ContinuousClock.now - started
        sidecar.totalSeconds = elapsed.seconds
        return sidecar
    }
}

extension CreativeTool {
    public var family: String { "creative" }

    public func admit(_ input: Input, context: ToolContext) throws -> JobTicket {
        let plan = try plan(input, context: context)
        return JobTicket(arguments: plan.arguments, backend: plan.backend.name)
    }

    public func run(_ input: Input, context: ToolContext) async throws -> ToolResult {
        let plan = try plan(input, context: context)
        let output = try MediaOutput(context: context)
        defer { output.finish() }
        let result = try await perform(plan, output: output, context: context)
        try await context.progress(1, "done")
        return result
    }
}

/// The result of a creative call: a line per file, the assets, and what ran.
package enum CreativeResult {
    package static func make(
        _ tool: String, _ assets: [ProducedAsset], backend: String, settings: Settings, extra: [String: JSONValue] = [:]
    ) -> ToolResult {
        let base = settings.baseDirectory.standardizedFileURL.path + "/"
        func shown(_ path: String) -> String { path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path }
        let kinds = Dictionary(grouping: assets, by: \.kind).map { "\($0.value.count) \($0.key.rawValue)\($0.value.count == 1 ? "" : "s")" }.sorted()
        let label = backend == SketchBackend.model ? "sketch backend: a procedural draft, no model" : "backend \(backend)"
        let lines = assets.map { asset -> String in
            var size = ""
            if let width = asset.width, let height = asset.height { size = " \(width)×\(height)" }
            if let duration = asset.duration { size += String(format: " %.1f s", duration) }
            return "\(asset.kind.rawValue)\(size): \(shown(asset.path))  (sidecar \(shown(asset.sidecarPath)))"
        }
        var data = extra
        data["backend"] = .string(backend)
        data["assets"] = .array(
            assets.map { ["id": .string($0.id), "kind": .string($0.kind.rawValue), "path": .string($0.path), "sidecar": .string($0.sidecarPath)] })
        return ToolResult(
            summary: "\(tool): \(kinds.joined(separator: ", ")) (\(backend)) → \(assets.first.map { shown($0.path) } ?? "nothing")",
            text: (lines + ["Made by the \(label)."]).joined(separator: "\n"), data: .object(data), assets: assets)
    }
}
