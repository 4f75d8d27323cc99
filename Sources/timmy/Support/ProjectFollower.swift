import Foundation
import TimmyAPI
import TimmyCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Follows a project on the event stream until it stops running, drawing a progress bar per step
/// and one overall on standard error: its `creative_step` events say which rows run and end, and
/// the `job_progress` of their jobs how far each is.
enum ProjectFollower {
    /// Each kind of step's share of the whole, roughly its share of the work.
    static let weights: [StepKind: Double] = [.script: 0.02, .storyboard: 0.08, .music: 0.1, .clips: 0.6, .assembly: 0.2]

    static func follow(_ id: String, on service: any TimmyService) async throws -> ProjectDetail {
        // Subscribed before the project is read, so a change in between is not missed.
        let events = try await service.events(after: nil)
        let first = try await service.project(id)
        var progress = Progress(first.steps)
        var bars = StepBars()
        defer { bars.finish() }
        bars.draw(progress)
        guard first.project.status == .running else { return first }
        for try await event in events {
            let data = event.data
            if event.type == SparkEventType.creativeStep.rawValue, data["project"]?.stringValue == id {
                if data["step"] == "project" {
                    if data["status"]?.stringValue != ProjectStatus.running.rawValue { break }
                    continue
                }
                progress.record(data)
            } else if event.type == SparkEventType.jobProgress.rawValue, let job = data["job_id"]?.stringValue, progress.follows(job) {
                progress.jobs[job] = data["progress"]?.doubleValue ?? 0
            } else {
                continue
            }
            bars.draw(progress)
        }
        let last = try await service.project(id)
        bars.draw(Progress(last.steps))
        return last
    }

    /// What is known of each row of the project's steps.
    struct Progress {
        struct Row {
            var status: StepStatus
            var jobs: [String]
        }

        var rows: [StepKind: [Int: Row]] = [:]
        var jobs: [String: Double] = [:]

        init(_ steps: [StepView]) {
            for step in steps { rows[step.kind, default: [:]][step.ordinal] = Row(status: step.status, jobs: step.jobIds) }
        }

        mutating func record(_ data: [String: JSONValue]) {
            guard let kind = data["step"]?.stringValue.flatMap(StepKind.init), let ordinal = data["ordinal"]?.intValue,
                let status = data["status"]?.stringValue.flatMap(StepStatus.init)
            else { return }
            rows[kind, default: [:]][ordinal] = Row(status: status, jobs: data["job_ids"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        }

        func follows(_ job: String) -> Bool { rows.values.contains { $0.values.contains { $0.jobs.contains(job) } } }

        /// How far a kind of step is, 0–1, and its rows done of all.
        func fraction(_ kind: StepKind) -> (fraction: Double, done: Int, count: Int) {
            let all = Array((rows[kind] ?? [:]).values)
            guard !all.isEmpty else { return (0, 0, 0) }
            let sum = all.reduce(0.0) { total, row in
                total + (row.status == .done ? 1 : row.status == .running ? row.jobs.last.flatMap { jobs[$0] } ?? 0 : 0)
            }
            return (sum / Double(all.count), all.filter { $0.status == .done }.count, all.count)
        }

        var overall: Double { StepKind.allCases.reduce(0) { $0 + (weights[$1] ?? 0) * fraction($1).fraction } }

        func state(_ kind: StepKind) -> String {
            let all = Array((rows[kind] ?? [:]).values)
            if all.isEmpty { return "waiting" }
            if all.contains(where: { $0.status == .failed }) { return "failed" }
            if all.contains(where: { $0.status == .interrupted }) { return "interrupted" }
            if all.allSatisfy({ $0.status == .done }) { return "done" }
            return all.contains { $0.status == .running } ? "running" : "waiting"
        }
    }
}

/// The bars: redrawn in place on a terminal, a line per change of a step's state otherwise.
struct StepBars {
    private let terminal = isatty(STDERR_FILENO) != 0
    private var drawnLines = 0
    private var lastStates: [String] = []

    mutating func draw(_ progress: ProjectFollower.Progress) {
        var lines: [String] = []
        var states: [String] = []
        for kind in StepKind.allCases {
            let (fraction, done, count) = progress.fraction(kind)
            let state = progress.state(kind)
            let counted = count > 1 ? " \(done)/\(count)" : ""
            lines.append(Self.bar(kind.rawValue, fraction, "\(state)\(counted)"))
            // Off a terminal a line is printed when a step's state or its rows done change, not as its rows are laid out.
            states.append("\(kind.rawValue) \(state) \(done)")
        }
        lines.append(Self.bar("overall", progress.overall, ""))
        if terminal {
            var text = drawnLines > 0 ? "\u{1b}[\(drawnLines)A" : ""
            for line in lines { text += "\r\u{1b}[2K" + line + "\n" }
            write(text)
            drawnLines = lines.count
        } else {
            for (index, state) in states.enumerated() where index >= lastStates.count || lastStates[index] != state {
                write(lines[index] + "\n")
            }
        }
        lastStates = states
    }

    func finish() {}

    private static func bar(_ name: String, _ fraction: Double, _ note: String) -> String {
        let width = 30
        let filled = Int((min(1, max(0, fraction)) * Double(width)).rounded())
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        return name.padding(toLength: 11, withPad: " ", startingAt: 0) + "[\(bar)] " + String(format: "%3d%% ", Int(fraction * 100)) + note
    }

    private func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}

/// Text rendering of a project for people.
enum ProjectRendering {
    static func print(_ detail: ProjectDetail, verbose: Bool) {
        let project = detail.project
        Swift.print("Project \(project.id): \(project.status.rawValue) — “\(project.title)”")
        Swift.print("  \(Int(project.duration)) s, \(project.genre), \(project.style), \(project.resolution), backend \(project.backend)")
        Swift.print("  script from the \(project.scriptSource)\(project.scriptNote.map { " (\($0))" } ?? "")")
        if let error = project.error { Swift.print("  error: \(error)") }
        if verbose {
            let scenes = detail.script["scenes"]?.arrayValue ?? []
            for (index, scene) in scenes.enumerated() {
                Swift.print("  scene \(index + 1): \(scene["title"]?.stringValue ?? "") — \(scene["description"]?.stringValue ?? "")")
            }
            Swift.print("Steps:")
            for step in detail.steps {
                let place = step.scene.map { step.kind == .clips ? " \(step.ordinal) (scene \($0))" : " \($0)" } ?? ""
                let seconds = step.durationMs.map { String(format: " in %.1f s", $0 / 1000) } ?? ""
                let file = step.outputs["assets"]?.arrayValue?.first?["path"]?.stringValue.map { " → \($0)" } ?? ""
                Swift.print("  \(step.kind.rawValue)\(place): \(step.status.rawValue)\(seconds)\(file)\(step.error.map { " (\($0))" } ?? "")")
            }
        }
        if let video = project.finalVideo { Swift.print("Final: \(video)\(project.subtitles.map { " (subtitles \($0))" } ?? "")") }
        if project.status == .awaitingApproval {
            Swift.print(
                "Awaiting approval: edit with `timmy projects edit \(project.id)`, re-roll a keyframe with `timmy projects rerun-scene \(project.id) N`, then `timmy projects approve \(project.id)`."
            )
        }
    }
}
