import Foundation
import Testing
import TimmyAPI
import TimmyCore
import TimmyGit
import TimmyStore
import TimmySwarm
import TimmyTestSupport

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

extension PullRequestTests {
    @Suite("Pull requests through the swarm, the CLI and the server, with the token kept secret")
    struct PullRequestSwarmTests {
        /// Runs `timmy` on a thread of its own: the binary talks to the fake forge in this process, whose
        /// handlers need the cooperative threads a blocking wait would hold.
        static func timmy(_ arguments: [String], in folder: URL, environment: [String: String]) async throws -> (status: Int32, output: String) {
            try await withCheckedThrowingContinuation { continuation in
                Thread.detachNewThread {
                    continuation.resume(with: Result { try TimmyBinary.run(arguments, in: folder, environment: environment) })
                }
            }
        }

        /// Every file under the folder whose bytes contain the text.
        static func files(under folder: URL, containing text: String) -> [String] {
            let needle = Data(text.utf8)
            let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
            var found: [String] = []
            while let url = enumerator?.nextObject() as? URL {
                guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true, let data = try? Data(contentsOf: url) else {
                    continue
                }
                if data.range(of: needle) != nil { found.append(url.path) }
            }
            return found
        }

        @Test("'open a pull request …', 'list open pull requests …' and 'merge pull request 1 … with squash' complete, won by Forge or Helm")
        func swarm() async throws {
            let fixture = try await ForgeFixture(.github)
            let test = try await TestRuntime(settings: fixture.settingPairs)
            do {
                try await fixture.branch("feature/login", file: "login.txt")
                let opened = try await test.post("open a pull request from feature/login in demo titled 'Add login'")
                #expect(opened.task.status == .completed, "\(opened.task.failureReason ?? "")")
                #expect(["forge", "helm"].contains(opened.task.winner ?? ""))
                #expect(opened.toolCalls.map(\.tool) == ["git_pr_create"] && opened.toolCalls.allSatisfy(\.success))
                #expect(await fixture.state.pulls[1]?.title == "Add login")
                let listed = try await test.post("list open pull requests of demo")
                #expect(
                    listed.task.status == .completed && listed.task.result?.contains("1 open pull request") == true, "\(listed.task.result ?? "")")
                let merged = try await test.post("merge pull request 1 in demo with squash")
                #expect(merged.task.status == .completed, "\(merged.task.failureReason ?? "")")
                #expect(["forge", "helm"].contains(merged.task.winner ?? ""))
                #expect(await fixture.state.pulls[1]?.merged == true)
                #expect(try await fixture.remoteFile("login.txt", on: "main") == "new work\n")
                #expect(Self.files(under: test.folder.url, containing: fixture.token).isEmpty)
            } catch {
                await test.stop()
                await fixture.remove()
                throw error
            }
            await test.stop()
            await fixture.remove()
        }

        @Test("Spark's advisor reports time from open to merge and merges per persona, from the recorded merge calls")
        func advisor() async throws {
            let fixture = try await ForgeFixture(.gitea)
            let test = try await TestRuntime(settings: fixture.settingPairs)
            do {
                await fixture.state.setOpenedAgo(2 * 3600)
                for index in 1...5 {
                    try await fixture.branch("merge-\(index)", file: "merge-\(index).txt")
                    let arguments: [String: JSONValue] = ["repo": "demo", "title": .string("Merge \(index)"), "head": .string("merge-\(index)")]
                    _ = try await test.runtime.runTool("git_pr_create", persona: "forge", arguments: arguments)
                    let persona = index == 5 ? "helm" : "forge"
                    let merged = try await test.runtime.runTool("git_pr_merge", persona: persona, arguments: ["repo": "demo", "number": .int(index)])
                    #expect(merged.call?.success == true, "\(merged.call?.error ?? "")")
                }
                let advisories = try await test.runtime.advisories().advisories
                let time = try #require(advisories.first { $0.subject == "git_pr_merge:time_to_merge" })
                #expect(abs((time.figures["median_hours"] ?? 0) - 2) < 0.1 && time.sampleSize == 5, "\(time.text)")
                let forge = try #require(advisories.first { $0.subject == "git_pr_merge:forge" })
                #expect(forge.figures["merges"] == 4 && forge.text.hasPrefix("Forge merged 4 of 5 pull requests"), "\(forge.text)")
            } catch {
                await test.stop()
                await fixture.remove()
                throw error
            }
            await test.stop()
            await fixture.remove()
        }

        @Test("the page of a task that opened a pull request lists the repository's open pull requests; other task pages do not")
        func taskPage() async throws {
            let fixture = try await ForgeFixture(.gitea)
            let server = try await LiveServer(settings: fixture.settingPairs)
            do {
                try await fixture.branch("feature/page", file: "page.txt")
                try await fixture.branch("feature/earlier", file: "earlier.txt")
                _ = try await fixture.call("git_pr_create", ["repo": "demo", "title": "Earlier work", "head": "feature/earlier"])
                let posted = try await server.json(
                    "POST", "/api/tasks", ["description": "open a pull request from feature/page in demo titled 'Page'", "wait": true])
                let id = try #require(posted.value["task"]?["id"]?.stringValue)
                #expect(posted.value["task"]?["status"] == "completed", "\(posted.value)")
                let page = try await server.send("GET", "/tasks/\(id)").text
                #expect(page.contains("Open pull requests in demo") && page.contains("#2 Page") && page.contains("#1 Earlier work"), "\(page)")
                #expect(page.contains("feature/page → main"))
                let other = try await server.json("POST", "/api/tasks", ["description": "git status of demo", "wait": true])
                let otherID = try #require(other.value["task"]?["id"]?.stringValue)
                #expect(try await !server.send("GET", "/tasks/\(otherID)").text.contains("data-pull-requests"))
                let listings = try await server.test.store.toolCalls(tool: "git_pr_list")
                #expect(listings.count == 1 && listings[0].agent == "timmy" && listings[0].success, "the page's listing is a recorded call")
            } catch {
                await server.stop()
                await fixture.remove()
                throw error
            }
            await server.stop()
            await fixture.remove()
        }

        @Test("timmy git pr create|list|view|comment|review|merge|close run in-process; the token is in no output and no stored byte")
        func commandLine() async throws {
            let fixture = try await ForgeFixture(.gitea)
            let folder = try TemporaryDirectory()
            do {
                try await fixture.branch("feature/cli", file: "cli.txt")
                let environment = [
                    "TIMMY_PORT": String(TimmyBinary.freePort()), "TIMMY_DATA_DIR": folder.file("data").path,
                    "TIMMY_GIT_DEFAULT_REPO_DIR": fixture.git.repos.path, "TIMMY_FORGE_TOKENS": "\(fixture.forge.authority)=\(fixture.token)",
                ]
                func timmy(_ words: [String]) async throws -> String {
                    let run = try await Self.timmy(["git", "pr"] + words, in: folder.url, environment: environment)
                    #expect(run.status == 0, "\(words): \(run.output)")
                    #expect(!run.output.contains(fixture.token))
                    return run.output
                }
                #expect(
                    try await timmy(["create", "demo", "--title", "From the CLI", "--head", "feature/cli"]).contains(
                        "opened pull request #1 From the CLI"))
                #expect(try await timmy(["list", "demo", "--persona", "echo"]).contains("1 open pull request"))
                #expect(try await timmy(["comment", "demo", "1", "-m", "Nice"]).contains("commented on pull request #1"))
                #expect(try await timmy(["review", "demo", "1", "--event", "approve", "--persona", "mace"]).contains("approved"))
                let view = try await timmy(["view", "demo", "1", "--json"])
                #expect(view.contains("\"mergeable\"") && view.contains("Nice"))
                #expect(try await timmy(["merge", "demo", "1", "--method", "rebase", "--delete-branch"]).contains("merged pull request #1"))
                try await fixture.branch("feature/other", file: "other.txt")
                _ = try await timmy(["create", "demo", "-t", "Other", "--head", "feature/other", "--draft"])
                #expect(try await timmy(["close", "demo", "2"]).contains("closed pull request #2"))
                let refused = try await Self.timmy(["git", "pr", "merge", "demo", "1"], in: folder.url, environment: environment)
                #expect(refused.status != 0 && refused.output.contains("not open"), "\(refused.output)")
                let config = try await Self.timmy(["config"], in: folder.url, environment: environment)
                #expect(config.output.contains("(set, hidden)") && !config.output.contains(fixture.token))
                #expect(Self.files(under: folder.url, containing: fixture.token).isEmpty)
            } catch {
                folder.remove()
                await fixture.remove()
                throw error
            }
            folder.remove()
            await fixture.remove()
        }

        @Test("a token in settings or in the remote's URL is in no stored row, event, log line or API answer of a server")
        func tokenNeverShown() async throws {
            let fixture = try await ForgeFixture(.gitea, urlToken: true)
            let folder = try TemporaryDirectory()
            let port = TimmyBinary.freePort()
            let settingToken = "tok_settings_\(UUID().uuidString.prefix(8))"
            try folder.write(
                "timmy.toml",
                """
                data_dir = "\(folder.file("data").path)"
                git_default_repo_dir = "\(fixture.git.repos.path)"
                forge_tokens = "elsewhere.example=\(settingToken)"
                """)
            let server = try TimmyBinary.serve(in: folder.url, port: port, log: folder.file("serve.log"))
            do {
                try await TimmyBinary.waitForHealth(port: port)
                try await fixture.branch("feature/secret", file: "secret.txt")
                let task = try await Self.timmy(
                    ["task", "post", "open a pull request from feature/secret in demo titled 'Keep it'", "--wait", "--json"], in: folder.url,
                    environment: ["TIMMY_PORT": String(port)])
                #expect(task.status == 0 && task.output.contains("completed"), "\(task.output)")
                #expect(await fixture.state.pulls.values.contains { $0.title == "Keep it" })
                #expect(await fixture.state.seen.allSatisfy { $0.authorization == "token \(fixture.token)" }, "the URL's token was used")
                let failing = try await Self.timmy(["git", "pr", "view", "demo", "99"], in: folder.url, environment: ["TIMMY_PORT": String(port)])
                #expect(failing.status != 0 && failing.output.contains("has no pull request #99"), "\(failing.output)")
                var answers = task.output + failing.output
                for path in ["/api/tasks", "/api/tools/usage", "/api/spark/timeline?limit=200", "/api/spark/advisories", "/api/tools"] {
                    let (data, _) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)\(path)")!)
                    answers += String(decoding: data, as: UTF8.self)
                }
                let ran = try await Self.timmy(["git", "pr", "list", "demo", "--json"], in: folder.url, environment: ["TIMMY_PORT": String(port)])
                answers += ran.output
                #expect(ran.status == 0 && answers.contains("Keep it"))
                for token in [fixture.token, settingToken] {
                    #expect(!answers.contains(token))
                    #expect(Self.files(under: folder.file("data"), containing: token).isEmpty, "the store holds no token")
                    #expect(!(try String(contentsOf: folder.file("serve.log"), encoding: .utf8)).contains(token), "the log holds no token")
                }
            } catch {
                server.terminate()
                server.waitUntilExit()
                folder.remove()
                await fixture.remove()
                throw error
            }
            server.terminate()
            server.waitUntilExit()
            folder.remove()
            await fixture.remove()
        }
    }
}
