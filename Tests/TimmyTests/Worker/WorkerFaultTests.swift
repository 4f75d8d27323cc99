import Foundation
import Synchronization
import Testing
import TimmyCore
import TimmyCreative
import TimmyTestSupport
import TimmyWorker

#if canImport(Glibc)
import Glibc
#endif

@Suite("The worker backend when its worker dies or cannot run")
struct WorkerFaultTests {
    @Test("kill -9 mid-job fails the job with the reason and the step; the next call starts a fresh worker and succeeds")
    func killedMidJob() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let settings = try TinyWorker.settings(in: folder.url)
        try await withStopping(WorkerSupervisor()) { supervisor in
            let backend = WorkerBackend(settings: settings, supervisor: supervisor)
            let first = try #require(try await supervisor.endpoint(settings).pid as Int32?)
            let request = VideoRequest(
                prompt: "rain", duration: 1, width: 854, height: 480, fps: 8, style: nil, seed: 1, source: nil, codec: "libx264")
            // The kill goes out when step 3 is seen; the steps the worker sent before it died still arrive.
            // So the step the error names is the last one seen, whatever the machine's load.
            let lastStep = Mutex(0)
            let killer = ToolProgress { _, message in
                guard message.hasPrefix("step "), let step = Int(message.dropFirst(5).prefix { $0.isNumber }) else { return }
                lastStep.withLock { $0 = step }
                if step == 3 { kill(first, SIGKILL) }
            }
            var failure: WorkerError?
            do {
                _ = try await backend.video(request, to: folder.file("killed.mp4"), progress: killer)
            } catch let error as WorkerError {
                failure = error
            }
            let text = failure?.description ?? "no WorkerError"
            #expect(text.hasPrefix("worker exited (signal 9) at step ") && text.hasSuffix("/6 of generate_video_clip"), "\(text)")
            if case .exited(_, let step, _, _) = failure {
                #expect(step >= 3 && step == lastStep.withLock { $0 }, "\(text)")
            }

            let report = try await backend.video(request, to: folder.file("retried.mp4"), progress: ToolProgress.ignored)
            #expect(report.details["pipeline"]?.stringValue == "WanPipeline")
            #expect(FileManager.default.fileExists(atPath: folder.file("retried.mp4").path))
            #expect(try await supervisor.endpoint(settings).pid != first)
        }
    }

    @Test("asking for the worker where its model is not on the machine is refused at once, naming the model and the fetch command")
    func missingModel() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        var settings = try TinyWorker.settings(in: folder.url)
        try settings.set(Setting.fluxModelID, text: "black-forest-labs/FLUX.2-klein-4B", source: .environment("TIMMY_FLUX_MODEL_ID"))
        #expect(throws: ToolError.self) {
            _ = try BackendChoice.resolve("worker", family: .image, settings: settings)
        }
        let reason = WorkerInstallation.unavailability(.image, settings: settings) ?? ""
        #expect(reason.contains("black-forest-labs/FLUX.2-klein-4B") && reason.contains("timmy models fetch black-forest-labs/FLUX.2-klein-4B"))
        #expect(try BackendChoice.resolve("auto", family: .image, settings: settings).name == "sketch")
        #expect(try BackendChoice.resolve("auto", family: .video, settings: settings).name == "worker")
    }
}
extension WorkerSupervisor: Stoppable {}
