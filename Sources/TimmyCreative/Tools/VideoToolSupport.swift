import Foundation
import TimmyCore

/// What the two video tools share: publishing the MP4.
enum VideoToolSupport {
    static func perform(
        _ tool: String, _ plan: CreativePlan<VideoRequest>, sourceAssetID: String?, output: MediaOutput, context: ToolContext
    ) async throws
        -> ToolResult
    {
        let request = plan.request
        let (id, file) = output.newFile(extension: "mp4")
        let report = try await plan.backend.video(request, to: file, progress: context.progress.stage(0...0.98))
        var sidecar = plan.sidecar(tool: tool, kind: .video, prompt: request.prompt, report: report)
        sidecar.width = request.width
        sidecar.height = request.height
        sidecar.duration = request.duration
        if let source = request.source { sidecar.sourceAsset = (sourceAssetID, source.path) }
        let asset = try output.publish(file, id: id, into: context.settings.videoOutputDirectory, companions: report.companions, sidecar: sidecar)
        return CreativeResult.make(tool, [asset], backend: plan.backend.name, settings: context.settings)
    }
}
