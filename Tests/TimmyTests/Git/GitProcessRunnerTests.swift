import Foundation
import Testing
import TimmyAPI
import TimmyProcess
import TimmyTestSupport

/// The process runner the git tools (and later the media tools) run every program through.
@Suite("Process runner used by the git tools")
struct GitProcessRunnerTests {
    @Test("captures both streams and returns a non-zero exit as a value")
    func capture() async throws {
        let output = try await ProcessRunner.run(ProcessRequest("sh", ["-c", "echo out; echo err >&2; exit 3"]))
        #expect(output.status == .exited(3) && !output.succeeded)
        #expect(output.outputText == "out\n" && output.errorText == "err")
    }

    @Test("arguments are passed as a vector, never through a shell")
    func argumentVector() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let marker = folder.file("pwned").path
        let output = try await ProcessRunner.run(ProcessRequest("echo", ["hello; touch \(marker)", "$(touch \(marker))"]))
        #expect(output.outputText == "hello; touch \(marker) $(touch \(marker))\n")
        #expect(!FileManager.default.fileExists(atPath: marker))
    }

    @Test("runs in the working directory with environment overrides and removals, and feeds standard input")
    func environment() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let request = ProcessRequest(
            "sh",
            ["-c", "pwd; echo \"$TIMMY_TEST_VALUE\"; echo \"${HOME:-unset}\"; cat"],
            workingDirectory: folder.url,
            environment: ["TIMMY_TEST_VALUE": "set here", "HOME": nil],
            input: Array("from stdin".utf8)
        )
        let output = try await ProcessRunner.run(request)
        #expect(output.outputText == "\(folder.path)\nset here\nunset\nfrom stdin")
    }

    @Test("a missing program or folder is a clear error")
    func launchErrors() async throws {
        await #expect(throws: ProcessRunError.programNotFound("timmy-no-such-program")) {
            try await ProcessRunner.run(ProcessRequest("timmy-no-such-program"))
        }
        let error = await #expect(throws: ProcessRunError.self) {
            try await ProcessRunner.run(ProcessRequest("pwd", workingDirectory: URL(fileURLWithPath: "/no/such/folder"), label: "pwd"))
        }
        #expect(error == .workingDirectoryMissing(label: "pwd", path: "/no/such/folder"))
        #expect(ProcessRunError.programNotFound("git").description.contains("not found on PATH"))
    }

    @Test("a program past its timeout is stopped and reported, SIGKILL following an ignored SIGTERM")
    func timeout() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        // Each program writes its pid first; once the run throws, that process must be gone. This tells
        // "stopped" from "ran to its end" without a bound on time, which a loaded machine could break.
        let pidFile = folder.file("pid").path
        await #expect(throws: ProcessRunError.timedOut(label: "sleep", seconds: 1)) {
            try await ProcessRunner.run(
                ProcessRequest("sh", ["-c", "echo $$ > \"$0\"; exec sleep 60", pidFile], timeout: .seconds(1), label: "sleep"))
        }
        #expect(try !Self.isRunning(pidIn: pidFile))
        // The timeout leaves the shell time to install its trap even on a loaded machine.
        let stubborn = ContinuousClock.now
        await #expect(throws: ProcessRunError.timedOut(label: "stubborn", seconds: 1.5)) {
            try await ProcessRunner.run(
                ProcessRequest(
                    "sh", ["-c", "trap '' TERM; echo $$ > \"$0\"; sleep 60", pidFile], timeout: .milliseconds(1500), label: "stubborn"))
        }
        let elapsed = ContinuousClock.now - stubborn
        #expect(elapsed >= .milliseconds(1500) + ProcessRunner.gracePeriod, "killed after \(elapsed), before the grace period ended")
        #expect(try !Self.isRunning(pidIn: pidFile), "the shell that ignores SIGTERM was not killed")
        #expect(ProcessRunError.timedOut(label: "git clone", seconds: 600).description == "git clone timed out after 600 s and was stopped")
    }

    @Test("output over the cap fails the run instead of being cut silently")
    func outputCap() async throws {
        let error = await #expect(throws: ProcessRunError.self) {
            try await ProcessRunner.run(ProcessRequest("sh", ["-c", "yes timmy | head -c 100000"], outputLimit: 1000))
        }
        #expect(error == .outputTooLarge(label: "sh", limit: 1000))
        let fits = try await ProcessRunner.run(ProcessRequest("sh", ["-c", "yes timmy | head -c 1000"], outputLimit: 1000))
        #expect(fits.standardOutput.count == 1000)
    }

    /// Whether the process whose pid the file holds still exists.
    private static func isRunning(pidIn file: String) throws -> Bool {
        let text = try String(contentsOfFile: file, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let pid = try #require(pid_t(text), "no pid in \(file): \(text)")
        return kill(pid, 0) == 0
    }
}
