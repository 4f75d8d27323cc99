import Foundation
import TimmyCore
import TimmyCreative
import TimmyFileTools

/// An assembler tool: its call becomes an edit (checked in `plan`, the same checks at admission
/// and when the job runs), made by `Assembler.render` — the one graph builder — and published as
/// a video asset with its sidecar, or written to the `output` the call names.
protocol AssemblerTool: QueuedTool {
    func plan(_ input: Input, context: ToolContext) throws(ToolError) -> AssemblyPlan
}

/// A checked call: the edit, and where its video goes.
struct AssemblyPlan: Sendable {
    var edit: AssemblyEdit
    /// Whether the frame is the first clip's own (the one-stage tools without a preset).
    var presetFromSource = false
    /// Whether the source's subtitle track is carried into the result (the one-video tools), moved
    /// later by the title card's seconds, so a chain of tools keeps its captions.
    var carriesText = false
    /// A path inside `creative_output_dir`; nil publishes a new asset in `video_output_dir`.
    var output: URL? = nil
    /// What the video is, for its sidecar and asset row.
    let description: String
    /// The call's own name for an edit field, where they differ (`clips[0]` is `video`).
    var renames: [String: String] = [:]

    /// A refusal of the edit as a refusal of the call's argument.
    func refusal(_ error: AssemblyError) -> ToolError {
        guard case .invalid(let field, let reason) = error else { return error.toolError }
        let renamed = renames.first { field == $0.key || field.hasPrefix($0.key + ".") || field.hasPrefix($0.key + "[") }
        return .invalidArgument(name: renamed.map { $0.value } ?? field, reason: reason)
    }

    /// A one-video call's plan: its `video` is the edit's only clip, its frame and its subtitle track are the source's.
    static func oneVideo(
        _ edit: AssemblyEdit, presetFromSource: Bool = true, description: String, renames: [String: String] = [:]
    ) -> AssemblyPlan {
        AssemblyPlan(
            edit: edit, presetFromSource: presetFromSource, carriesText: true, description: description,
            renames: renames.merging(["clips[0]": "video"]) { $1 })
    }
}

extension AssemblerTool {
    public var family: String { "assembler" }

    public func admit(_ input: Input, context: ToolContext) throws -> JobTicket {
        let plan = try plan(input, context: context)
        do { _ = try Assembler.check(plan.edit, settings: context.settings) } catch { throw plan.refusal(error) }
        // FFmpeg is CPU work: it takes turns with the sketch backend's jobs.
        return JobTicket(arguments: input.arguments, backend: "sketch")
    }

    public func run(_ input: Input, context: ToolContext) async throws -> ToolResult {
        var plan = try plan(input, context: context)
        let settings = context.settings
        do {
            if plan.presetFromSource || plan.carriesText {
                let first = try Assembler.check(plan.edit, settings: settings).clips[0]
                let info = try await MediaInfo.read(first, field: "clips[0]")
                if plan.presetFromSource { plan.edit.preset = VideoPreset.matching(width: info.width, height: info.height).name }
                if plan.carriesText, info.hasSubtitles {
                    let shift = plan.edit.title?.seconds ?? 0
                    plan.edit.softCaptions += try await SubtitleTrack.captions(of: first).map {
                        .init(start: $0.start + shift, end: $0.end + shift, text: $0.text)
                    }
                }
            }
            let result = try await render(plan, input: input, context: context)
            try await context.progress(1, "done")
            return result
        } catch let error as AssemblyError {
            throw plan.refusal(error)
        }
    }

    private func render(_ plan: AssemblyPlan, input: Input, context: ToolContext) async throws -> ToolResult {
        let settings = context.settings
        let scratch = try MediaOutput(context: context)
        defer { scratch.finish() }
        let work = scratch.scratch.appendingPathComponent("assembly")
        if let output = plan.output {
            let report = try await Assembler.render(plan.edit, to: output, settings: settings, progress: context.progress, workDirectory: work)
            return result(report, assets: [], settings: settings)
        }
        let (id, file) = scratch.newFile(extension: "mp4")
        let report = try await Assembler.render(plan.edit, to: file, settings: settings, progress: context.progress, workDirectory: work)
        var sidecar = Sidecar(
            tool: name, kind: .video, prompt: plan.description, promptField: "edit", parameters: input.values, seed: nil, backend: Assembler.backend,
            requestedBackend: Assembler.backend,
            report: RenderReport(
                model: Assembler.backend, timings: ["encode": report.encodeSeconds, "assembly": report.totalSeconds],
                details: ["edit": plan.edit.json, "report": report.json]))
        sidecar.width = report.width
        sidecar.height = report.height
        sidecar.duration = report.duration
        sidecar.totalSeconds = report.totalSeconds
        let asset = try scratch.publish(file, id: id, into: settings.videoOutputDirectory, companions: [report.srt], sidecar: sidecar)
        return result(report.moved(to: URL(fileURLWithPath: asset.path)), assets: [asset], settings: settings)
    }

    private func result(_ report: AssemblyReport, assets: [ProducedAsset], settings: Settings) -> ToolResult {
        let extra: [String: JSONValue] = ["assembly": report.json]
        guard assets.isEmpty else { return CreativeResult.make(name, assets, backend: Assembler.backend, settings: settings, extra: extra) }
        let line = String(
            format: "%d×%d %.1f s, %d frames, streams %@", report.width, report.height, report.duration, report.frames,
            report.streams.joined(separator: "+"))
        return ToolResult(
            summary: "\(name): \(line) → \(report.output.path)", text: "video \(line): \(report.output.path)\nsubtitles: \(report.srt.path)",
            data: .object(extra.merging(["backend": .string(Assembler.backend)]) { $1 }))
    }
}

extension Assembler {
    /// What the assembler's assets record as their backend and model.
    public static let backend = "ffmpeg"
}
