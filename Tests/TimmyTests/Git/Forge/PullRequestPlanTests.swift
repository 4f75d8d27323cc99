import Foundation
import Testing
import TimmyAPI
import TimmyCore
import TimmyFileTools
import TimmyGit
import TimmySwarm
import TimmyTestSupport

extension PullRequestTests {
    @Suite("Pull requests: plan rules, settings and the Spark pattern")
    struct PullRequestPlanTests {
        let planner = DeterministicPlanner(rules: FileTools.planRules + GitTools.planRules + GitTools.pullRequestRules)

        @Test(
            "pull-request requests become one call",
            arguments: [
                (
                    "open a pull request from feature/login in demo titled 'Add login'", "git_pr_create",
                    ["repo": "demo", "title": "Add login", "head": "feature/login"]
                ),
                (
                    "create a draft PR from fix in demo into develop titled \"Fix it\" with description 'Details here'", "git_pr_create",
                    ["repo": "demo", "title": "Fix it", "head": "fix", "base": "develop", "body": "Details here", "draft": true]
                ),
                ("open a pull request in demo titled 'Current branch'", "git_pr_create", ["repo": "demo", "title": "Current branch"]),
                ("list open pull requests of demo", "git_pr_list", ["repo": "demo", "state": "open"]),
                ("list all pull requests in demo by ada", "git_pr_list", ["repo": "demo", "state": "all", "author": "ada"]),
                ("show the closed PRs of demo into main", "git_pr_list", ["repo": "demo", "state": "closed", "base": "main"]),
                ("list the pull requests of demo", "git_pr_list", ["repo": "demo"]),
                ("show pull request 3 of demo", "git_pr_view", ["repo": "demo", "number": 3]),
                ("view PR #12 in the demo repo", "git_pr_view", ["repo": "demo", "number": 12]),
                ("comment on pull request 3 in demo: 'Looks good'", "git_pr_comment", ["repo": "demo", "number": 3, "body": "Looks good"]),
                ("approve pull request 3 in demo", "git_pr_review", ["repo": "demo", "number": 3, "event": "approve"]),
                (
                    "request changes on PR 3 in demo saying 'Add a test'", "git_pr_review",
                    ["repo": "demo", "number": 3, "event": "request_changes", "body": "Add a test"]
                ),
                (
                    "review pull request 3 in demo with 'Nit: naming'", "git_pr_review",
                    ["repo": "demo", "number": 3, "event": "comment", "body": "Nit: naming"]
                ),
                ("merge pull request 3 in demo with squash", "git_pr_merge", ["repo": "demo", "number": 3, "method": "squash"]),
                ("merge PR 4 in demo", "git_pr_merge", ["repo": "demo", "number": 4]),
                (
                    "merge pull request 5 of demo using rebase and delete the branch", "git_pr_merge",
                    ["repo": "demo", "number": 5, "method": "rebase", "delete_branch": true]
                ),
                ("close pull request 3 in demo", "git_pr_close", ["repo": "demo", "number": 3]),
            ] as [(String, String, [String: JSONValue])])
        func rules(_ text: String, _ tool: String, _ arguments: [String: JSONValue]) throws {
            let calls = try #require(planner.plan(text), "\(text)")
            #expect(calls.count == 1 && calls[0].tool == tool, "\(text)")
            #expect(calls[0].arguments == arguments, "\(text)")
        }

        @Test("'pull request' is not a git pull, and a pull still is")
        func notAPull() throws {
            #expect(planner.plan("pull demo")?.first?.tool == "git_pull")
            #expect(planner.plan("pull requests of demo") == nil)
        }

        @Test("forges and forge_tokens: parsed by host and port; a malformed value is refused without repeating a token")
        func settings() throws {
            let folder = try TemporaryDirectory()
            defer { folder.remove() }
            let settings = try Settings.load(
                baseDirectory: folder.url,
                environment: [
                    "TIMMY_FORGES": "code.corp github https://code.corp/api/v3, git.example.com:3000 forgejo",
                    "TIMMY_FORGE_TOKENS": "code.corp=abc, git.example.com:3000=def",
                ])
            #expect(
                settings.forges == [
                    ForgeEntry(host: "code.corp", kind: .github, apiURL: URL(string: "https://code.corp/api/v3")),
                    ForgeEntry(host: "git.example.com:3000", kind: .forgejo, apiURL: nil),
                ])
            #expect(settings.forgeToken(host: "code.corp", port: 8443) == "abc" && settings.forgeToken(host: "git.example.com", port: 3000) == "def")
            #expect(settings.forgeToken(host: "git.example.com", port: nil) == nil)
            for (key, value) in [
                ("TIMMY_FORGES", "git.example.com svn"), ("TIMMY_FORGES", "h gitea ftp://h/api"), ("TIMMY_FORGE_TOKENS", "s3cr3t-token"),
            ] {
                do {
                    _ = try Settings.load(baseDirectory: folder.url, environment: [key: value])
                    Issue.record("\(key)=\(value) was accepted")
                } catch {
                    #expect("\(error)".contains(key.dropFirst(6).lowercased()), "\(error)")
                    #expect(!"\(error)".contains("s3cr3t"), "\(error)")
                }
            }
        }

        @Test("the pattern reads merges from recorded results: time open to merge, and merges per persona")
        func sparkPattern() throws {
            let family = GitTools.family
            func merge(_ agent: String, hours: Double) -> RecordedCall {
                let opened = Date(timeIntervalSince1970: 1_700_000_000)
                let pull: JSONValue = [
                    "state": "merged", "created_at": .string(opened.formatted(.iso8601)),
                    "merged_at": .string(opened.addingTimeInterval(hours * 3600).formatted(.iso8601)),
                ]
                return RecordedCall(tool: "git_pr_merge", agent: agent, success: true, data: ["pull_request": pull])
            }
            let calls =
                [1.0, 2, 3, 4].map { merge("forge", hours: $0) } + [merge("helm", hours: 10)]
                + [RecordedCall(tool: "git_pr_merge", agent: "helm", success: false, data: .null)]
            let findings = family.patterns.flatMap { $0.findings(calls, minimumSamples: 5) }
            let time = try #require(findings.first { $0.subject == "git_pr_merge:time_to_merge" })
            #expect(time.figures["median_hours"] == 3 && time.sampleSize == 5 && time.text.contains("3.0 hours"), "\(time.text)")
            let forge = try #require(findings.first { $0.subject == "git_pr_merge:forge" })
            #expect(forge.figures["merges"] == 4 && forge.figures["share"] == 0.8 && forge.text.hasPrefix("Forge merged 4 of 5 pull requests (80%)"))
            #expect(findings.first { $0.subject == "git_pr_merge:helm" }?.figures["median_hours"] == 10)
            #expect(
                family.patterns.flatMap { $0.findings(Array(calls.prefix(4)), minimumSamples: 5) }.filter { $0.subject.hasPrefix("git_pr") }.isEmpty)
        }
    }
}
