import Foundation
import Logging
import TimmyCore
import TimmyStore

extension JobRunner {
    /// Runs one claimed job in its own scratch folder and records how it ended.
    func execute(_ job: JobRecord) async {
        let folder = jobsFolder.appendingPathComponent(job.id)
        defer { try? FileManager.default.removeItem(at: folder) }
        let started = ContinuousClock.now
        var outcome: JobOutcome
        var call: ToolCallRecord?
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let (tool, arguments) = try registry.prepare(tool: job.tool, persona: job.persona, arguments: job.arguments)
            let context = ToolContext(
                persona: job.persona,
                taskID: job.taskId,
                settings: settings,
                progress: progressReporter(job.id),
                workDirectory: folder
            )
            let task = Task(executorPreference: ComputeExecutor.shared) {
                await self.withCancellationWatch(job.id) { await ToolInvoker.execute(tool, arguments, context: context, since: started) }
            }
            work[job.id] = task
            let run = await task.value
            work[job.id] = nil
            call = ToolInvoker.record(
                tool: job.tool,
                persona: job.persona,
                arguments: job.arguments,
                taskID: job.taskId,
                result: run.result,
                failure: run.failure,
                milliseconds: run.milliseconds
            )
            if let result = run.result {
                outcome = .done(result)
            } else if task.isCancelled || run.failure is CancellationError {
                outcome = shuttingDown ? .interrupted : .cancelled
                call?.error = outcome.isInterruption ? "interrupted by shutdown" : "cancelled on request"
            } else {
                outcome = .failed(run.failure.map { "\($0)" } ?? "the tool failed")
            }
        } catch {
            outcome = .failed("\(error)")
        }
        await record(job, outcome, call: call)
        finished(job.id)
    }

    /// Stores the end of this attempt. A job cancelled while it was finishing keeps no files and no
    /// assets; an attempt overtaken by a retry records only its call.
    private func record(_ job: JobRecord, _ outcome: JobOutcome, call: ToolCallRecord?) async {
        do {
            try await store.finishJob(job.id, attempt: job.attempts, outcome, call: call)
        } catch JobStoreError.wrongState {
            if case .done(let result) = outcome { Self.remove(result.assets) }
            var stopped = call
            stopped?.success = false
            stopped?.error = "cancelled on request"
            do {
                try await store.finishJob(job.id, attempt: job.attempts, .cancelled, call: stopped)
            } catch JobStoreError.wrongState {
                if let stopped { _ = try? await store.recordToolCall(stopped) }
            } catch {
                logger.error("could not record the end of job \(job.id): \(error)")
            }
        } catch {
            logger.error("could not record the end of job \(job.id): \(error)")
        }
    }

    /// A progress sink that stores throttled reports and stops the work when the job is no longer running.
    private nonisolated func progressReporter(_ id: String) -> ToolProgress {
        let throttle = ProgressThrottle()
        let store = self.store
        return ToolProgress { fraction, message in
            guard throttle.shouldReport(fraction, message) else { return }
            guard try await store.reportJobProgress(id, progress: fraction, message: message) else { throw CancellationError() }
        }
    }

    /// Runs `work`, cancelling it when the job is cancelled by another process (seen in the store twice a second).
    private nonisolated func withCancellationWatch<T: Sendable>(_ id: String, _ work: @escaping @Sendable () async -> T) async -> T {
        let store = self.store
        return await withTaskGroup(of: T?.self) { group in
            group.addTask { await work() }
            group.addTask {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .milliseconds(500))
                    if let job = try? await store.job(id), job.status == .cancelled { return nil }
                }
                return nil
            }
            var result: T?
            while let next = await group.next() {
                if let value = next {
                    result = value
                    group.cancelAll()
                } else if result == nil {
                    group.cancelAll()
                }
            }
            return result!
        }
    }

    /// Removes a cancelled job's published files: each asset's file, sidecar and companions (`{id}.*`).
    private static func remove(_ assets: [ProducedAsset]) {
        for asset in assets {
            let folder = URL(fileURLWithPath: asset.path).deletingLastPathComponent()
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in names where name.hasPrefix(asset.id + ".") { try? FileManager.default.removeItem(at: folder.appendingPathComponent(name)) }
        }
    }
}

extension JobOutcome {
    var isInterruption: Bool {
        if case .interrupted = self { return true }
        return false
    }
}
