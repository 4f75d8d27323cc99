import Foundation
import TimmyCore

/// The pull-request endpoints of one forge, GitHub REST or Gitea/Forgejo v1, where the two differ
/// only in names: the list's filters, the review events, the merge call and how a draft is marked.
struct PullRequestAPI: Sendable {
    let forge: Forge
    let client: ForgeClient

    init(forge: Forge) {
        self.forge = forge
        client = ForgeClient(forge: forge)
    }

    func defaultBranch() async throws(GitToolError) -> String {
        let response = try await client.send("GET", forge.repoPath())
        guard response.succeeded, let branch = response.json["default_branch"]?.stringValue else {
            throw client.failure(response, asking: "repository \(forge.fullName)")
        }
        return branch
    }

    func create(head: String, base: String, title: String, body: String, draft: Bool) async throws(GitToolError) -> PullRequest {
        var fields: [String: JSONValue] = ["head": .string(head), "base": .string(base), "body": .string(body)]
        if forge.isGitHub {
            fields["title"] = .string(title)
            fields["draft"] = .bool(draft)
        } else {
            fields["title"] = .string(draft && !PullRequest.workInProgress(title) ? "WIP: \(title)" : title)
        }
        let response = try await client.send("POST", forge.repoPath("pulls"), body: .object(fields))
        return try pullRequest(response, asking: "repository \(forge.fullName)")
    }

    func list(state: String, author: String?, base: String?, limit: Int) async throws(GitToolError) -> (pulls: [PullRequest], more: Bool) {
        let size = String(min(limit, 50))
        var query = [URLQueryItem(name: "state", value: state), URLQueryItem(name: forge.isGitHub ? "per_page" : "limit", value: size)]
        if let base { query.append(URLQueryItem(name: forge.isGitHub ? "base" : "base_branch", value: base)) }
        // GitHub's list has no author filter: its pages are filtered here.
        if let author, !forge.isGitHub { query.append(URLQueryItem(name: "poster", value: author)) }
        let matches: @Sendable (PullRequest) -> Bool = { pull in author.map { pull.author.lowercased() == $0.lowercased() } ?? true }
        let (items, more) = try await client.pages(forge.repoPath("pulls"), query: query) { items in
            items.compactMap(PullRequest.init).filter(matches).count >= limit
        }
        let pulls = items.compactMap(PullRequest.init).filter(matches)
        return (Array(pulls.prefix(limit)), more || pulls.count > limit)
    }

    func get(_ number: Int) async throws(GitToolError) -> PullRequest {
        try pullRequest(try await client.send("GET", forge.repoPath("pulls", String(number))), asking: "pull request #\(number) in \(forge.fullName)")
    }

    func reviews(_ number: Int) async throws(GitToolError) -> [PullRequestReview] {
        try await client.pages(forge.repoPath("pulls", String(number), "reviews"), query: []) { _ in false }.items.compactMap(PullRequestReview.init)
    }

    func comments(_ number: Int) async throws(GitToolError) -> [PullRequestComment] {
        try await client.pages(forge.repoPath("issues", String(number), "comments"), query: []) { _ in false }.items.compactMap(
            PullRequestComment.init)
    }

    /// The combined status of a commit: its overall state and each check.
    func status(_ sha: String) async throws(GitToolError) -> (state: String, checks: [CommitCheck]) {
        let response = try await client.send("GET", forge.repoPath("commits", sha, "status"))
        guard response.succeeded else { return ("unknown", []) }
        let checks = (response.json["statuses"]?.arrayValue ?? []).map(CommitCheck.init)
        return (checks.isEmpty ? "none" : response.json["state"]?.stringValue ?? "unknown", checks)
    }

    func comment(_ number: Int, body: String) async throws(GitToolError) -> PullRequestComment {
        let response = try await client.send("POST", forge.repoPath("issues", String(number), "comments"), body: ["body": .string(body)])
        guard response.succeeded, let comment = PullRequestComment(response.json) else {
            throw client.failure(response, asking: "pull request #\(number) in \(forge.fullName)")
        }
        return comment
    }

    func review(_ number: Int, event: GitPRReviewTool.Event, body: String) async throws(GitToolError) -> PullRequestReview {
        let name =
            switch event {
            case .approve: forge.isGitHub ? "APPROVE" : "APPROVED"
            case .requestChanges: "REQUEST_CHANGES"
            case .comment: "COMMENT"
            }
        let response = try await client.send(
            "POST", forge.repoPath("pulls", String(number), "reviews"), body: ["event": .string(name), "body": .string(body)])
        guard response.succeeded, let review = PullRequestReview(response.json) else {
            throw client.failure(response, asking: "pull request #\(number) in \(forge.fullName)")
        }
        return review
    }

    /// Merges, or throws `notMergeable` when the forge answers 405 or 409 (conflicts, a moved head, checks).
    func merge(_ number: Int, method: GitPRMergeTool.Method, deleteBranch: Bool, head: String) async throws(GitToolError) {
        let path = forge.repoPath("pulls", String(number), "merge")
        let response =
            if forge.isGitHub {
                try await client.send("PUT", path, body: ["merge_method": .string(method.rawValue)])
            } else {
                try await client.send("POST", path, body: ["Do": .string(method.rawValue), "delete_branch_after_merge": .bool(deleteBranch)])
            }
        if [405, 409].contains(response.status) {
            throw .notMergeable(number: number, host: forge.host, message: client.redact(response.message))
        }
        guard response.succeeded else { throw client.failure(response, asking: "pull request #\(number) in \(forge.fullName)") }
        if forge.isGitHub, deleteBranch {
            let deleted = try await client.send("DELETE", forge.repoPath("git", "refs", "heads", head))
            guard deleted.succeeded || deleted.status == 422 else { throw client.failure(deleted, asking: "branch \(head) in \(forge.fullName)") }
        }
    }

    func close(_ number: Int) async throws(GitToolError) -> PullRequest {
        let response = try await client.send("PATCH", forge.repoPath("pulls", String(number)), body: ["state": "closed"])
        return try pullRequest(response, asking: "pull request #\(number) in \(forge.fullName)")
    }

    private func pullRequest(_ response: ForgeResponse, asking what: String) throws(GitToolError) -> PullRequest {
        guard response.succeeded, let pull = PullRequest(response.json) else { throw client.failure(response, asking: what) }
        return pull
    }
}
