import Foundation
import TimmyCore

/// Where the local worker's Python is, and whether a model is on this machine. The model check
/// follows the worker's own (`timmy_worker/models.py`, `locate`): a folder with model_index.json, or
/// a hub id in the local Hugging Face cache. It answers at admission without starting the worker.
public enum WorkerInstallation {
    /// `worker_python` when set; else `worker/.venv/bin/python` beside the data folder's base or above
    /// the running executable (a checkout's `.build/…/timmy`). Throws naming the places searched.
    public static func python(_ settings: Settings) throws(WorkerError) -> URL {
        let configured = settings[.workerPython]
        if !configured.isEmpty {
            let url = settings.resolvePath(configured)
            guard FileManager.default.isExecutableFile(atPath: url.path) else { throw .notInstalled(searched: [url.path]) }
            return url
        }
        let candidates = candidateFolders(settings).map { $0.appendingPathComponent("worker/.venv/bin/python") }
        if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) { return found }
        throw .notInstalled(searched: candidates.map(\.path))
    }

    private static func candidateFolders(_ settings: Settings) -> [URL] {
        var folders = [settings.baseDirectory.standardizedFileURL]
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        while folder.path != "/" {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("worker/pyproject.toml").path) {
                folders.append(folder)
                break
            }
            folder = folder.deletingLastPathComponent()
        }
        return folders
    }

    /// Whether `reference` names a folder rather than a hub id (`owner/name`).
    public static func isFolder(_ reference: String) -> Bool {
        reference.hasPrefix("/") || reference.hasPrefix(".") || reference.hasPrefix("~") || reference.split(separator: "/").count != 2
    }

    /// The local folder of a model, or nil when it is not on this machine.
    public static func localModel(_ reference: String, settings: Settings) -> URL? {
        if isFolder(reference) {
            let folder = settings.resolvePath(reference)
            return FileManager.default.fileExists(atPath: folder.appendingPathComponent("model_index.json").path) ? folder : nil
        }
        let snapshots = hubCache().appendingPathComponent("models--" + reference.replacingOccurrences(of: "/", with: "--"))
            .appendingPathComponent("snapshots")
        let revisions = (try? FileManager.default.contentsOfDirectory(at: snapshots, includingPropertiesForKeys: nil)) ?? []
        return revisions.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("model_index.json").path) }
    }

    /// The Hugging Face cache, as huggingface_hub finds it: HF_HUB_CACHE, else HF_HOME/hub, else ~/.cache/huggingface/hub.
    public static func hubCache() -> URL {
        let environment = ProcessInfo.processInfo.environment
        if let cache = environment["HF_HUB_CACHE"], !cache.isEmpty { return URL(fileURLWithPath: cache) }
        if let home = environment["HF_HOME"], !home.isEmpty { return URL(fileURLWithPath: home).appendingPathComponent("hub") }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/huggingface/hub")
    }

    /// Why the worker cannot make `family`'s work here, or nil when it can (a remote worker is taken at its word).
    public static func unavailability(_ family: WorkerFamily, settings: Settings) -> String? {
        guard settings[.workerURL].isEmpty else { return nil }
        do {
            _ = try python(settings)
        } catch {
            return error.description
        }
        let model = settings[family.modelSetting]
        guard localModel(model, settings: settings) == nil else { return nil }
        let place =
            isFolder(model)
            ? "\(settings.resolvePath(model).path) holds no model_index.json"
            : "it is not in the Hugging Face cache (\(hubCache().path)); fetch it with `timmy models fetch \(model)` on a connected machine"
        return "the \(family.label) model \(model) (setting \(family.modelSetting.definition.key)) is not on this machine: \(place)"
    }
}
