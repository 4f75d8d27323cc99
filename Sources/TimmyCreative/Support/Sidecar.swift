import Foundation
import TimmyCore
import TimmySketch

/// The JSON file beside each media file: what made it, from what, with which settings, and how
/// long each stage took. Readable without Timmy; the asset row is built from the same values.
package struct Sidecar: Sendable {
    let tool: String
    let kind: AssetKind
    /// The prompt, or the lyrics of a song or vocals.
    let prompt: String
    let promptField: String
    let parameters: [String: JSONValue]
    let seed: Int?
    let backend: String
    let requestedBackend: String
    let report: RenderReport
    package var width: Int? = nil
    package var height: Int? = nil
    package var duration: Double? = nil
    package var sourceAsset: (id: String?, path: String)? = nil
    /// Other assets this one belongs with (a storyboard's frames and sheet).
    package var related: [String: JSONValue] = [:]
    package var files: [String: JSONValue] = [:]
    /// Seconds the whole call took until the file was written.
    package var totalSeconds: Double = 0
    let createdAt = Date()

    package init(
        tool: String, kind: AssetKind, prompt: String, promptField: String = "prompt", parameters: [String: JSONValue], seed: Int?, backend: String,
        requestedBackend: String, report: RenderReport
    ) {
        self.tool = tool
        self.kind = kind
        self.prompt = prompt
        self.promptField = promptField
        self.parameters = parameters
        self.seed = seed
        self.backend = backend
        self.requestedBackend = requestedBackend
        self.report = report
    }

    var json: JSONValue {
        var object: [String: JSONValue] = [
            "tool": .string(tool), "kind": .string(kind.rawValue), promptField: .string(prompt), "parameters": .object(parameters),
            "seed": seed.map(JSONValue.int) ?? .null, "backend": .string(backend), "requested_backend": .string(requestedBackend),
            "model": .string(report.model), "timings": .object(report.timings.merging(["total": totalSeconds]) { $1 }.mapValues(JSONValue.double)),
            "created_at": .string(ISO8601DateFormatter().string(from: createdAt)), "details": .object(report.details), "files": .object(files),
        ]
        if backend == SketchBackend.model {
            object["sketch"] = true
            object["note"] = "a procedural sketch by Timmy's built-in backend: no model was used"
        }
        if let width { object["width"] = .int(width) }
        if let height { object["height"] = .int(height) }
        if let duration { object["duration"] = .double(duration) }
        if let sourceAsset { object["source_asset"] = ["id": sourceAsset.id.map(JSONValue.string) ?? .null, "path": .string(sourceAsset.path)] }
        for (key, value) in related { object[key] = value }
        return .object(object)
    }

    func asset(id: String, path: String, sidecarPath: String) -> ProducedAsset {
        ProducedAsset(
            id: id, kind: kind, path: path, sidecarPath: sidecarPath, tool: tool, backend: backend, model: report.model, prompt: prompt,
            parameters: parameters, seed: seed, width: width, height: height, duration: duration, sourceAssetID: sourceAsset?.id)
    }
}
