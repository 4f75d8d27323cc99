import Foundation
import TimmyCore
import TimmyTestSupport

/// The checkout's worker and its tiny models (written by `python -m timmy_worker.tiny` when missing),
/// and the settings that point each model setting at them.
enum TinyWorker {
    static let root: URL = {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("worker/pyproject.toml").path) {
            folder = folder.deletingLastPathComponent()
        }
        return folder
    }()

    static var python: URL { root.appendingPathComponent("worker/.venv/bin/python") }

    /// Each family's tiny model folder, keyed by its worker family name.
    static let models: [String: String] = {
        let cache = root.appendingPathComponent("worker/.cache/tiny-models")
        let output = try? MediaProbe.run(python.path, ["-m", "timmy_worker.tiny", cache.path])
        var folders: [String: String] = [:]
        for line in (output ?? "").split(separator: "\n") {
            let parts = line.split(separator: "\t")
            if parts.count == 2 { folders[String(parts[0])] = String(parts[1]) }
        }
        return folders
    }()

    /// The environment that runs the worker backend on the tiny models, with clips generated at a
    /// quarter of their size in six steps so that the CPU makes them in seconds.
    static var environment: [String: String] {
        [
            "TIMMY_WORKER_PYTHON": python.path, "TIMMY_FLUX_MODEL_ID": models["image"] ?? "", "TIMMY_ACE_STEP_MODEL": models["music"] ?? "",
            "TIMMY_WAN_MODEL_ID": models["video"] ?? "", "TIMMY_WAN_I2V_MODEL_ID": models["image_to_video"] ?? "",
            "TIMMY_WORKER_VIDEO_SCALE": "0.25", "TIMMY_WAN_STEPS": "6",
        ]
    }

    static func settings(in folder: URL) throws -> Settings {
        try Settings.load(baseDirectory: folder, environment: environment)
    }
}
