import ArgumentParser
import Foundation
import TimmyAPI
import TimmyCore
import TimmySwarm

#if canImport(Glibc)
import Glibc
#endif

/// The acceptance animatic, prompt to final.mp4 through the swarm on the sketch backend, timed end to
/// end against its aim, with the share of the wall time each kind of step spent (steps of a kind may
/// overlap, so a kind's time is the span from its first start to its last finish).
struct DirectorBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "director", abstract: "Time the Director's 3-minute animatic end to end, with each step's share.")

    /// The acceptance's figure on a two-core machine.
    static let aim = 120.0

    @Option(help: "The project's prompt.")
    var prompt = "A 3-minute music video about a sunrise over mountains"

    @Option(help: "The target duration in seconds (30–900).")
    var duration = 180.0

    @Option(help: "Keep the files made in this folder (default: a temporary folder, removed).")
    var keep: String?

    func run() async throws {
        BenchReport.heading("director: \"\(prompt)\", \(Int(duration)) s on the sketch backend")
        if let warning = BenchReport.buildWarning { print(warning) }
        try await BenchRuntime.with(keep: keep) { bench in
            let cpuBefore = Self.cpuSeconds()
            let (detail, seconds) = try await BenchReport.time { try await make(on: bench.runtime) }
            let cpu = Self.cpuSeconds() - cpuBefore
            guard detail.project.status == .completed else {
                throw ValidationError("the project ended \(detail.project.status.rawValue): \(detail.project.error ?? "no reason given")")
            }
            BenchReport.line("prompt → final.mp4", String(format: "%6.1f s  aim %.0f s  %5.2f×", seconds, Self.aim, seconds / Self.aim))
            BenchReport.line("CPU (Timmy and its children)", String(format: "%6.1f s  %.2f cores busy on average", cpu, cpu / seconds))
            for (kind, span) in Self.spans(detail.steps) {
                BenchReport.line("  \(kind.rawValue)", String(format: "%6.1f s  %4.0f%% of the wall time", span, 100 * span / seconds))
            }
        }
    }

    /// Creates the project and follows the event stream until it stops running.
    private func make(on runtime: TimmyRuntime) async throws -> ProjectDetail {
        let events = try await runtime.events(after: nil)
        let created = try await runtime.createProject(CreateProjectRequest(prompt: prompt, duration: duration, backend: "sketch"))
        let id = created.project.id
        if created.project.status == .running {
            for try await event in events where event.type == SparkEventType.creativeStep.rawValue {
                let data = event.data
                if data["project"]?.stringValue == id, data["step"] == "project", data["status"]?.stringValue != ProjectStatus.running.rawValue {
                    break
                }
            }
        }
        return try await runtime.project(id)
    }

    /// Each kind of step's span, first start to last finish, in the order the steps run.
    static func spans(_ steps: [StepView]) -> [(StepKind, Double)] {
        var order: [StepKind] = []
        var bounds: [StepKind: (start: Date, end: Date)] = [:]
        for step in steps.sorted(by: { $0.ordinal < $1.ordinal }) {
            guard let start = step.startedAt, let end = step.finishedAt else { continue }
            if let known = bounds[step.kind] {
                bounds[step.kind] = (min(known.start, start), max(known.end, end))
            } else {
                order.append(step.kind)
                bounds[step.kind] = (start, end)
            }
        }
        return order.compactMap { kind in bounds[kind].map { (kind, $0.end.timeIntervalSince($0.start)) } }
    }

    /// User and system CPU seconds of this process and of its children that have ended.
    static func cpuSeconds() -> Double {
        [RUSAGE_SELF, RUSAGE_CHILDREN].reduce(0.0) { total, who in
            var usage = rusage()
            getrusage(Int32(who.rawValue), &usage)
            return total + Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        }
    }
}
