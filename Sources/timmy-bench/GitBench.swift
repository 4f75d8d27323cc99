import ArgumentParser
import Foundation
import TimmyCore
import TimmyGit
import TimmyProcess

/// The git tools against bare git on a large generated repository: status, log, diff and blame,
/// each run several times through the tool (validation, git, parsing, JSON) and as the same git
/// command run directly through the same process runner; medians and their ratio.
struct GitBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "git", abstract: "Git tools vs bare git on a generated repository (status, log, diff, blame).")

    @Option(help: "Commits in the generated repository.")
    var commits = 1500

    @Option(help: "Files in it, besides the one file every commit changes.")
    var files = 300

    @Option(help: "Runs of each operation; medians are reported.")
    var repeats = 7

    /// One measured operation: a tool call and the git command doing the same work.
    struct Operation {
        let label: String
        let call: PlannedCall
        let bare: [String]
    }

    func validate() throws {
        guard commits >= 200, files >= 10, repeats >= 1 else { throw ValidationError("need at least 200 commits, 10 files and 1 repeat") }
    }

    func run() async throws {
        BenchReport.heading("git: tools vs bare git (\(commits) commits, \(files + 1) files)")
        if let warning = BenchReport.buildWarning { print(warning) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("timmy-bench-git-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: folder) }
        let repository = folder.appendingPathComponent("repos/bench")
        let (_, seconds) = try await BenchReport.time { try await BenchRepository(commits: commits, files: files).create(at: repository) }
        BenchReport.line("generated with git fast-import", String(format: "%8.2f s", seconds))
        var settings = Settings(baseDirectory: folder)
        try settings.set(.gitDefaultRepoDir, text: folder.appendingPathComponent("repos").path, source: .flag("bench"))
        let registry = ToolRegistry(GitTools.all)
        let context = ToolContext(persona: "forge", taskID: nil, settings: settings)
        for operation in operations() {
            let viaTool = { () async throws -> Double in
                try await BenchReport.time {
                    let (tool, checked) = try registry.prepare(tool: operation.call.tool, persona: "forge", arguments: operation.call.arguments)
                    return try await tool.run(checked, context: context)
                }.seconds
            }
            let bare = { () async throws -> Double in
                let request = ProcessRequest("git", operation.bare, workingDirectory: repository, outputLimit: 256 << 20)
                let (output, seconds) = try await BenchReport.time { try await ProcessRunner.run(request) }
                guard output.succeeded else { throw ValidationError("bare git \(operation.bare[0]) failed: \(output.errorText)") }
                return seconds
            }
            _ = (try await viaTool(), try await bare())  // warm both up
            var toolTimes: [Double] = []
            var bareTimes: [Double] = []
            // Alternate which goes first, so neither always finds the caches the other left.
            for run in 0..<repeats {
                if run.isMultiple(of: 2) {
                    toolTimes.append(try await viaTool())
                    bareTimes.append(try await bare())
                } else {
                    bareTimes.append(try await bare())
                    toolTimes.append(try await viaTool())
                }
            }
            let (tool, direct) = (median(toolTimes), median(bareTimes))
            let figures = String(format: "tool %8.1f ms   bare git %8.1f ms   %5.2f×", tool * 1000, direct * 1000, tool / direct)
            BenchReport.line(operation.label, figures)
        }
    }

    private func operations() -> [Operation] {
        let repo = "bench"
        let (start, hot) = (BenchRepository.startTag, BenchRepository.hotFile)
        return [
            Operation(
                label: "status (dirty working tree)", call: PlannedCall(GitStatusTool(), .with { $0.repo = repo }),
                bare: ["status", "--porcelain=v2", "--branch", "-z"]),
            Operation(
                label: "log, 1000 commits with numstat",
                call: PlannedCall(
                    GitLogTool(),
                    .with {
                        $0.repo = repo
                        $0.maxCount = 1000
                    }),
                bare: [
                    "log", "-z", "--numstat", "--no-color", "--no-ext-diff", "--no-textconv", "--format=%x1e%H%x1f%an%x1f%ae%x1f%aI%x1f%D%x1f%s",
                    "--max-count=1000", "--",
                ]),
            Operation(
                label: "diff \(start)..main",
                call: PlannedCall(
                    GitDiffTool(),
                    .with {
                        $0.repo = repo
                        $0.ref = start
                        $0.to = "main"
                    }),
                bare: ["diff", "--numstat", "-z", "--patch", "--no-color", "--no-ext-diff", "--no-textconv", start, "main", "--"]),
            Operation(
                label: "blame \(hot) (\(commits) commits)",
                call: PlannedCall(
                    GitBlameTool(),
                    .with {
                        $0.repo = repo
                        $0.path = hot
                    }),
                bare: ["blame", "--porcelain", "--", hot]),
        ]
    }

    private func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}

/// A repository with many commits made fast: one `git fast-import` stream, a checkout, then a few
/// local edits so that status has work to do. Every commit changes three files and one line of
/// `hot.txt`, which blame then has to trace through the whole history.
struct BenchRepository {
    static let hotFile = "hot.txt"
    static let startTag = "bench-start"
    static let linesPerFile = 20
    static let hotLines = 200

    let commits: Int
    let files: Int

    func create(at url: URL) async throws {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try await git(["init", "--quiet", "-b", "main"], in: url)
        try await git(["fast-import", "--quiet"], in: url, input: stream())
        try await git(["reset", "--quiet", "--hard", "main"], in: url)
        for index in 0..<5 {
            let file = url.appendingPathComponent("src/file\(index * 7).txt")
            try (try String(contentsOf: file, encoding: .utf8) + "local edit\n").write(to: file, atomically: true, encoding: .utf8)
            try "untracked \(index)\n".write(to: url.appendingPathComponent("new-\(index).txt"), atomically: true, encoding: .utf8)
        }
    }

    /// The fast-import stream: the first commit adds every file, the rest change a few each.
    func stream() -> [UInt8] {
        var contents = (0..<files).map { file in (0..<Self.linesPerFile).map { "file \(file) line \($0) rev 0" } }
        var hot = (0..<Self.hotLines).map { "hot line \($0) rev 0" }
        var stream = ""
        for number in 1...commits {
            let changed = number == 1 ? Array(0..<files) : Array(Set((0..<3).map { (number * 7 + $0 * 101) % files })).sorted()
            if number > 1 {
                for file in changed { contents[file][number % Self.linesPerFile] = "file \(file) line \(number % Self.linesPerFile) rev \(number)" }
            }
            hot[(number * 31) % Self.hotLines] = "hot line \((number * 31) % Self.hotLines) rev \(number)"
            let identity = "Dev \(number % 5) <dev\(number % 5)@example.com> \(1_700_000_000 + number * 60) +0000"
            stream += "commit refs/heads/main\nmark :\(number)\nauthor \(identity)\ncommitter \(identity)\n" + data("change \(number)")
            for file in changed { stream += "M 100644 inline src/file\(file).txt\n" + data(contents[file].joined(separator: "\n") + "\n") }
            stream += "M 100644 inline \(Self.hotFile)\n" + data(hot.joined(separator: "\n") + "\n")
            if number == 100 { stream += "reset refs/tags/\(Self.startTag)\nfrom :100\n\n" }
        }
        return Array(stream.utf8)
    }

    private func data(_ text: String) -> String { "data \(text.utf8.count)\n\(text)\n" }

    private func git(_ arguments: [String], in folder: URL, input: [UInt8]? = nil) async throws {
        let request = ProcessRequest(
            "git", arguments, workingDirectory: folder, environment: ["GIT_CONFIG_NOSYSTEM": "1"], input: input, timeout: .seconds(300))
        let output = try await ProcessRunner.run(request)
        guard output.succeeded else { throw ValidationError("git \(arguments[0]) failed: \(output.errorText)") }
    }
}
