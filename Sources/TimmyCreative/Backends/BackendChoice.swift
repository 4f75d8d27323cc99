import TimmyCore
import TimmySketch
import TimmyWorker

/// Picks the backend for a call: the one asked for, else the `creative_backend` setting. `auto`
/// means the worker where its model can load here (the worker is installed and the model is on the
/// machine, or a worker is configured at `worker_url`), else the sketch; the result says which ran.
/// Asking for `worker` where it cannot run is refused at once, with what is missing.
public enum BackendChoice {
    public static let names = ["auto", "worker", "sketch"]

    /// The backend that will run a call making `family`'s work; throws naming the `backend` argument when it cannot run.
    public static func resolve(_ requested: String?, family: WorkerFamily?, settings: Settings) throws(ToolError) -> any CreativeBackend {
        let name = requested ?? settings[.creativeBackend]
        switch name {
        case "sketch": return SketchBackend()
        case "auto":
            guard let family, WorkerInstallation.unavailability(family, settings: settings) == nil else { return SketchBackend() }
            return WorkerBackend(settings: settings)
        case "worker":
            guard let family else { return SketchBackend() }
            if let reason = WorkerInstallation.unavailability(family, settings: settings) {
                throw .invalidArgument(
                    name: "backend",
                    reason:
                        "cannot be 'worker': the worker cannot make this here: \(reason). Use backend 'sketch' (or 'auto') for a draft without a model"
                )
            }
            return WorkerBackend(settings: settings)
        default: throw .invalidArgument(name: "backend", reason: "must be one of \(names.joined(separator: ", ")), got '\(name)'")
        }
    }
}

extension GenerateStoryboardTool.Request: WorkerFamilyRequest {
    var workerFamily: WorkerFamily { .image }
}

extension ImageVariationsTool.Request: WorkerFamilyRequest {
    var workerFamily: WorkerFamily { .image }
}
