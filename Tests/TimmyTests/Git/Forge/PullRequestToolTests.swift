import Foundation
import Testing
import TimmyAPI
import TimmyCore
import TimmyGit

extension PullRequestTests {
    @Suite("Pull request tools against a fake Gitea and GitHub on loopback")
    struct PullRequestToolTests {
        static let flavours = FakeForgeState.Flavour.allCases

        @Test("create, list, view, comment, review, merge and close", arguments: flavours)
        func lifecycle(_ flavour: FakeForgeState.Flavour) async throws {
            let fixture = try await ForgeFixture(flavour)
            do {
                try await fixture.branch("feature/login", file: "login.txt", text: "login\nform\n")
                let created: GitPRReport = try await fixture.report(
                    "git_pr_create", ["repo": "demo", "title": "Add login", "body": "The login form.", "head": "feature/login"])
                #expect(created.action == "created" && created.pullRequest.number == 1 && created.pullRequest.state == "open")
                #expect(
                    created.pullRequest.head == "feature/login" && created.pullRequest.base == "main" && created.pullRequest.author == "timmy-bot")
                #expect(created.place.host == fixture.forge.authority && created.place.fullName == "team/demo")
                #expect(created.place.forge == (flavour == .github ? "github" : "gitea"))

                try await fixture.branch("feature/draft", file: "draft.txt")
                let draft: GitPRReport = try await fixture.report(
                    "git_pr_create", ["repo": "demo", "title": "Try it", "head": "feature/draft", "base": "main", "draft": true])
                #expect(draft.pullRequest.draft && draft.pullRequest.number == 2)
                #expect(draft.pullRequest.title == (flavour == .github ? "Try it" : "WIP: Try it"))

                let sha = try await fixture.git.git(["rev-parse", "feature/login"]).trimmingCharacters(in: .newlines)
                await fixture.state.setStatus(sha, context: "ci/build", state: "success", description: "built")
                let comment = try await fixture.call("git_pr_comment", ["repo": "demo", "number": 1, "body": "Looks good"])
                #expect(comment.summary.contains("commented on pull request #1"))
                let review: GitPRFeedbackReport = try await fixture.report(
                    "git_pr_review", ["repo": "demo", "number": 1, "event": "request_changes", "body": "Add a test"], as: "mace")
                #expect(review.review?.state == "changes_requested")
                let approval: GitPRFeedbackReport = try await fixture.report("git_pr_review", ["repo": "demo", "number": 1, "event": "approve"])
                #expect(approval.review?.state == "approved")

                let view: GitPRViewReport = try await fixture.report("git_pr_view", ["repo": "demo", "number": 1], as: "echo")
                #expect(view.pullRequest.mergeable == true && view.pullRequest.state == "open")
                #expect(view.pullRequest.additions == 2 && view.pullRequest.deletions == 0 && view.pullRequest.changedFiles == 1)
                #expect(view.checksState == "success" && view.checks == [CommitCheck(context: "ci/build", state: "success", description: "built")])
                #expect(view.reviews.map(\.state) == ["changes_requested", "approved"] && view.reviews[0].body == "Add a test")
                #expect(view.comments.map(\.body) == ["Looks good"])

                let merged: GitPRReport = try await fixture.report("git_pr_merge", ["repo": "demo", "number": 1, "method": "merge"])
                #expect(merged.pullRequest.state == "merged" && merged.pullRequest.mergedAt != nil && merged.method == "merge")
                #expect(try await fixture.remoteFile("login.txt", on: "main") == "login\nform\n")
                let parents = try await GitFixture.git(["rev-list", "--parents", "-1", "main"], in: fixture.git.remote)
                #expect(parents.split(separator: " ").count == 3, "a merge commit has two parents")

                let closed: GitPRReport = try await fixture.report("git_pr_close", ["repo": "demo", "number": 2])
                #expect(closed.pullRequest.state == "closed" && closed.action == "closed")
                let open: GitPRListReport = try await fixture.report("git_pr_list", ["repo": "demo"], as: "timmy")
                #expect(open.pullRequests.isEmpty && !open.more)
                let all: GitPRListReport = try await fixture.report("git_pr_list", ["repo": "demo", "state": "all"])
                #expect(all.pullRequests.map(\.state) == ["closed", "merged"])
            } catch {
                await fixture.remove()
                throw error
            }
            await fixture.remove()
        }

        @Test("squash and rebase merges land on the base; delete_branch removes the head on the forge", arguments: flavours)
        func mergeMethods(_ flavour: FakeForgeState.Flavour) async throws {
            let fixture = try await ForgeFixture(flavour)
            do {
                try await fixture.branch("squashed", file: "a.txt", text: "a\n")
                try await fixture.branch("rebased", file: "b.txt", text: "b\n")
                _ = try await fixture.call("git_pr_create", ["repo": "demo", "title": "A", "head": "squashed"])
                _ = try await fixture.call("git_pr_create", ["repo": "demo", "title": "B", "head": "rebased"])
                let squash: GitPRReport = try await fixture.report(
                    "git_pr_merge", ["repo": "demo", "number": 1, "method": "squash", "delete_branch": true])
                #expect(squash.pullRequest.state == "merged" && squash.branchDeleted && squash.summary.contains("with squash, branch deleted"))
                #expect(try await fixture.remoteFile("a.txt", on: "main") == "a\n")
                let subject = try await GitFixture.git(["log", "-1", "--format=%s", "main"], in: fixture.git.remote)
                let parents = try await GitFixture.git(["log", "-1", "--format=%P", "main"], in: fixture.git.remote)
                #expect(subject == "A (#1)\n" && parents.split(separator: " ").count == 1, "a squash has one parent: \(subject) \(parents)")
                #expect(try await !fixture.remoteBranches().contains("squashed"))
                let rebase: GitPRReport = try await fixture.report("git_pr_merge", ["repo": "demo", "number": 2, "method": "rebase"])
                #expect(rebase.pullRequest.state == "merged" && rebase.method == "rebase")
                #expect(try await fixture.remoteFile("b.txt", on: "main") == "b\n")
                #expect(try await fixture.remoteBranches().contains("rebased"))
            } catch {
                await fixture.remove()
                throw error
            }
            await fixture.remove()
        }

        @Test("a list follows the forge's Link pages; author and base filter it", arguments: flavours)
        func pagedList(_ flavour: FakeForgeState.Flavour) async throws {
            let fixture = try await ForgeFixture(flavour)
            do {
                for index in 1...5 {
                    try await fixture.branch("topic-\(index)", file: "topic-\(index).txt")
                    _ = try await fixture.call(
                        "git_pr_create", ["repo": "demo", "title": .string("Topic \(index)"), "head": .string("topic-\(index)")])
                }
                let before = await fixture.state.seen.count
                let list: GitPRListReport = try await fixture.report("git_pr_list", ["repo": "demo", "limit": 30])
                #expect(list.pullRequests.map(\.number) == [5, 4, 3, 2, 1] && !list.more)
                let pages = await fixture.state.seen.dropFirst(before).filter { $0.method == "GET" && $0.path.hasSuffix("/pulls") }
                #expect(pages.count == 3, "five pull requests on pages of two")
                let three: GitPRListReport = try await fixture.report("git_pr_list", ["repo": "demo", "limit": 3])
                #expect(three.pullRequests.map(\.number) == [5, 4, 3] && three.more && three.summary.hasPrefix("3+ open pull requests"))
                let mine: GitPRListReport = try await fixture.report("git_pr_list", ["repo": "demo", "author": "timmy-bot", "base": "main"])
                #expect(mine.pullRequests.count == 5)
                let nobody: GitPRListReport = try await fixture.report("git_pr_list", ["repo": "demo", "author": "nobody"])
                #expect(nobody.pullRequests.isEmpty)
            } catch {
                await fixture.remove()
                throw error
            }
            await fixture.remove()
        }

        @Test("a branch that was never pushed: a clear error, and nothing is created", arguments: flavours)
        func neverPushed(_ flavour: FakeForgeState.Flavour) async throws {
            let fixture = try await ForgeFixture(flavour)
            try await fixture.branch("local-only", push: false)
            let error = await fixture.failure("git_pr_create", ["repo": "demo", "title": "Nope", "head": "local-only"])
            #expect(error as? GitToolError == .branchNotPushed(branch: "local-only", remote: "origin"))
            #expect("\(error.map { "\($0)" } ?? "")".contains("push it first"))
            #expect(await fixture.state.pulls.isEmpty)
            #expect(await !fixture.state.seen.contains { $0.method == "POST" })
            await fixture.remove()
        }

        @Test("a merge blocked by conflicts is 'not mergeable' and the pull request stays open", arguments: flavours)
        func conflict(_ flavour: FakeForgeState.Flavour) async throws {
            let fixture = try await ForgeFixture(flavour)
            do {
                try await fixture.branch("clash", file: "README.md", text: "# theirs\n")
                _ = try await fixture.call("git_pr_create", ["repo": "demo", "title": "Clash", "head": "clash"])
                try fixture.git.write("README.md", "# ours\n")
                try await fixture.git.git(["commit", "--quiet", "-am", "ours"])
                try await fixture.git.git(["push", "--quiet", "origin", "main"])
                let error = await fixture.failure("git_pr_merge", ["repo": "demo", "number": 1, "method": "squash"])
                guard case .notMergeable(let number, let host, _) = error as? GitToolError else {
                    Issue.record("not a notMergeable error: \(String(describing: error))")
                    await fixture.remove()
                    return
                }
                #expect(number == 1 && host == fixture.forge.authority)
                #expect("\(error!)".contains("is not mergeable") && "\(error!)".contains("it stays open"))
                #expect(await fixture.state.pulls[1]?.state == "open")
                let view: GitPRViewReport = try await fixture.report("git_pr_view", ["repo": "demo", "number": 1])
                #expect(view.pullRequest.state == "open" && view.pullRequest.mergeable == false)
            } catch {
                await fixture.remove()
                throw error
            }
            await fixture.remove()
        }

        @Test("a wrong or missing token (401) names the host and the setting", arguments: flavours)
        func unauthorized(_ flavour: FakeForgeState.Flavour) async throws {
            for setting in ["127.0.0.1=wrong", ""] {
                let fixture = try await ForgeFixture(flavour, tokenSetting: setting)
                let error = await fixture.failure("git_pr_list", ["repo": "demo"])
                let text = error.map { "\($0)" } ?? ""
                #expect(text.contains(fixture.forge.authority) && text.contains("forge_tokens") && text.contains("TIMMY_FORGE_TOKENS"), "\(text)")
                #expect(text.contains(setting.isEmpty ? "needs a token" : "refused the token"), "\(text)")
                #expect(!text.contains("wrong"))
                await fixture.remove()
            }
        }

        @Test("rate limited: one bounded wait and a retry, then a clear error", arguments: flavours)
        func rateLimited(_ flavour: FakeForgeState.Flavour) async throws {
            let fixture = try await ForgeFixture(flavour)
            await fixture.state.limitRate(1, retryAfter: 1)
            let started = ContinuousClock.now
            let list: GitPRListReport = try await fixture.report("git_pr_list", ["repo": "demo"])
            #expect(list.pullRequests.isEmpty && ContinuousClock.now - started >= .seconds(1))
            #expect(await fixture.state.seen.count == 2)
            await fixture.state.limitRate(2, retryAfter: 1)
            let error = await fixture.failure("git_pr_list", ["repo": "demo"])
            #expect(error as? GitToolError == .forgeRateLimited(host: fixture.forge.authority, retryAfter: 1))
            #expect(await fixture.state.seen.count == 4, "one retry, no more")
            await fixture.state.limitRate(1, retryAfter: 3600)
            let long = await fixture.failure("git_pr_list", ["repo": "demo"])
            #expect(long as? GitToolError == .forgeRateLimited(host: fixture.forge.authority, retryAfter: 3600), "a long wait is not waited")
            await fixture.remove()
        }

        @Test("option and protocol injection in branches, remotes and titles is refused before the forge is asked")
        func injection() async throws {
            let fixture = try await ForgeFixture(.gitea)
            try await fixture.branch("feature/ok")
            let refused: [[String: JSONValue]] = [
                ["repo": "demo", "title": "x", "head": "--upload-pack=touch /tmp/pwned"],
                ["repo": "demo", "title": "x", "head": "ext::sh -c touch% /tmp/pwned"],
                ["repo": "demo", "title": "x", "head": "feature/ok", "base": "-main"],
                ["repo": "demo", "title": "x", "head": "feature/ok", "base": "@{-1}"],
                ["repo": "demo", "title": "x", "head": "feature/ok", "remote": "-oProxyCommand=touch"],
                ["repo": "demo", "title": "x", "head": "feature/ok", "remote": "ext::sh"],
                ["repo": "demo", "title": "two\nlines", "head": "feature/ok"],
                ["repo": "demo", "title": "bell\u{07}", "head": "feature/ok"],
            ]
            for arguments in refused {
                let error = await fixture.failure("git_pr_create", arguments)
                #expect(error is GitToolError || error is ToolError, "\(arguments): \(String(describing: error))")
            }
            let author = await fixture.failure("git_pr_list", ["repo": "demo", "author": "--all"])
            #expect(author is ToolError)
            #expect(await fixture.state.pulls.isEmpty)
            #expect(await fixture.state.seen.isEmpty, "the forge was never asked")
            let text: GitPRReport = try await fixture.report(
                "git_pr_create", ["repo": "demo", "title": "--delete-branch --amend", "head": "feature/ok"])
            #expect(text.pullRequest.title == "--delete-branch --amend", "an option-like title is only text")
            await fixture.remove()
        }

        @Test("a redirect is not followed: nothing but the configured forge is contacted", arguments: flavours)
        func redirect(_ flavour: FakeForgeState.Flavour) async throws {
            let fixture = try await ForgeFixture(flavour)
            try await fixture.git.git(["remote", "add", "moved", "http://\(fixture.forge.authority)/team/moved.git"])
            let error = await fixture.failure("git_pr_list", ["repo": "demo", "remote": "moved"])
            let text = error.map { "\($0)" } ?? ""
            #expect(text.contains("HTTP 301") && text.contains("redirects are not followed") && text.contains("127.0.0.2:9"), "\(text)")
            #expect(await fixture.state.seen.count == 1)
            await fixture.remove()
        }

        @Test("a remote that names no forge, or an unknown remote, is an error naming it")
        func noForge() async throws {
            let fixture = try await GitFixture()
            defer { fixture.remove() }
            let error = await fixture.failure("git_pr_list", ["repo": "demo"])
            #expect(error.map { "\($0)" }?.contains("remote 'origin'") == true && error.map { "\($0)" }?.contains("is not on a forge") == true)
            #expect(await fixture.failure("git_pr_list", ["repo": "demo", "remote": "upstream"]) == .unknownRemote("upstream"))
        }
    }
}
