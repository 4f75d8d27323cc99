import Foundation
import TimmyCore
import TimmyCreativeBackend

/// The model worker as a creative backend: each call is one job (or one per variation) sent over the
/// worker protocol, followed step by step, its result file fetched and brought by FFmpeg to what the
/// tools promise. Sidecars record the model, the hash of its weights, the device, dtype, steps,
/// guidance, seed and the timings of each stage.
public struct WorkerBackend: CreativeBackend {
    public let name = "worker"
    let settings: Settings
    let supervisor: WorkerSupervisor
    /// Frame 1 of a storyboard, the reference image of the frames after it.
    let series = SeriesReference()

    public init(settings: Settings, supervisor: WorkerSupervisor = .shared) {
        self.settings = settings
        self.supervisor = supervisor
    }

    /// What one job left: the result's data and its file, fetched into the scratch folder.
    struct Outcome {
        let result: JSONValue
        let file: URL
        let timings: [String: Double]

        /// The report for the sidecar: the model and every fact the worker gave about how it made the file.
        func report(adding timings: [String: Double] = [:], details extra: [String: JSONValue] = [:]) -> RenderReport {
            var details: [String: JSONValue] = [:]
            for key in ["weights_sha256", "pipeline", "device", "device_kind", "dtype", "steps", "guidance", "seed"] {
                details[key] = result[key] ?? .null
            }
            if case .object(let facts) = result["details"] ?? .null { details.merge(facts) { $1 } }
            details.merge(extra) { $1 }
            return RenderReport(model: result["model"]?.stringValue ?? "unknown", timings: self.timings.merging(timings) { $1 }, details: details)
        }
    }

    /// Runs one job of `family` and fetches its file beside `file` (with the worker's own name).
    func job(
        _ family: WorkerFamily, params: [String: JSONValue], operation: String, beside file: URL, progress: ToolProgress
    ) async throws -> Outcome {
        let endpoint = try await supervisor.endpoint(settings)
        let client = WorkerClient(endpoint: endpoint)
        let tracker = JobTracker()
        var all = params
        all["model"] = .string(settings[family.modelSetting])
        let result: JSONValue
        do {
            result = try await client.run(kind: family.rawValue, params: all) { event in
                await tracker.note(event)
                if let step = event.data["step"]?.intValue, let steps = event.data["steps"]?.intValue, steps > 0 {
                    try await progress(0.05 + 0.85 * Double(step) / Double(steps), event.data["message"]?.stringValue ?? "step \(step)/\(steps)")
                } else if event.name == "loading" {
                    try await progress(0.02, "loading \(event.data["model"]?.stringValue ?? "the model")")
                }
            }
        } catch let error as WorkerError {
            throw error
        } catch {
            if let job = await tracker.job { await client.cancel(job: job) }
            if let reason = await endpoint.exit?.reason(within: .seconds(3)) {
                let (step, steps) = await tracker.position
                throw WorkerError.exited(reason: reason, step: step, steps: steps, operation: operation)
            }
            throw error
        }
        let started = ContinuousClock.now
        guard let url = result["files"]?.arrayValue?.first?["url"]?.stringValue,
            let fileName = result["files"]?.arrayValue?.first?["name"]?.stringValue
        else { throw WorkerError.protocolError("the result names no file") }
        let local = file.deletingLastPathComponent().appendingPathComponent(file.deletingPathExtension().lastPathComponent + "-worker-" + fileName)
        try await client.download(url, to: local)
        if let job = result["job"]?.stringValue { await client.forget(job: job) }
        var timings: [String: Double] = [:]
        if case .object(let stages) = result["timings"] ?? .null { timings = stages.compactMapValues(\.doubleValue) }
        timings["transfer"] = (ContinuousClock.now - started).seconds
        return Outcome(result: result, file: local, timings: timings)
    }
}

/// The job id and the last step a job's stream reported, for a failure that needs to say where it stopped.
actor JobTracker {
    private(set) var job: String?
    private var step = 0
    private var steps = 0

    var position: (Int, Int) { (step, steps) }

    func note(_ event: WorkerClient.Event) {
        if let id = event.data["job"]?.stringValue { job = id }
        if let step = event.data["step"]?.intValue { self.step = step }
        if let steps = event.data["steps"]?.intValue { self.steps = steps }
    }
}

/// The first frame of a storyboard, kept for the frames after it.
actor SeriesReference {
    private var frame: (scenes: [String], png: Data)?

    func reference(for scenes: [String]) -> Data? {
        frame?.scenes == scenes ? frame?.png : nil
    }

    func keep(_ png: Data, scenes: [String]) {
        frame = (scenes, png)
    }
}
