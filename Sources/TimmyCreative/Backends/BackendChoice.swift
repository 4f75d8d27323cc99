import TimmyCore
import TimmySketch

/// Picks the backend for a call: the one asked for, else the `creative_backend` setting.
/// `auto` means the worker where its models can load, else the sketch; there is no worker yet,
/// so `auto` runs the sketch and the result says so, and asking for `worker` is refused.
public enum BackendChoice {
    public static let names = ["auto", "worker", "sketch"]

    /// Said when the worker is asked for: what is missing and what works instead.
    public static let workerUnavailable = """
        the worker backend is not available yet: the Python worker that runs FLUX.2 Klein, ACE-Step and Wan 2.1 \
        arrives in a later release (see docs/creative.md, "Backends"). Use backend 'sketch' (or 'auto') for drafts \
        made here without a model.
        """

    /// The backend that will run the call; throws naming the `backend` argument when it cannot run.
    public static func resolve(_ requested: String?, settings: Settings) throws(ToolError) -> any CreativeBackend {
        let name = requested ?? settings[.creativeBackend]
        switch name {
        case "sketch", "auto": return SketchBackend()
        case "worker": throw .invalidArgument(name: "backend", reason: "cannot be 'worker': \(workerUnavailable)")
        default: throw .invalidArgument(name: "backend", reason: "must be one of \(names.joined(separator: ", ")), got '\(name)'")
        }
    }
}
