import Foundation
import Hummingbird
import TimmyCore
import TimmyProcess

/// What the fake forge holds and how each API answers. Pull requests live here; branches and merges
/// live in the bare repository, done with real git.
actor FakeForgeState {
    enum Flavour: CaseIterable, Sendable {
        case gitea, github
        var prefix: String { self == .github ? "/api/v3" : "/api/v1" }
    }

    struct Pull: Sendable {
        let number: Int
        var title: String
        var body: String
        var state = "open"
        var merged = false
        let head: String
        let base: String
        let user: String
        let draft: Bool
        let createdAt: Date
        var mergedAt: Date?
        var closedAt: Date?
        var mergeCommit: String?
    }

    /// A request as the forge saw it; `authorization` is the header's value, for checking which token came.
    struct Seen: Sendable {
        let method: String
        let path: String
        let authorization: String?
    }

    let bare: URL
    let token: String
    let owner: String
    let name: String
    let user = "timmy-bot"
    /// The most items a page holds, whatever the client asks for (real forges cap pages too).
    var maximumPageSize = 2
    /// The next this many requests are answered as rate limited (GitHub 403, Gitea 429) with this `Retry-After`.
    var rateLimited = 0
    var retryAfter = 1
    /// How long ago each new pull request counts as opened, so open-to-merge times can be more than seconds.
    var openedAgo: TimeInterval = 0
    private(set) var pulls: [Int: Pull] = [:]
    private(set) var seen: [Seen] = []
    private var comments: [Int: [JSONValue]] = [:]
    private var reviewsGiven: [Int: [JSONValue]] = [:]
    private var statuses: [String: [JSONValue]] = [:]
    private var nextID = 100

    init(bare: URL, token: String, owner: String, name: String) {
        self.bare = bare
        self.token = token
        self.owner = owner
        self.name = name
    }

    func limitRate(_ count: Int, retryAfter: Int) {
        rateLimited = count
        self.retryAfter = retryAfter
    }

    func setOpenedAgo(_ seconds: TimeInterval) { openedAgo = seconds }

    func setStatus(_ sha: String, context: String, state: String, description: String) {
        statuses[sha, default: []].append(["context": .string(context), "state": .string(state), "description": .string(description)])
    }

    /// Refuses what a real forge would refuse before looking at the request: an unknown repository, a missing
    /// or wrong token, a rate limit. Every request is recorded first.
    func admit(_ flavour: Flavour, method: String, path: String, authorization: String?, owner: String, name: String) -> FakeAnswer? {
        seen.append(Seen(method: method, path: path, authorization: authorization))
        let scheme = flavour == .github ? "Bearer" : "token"
        guard authorization == "\(scheme) \(token)" else {
            return FakeAnswer(status: 401, body: flavour == .github ? Self.githubError("Bad credentials") : Self.giteaError("token is required"))
        }
        if rateLimited > 0 {
            rateLimited -= 1
            if flavour == .github {
                return FakeAnswer(
                    status: 403, headers: ["Retry-After": String(retryAfter)],
                    body: Self.githubError("You have exceeded a secondary rate limit. Please wait a few minutes before you try again."))
            }
            return FakeAnswer(status: 429, headers: ["Retry-After": String(retryAfter)], body: Self.giteaError("too many requests"))
        }
        // A renamed repository: GitHub answers 301 with the new place, which here is another host.
        if name == "moved" { return FakeAnswer(status: 301, headers: ["Location": "http://127.0.0.2:9/api/v1/repos/team/demo"]) }
        guard owner == self.owner, name == self.name else { return notFound(flavour) }
        return nil
    }

    // MARK: Repository and pull requests

    func repository(_ flavour: Flavour) -> FakeAnswer {
        FakeAnswer(
            status: 200,
            body: [
                "id": 1, "name": .string(name), "full_name": .string("\(owner)/\(name)"), "default_branch": "main",
                "owner": ["login": .string(owner)],
            ])
    }

    func list(_ flavour: Flavour, query: Parameters, path: String, authority: String) async throws -> FakeAnswer {
        let state = query.get("state") ?? "open"
        let base = query.get(flavour == .github ? "base" : "base_branch")
        let poster = flavour == .gitea ? query.get("poster") : nil
        let matching = pulls.values.sorted { $0.number > $1.number }.filter { pull in
            (state == "all" || pull.state == state) && (base == nil || pull.base == base) && (poster == nil || pull.user == poster)
        }
        let asked = Int(query.get(flavour == .github ? "per_page" : "limit") ?? "") ?? 30
        let size = max(1, min(asked, maximumPageSize))
        let number = max(1, Int(query.get("page") ?? "") ?? 1)
        let items = matching.dropFirst((number - 1) * size).prefix(size)
        var page: [JSONValue] = []
        for pull in items { page.append(try await json(pull, flavour)) }
        var answer = FakeAnswer(status: 200, body: .array(page))
        let last = max(1, (matching.count + size - 1) / size)
        var links: [String] = []
        let others = query.filter { $0.key != "page" }.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "&")
        func link(_ page: Int, _ relation: String) -> String { "<http://\(authority)\(path)?\(others)&page=\(page)>; rel=\"\(relation)\"" }
        if number < last { links += [link(number + 1, "next"), link(last, "last")] }
        if number > 1 { links += [link(1, "first"), link(number - 1, "prev")] }
        if !links.isEmpty { answer.headers["Link"] = links.joined(separator: ", ") }
        if flavour == .gitea { answer.headers["X-Total-Count"] = String(matching.count) }
        return answer
    }

    func create(_ flavour: Flavour, _ body: JSONValue) async throws -> FakeAnswer {
        guard let head = body["head"]?.stringValue, let base = body["base"]?.stringValue, let title = body["title"]?.stringValue, !title.isEmpty
        else { return validation(flavour, "head, base and title are required") }
        guard try await branchSHA(head) != nil else {
            return flavour == .github
                ? FakeAnswer(
                    status: 422,
                    body: Self.githubError("Validation Failed", errors: [["resource": "PullRequest", "field": "head", "code": "invalid"]]))
                : notFound(flavour)
        }
        guard try await branchSHA(base) != nil else { return validation(flavour, "base does not exist") }
        if pulls.values.contains(where: { $0.state == "open" && $0.head == head && $0.base == base }) {
            let message = "A pull request already exists for \(owner):\(head)."
            return flavour == .github ? validation(flavour, message) : FakeAnswer(status: 409, body: Self.giteaError(message))
        }
        let number = (pulls.keys.max() ?? 0) + 1
        let draft = flavour == .github ? body["draft"]?.boolValue ?? false : PullRequestTitle.isWorkInProgress(title)
        let pull = Pull(
            number: number, title: title, body: body["body"]?.stringValue ?? "", head: head, base: base, user: user, draft: draft,
            createdAt: Date().addingTimeInterval(-openedAgo))
        pulls[number] = pull
        return FakeAnswer(status: 201, body: try await json(pull, flavour))
    }

    func pull(_ flavour: Flavour, _ number: Int) async throws -> FakeAnswer {
        guard let pull = pulls[number] else { return notFound(flavour) }
        return FakeAnswer(status: 200, body: try await json(pull, flavour))
    }

    func edit(_ flavour: Flavour, _ number: Int, _ body: JSONValue) async throws -> FakeAnswer {
        guard var pull = pulls[number] else { return notFound(flavour) }
        if let state = body["state"]?.stringValue {
            if pull.merged {
                return flavour == .github
                    ? validation(flavour, "state cannot be changed. The pull request cannot be reopened.")
                    : FakeAnswer(status: 412, body: Self.giteaError("cannot change state of this pull request, it was already merged"))
            }
            pull.state = state
            pull.closedAt = state == "closed" ? Date() : nil
        }
        if let title = body["title"]?.stringValue { pull.title = title }
        pulls[number] = pull
        // Gitea answers an edit with 201, as its API documents.
        return FakeAnswer(status: flavour == .github ? 200 : 201, body: try await json(pull, flavour))
    }

    /// Merges with real git in the bare repository. Conflicts: GitHub 405, Gitea 409; a closed one: GitHub 405, Gitea 404.
    func merge(_ flavour: Flavour, _ number: Int, _ body: JSONValue) async throws -> FakeAnswer {
        guard var pull = pulls[number] else { return notFound(flavour) }
        guard pull.state == "open" else {
            return flavour == .github ? FakeAnswer(status: 405, body: Self.githubError("Pull Request is not mergeable")) : notFound(flavour)
        }
        let method = (flavour == .github ? body["merge_method"] : body["Do"])?.stringValue ?? "merge"
        guard ["merge", "squash", "rebase"].contains(method) else { return validation(flavour, "unknown merge method \(method)") }
        guard let base = try await branchSHA(pull.base), let head = try await branchSHA(pull.head) else { return notFound(flavour) }
        guard let tree = try await mergeTree(base, head) else {
            return flavour == .github
                ? FakeAnswer(status: 405, body: Self.githubError("Pull Request is not mergeable"))
                : FakeAnswer(status: 409, body: ["StdOut": "", "StdErr": "CONFLICT (content): Merge conflict", "Err": [:]])
        }
        let commit: String
        switch method {
        case "squash":
            commit = try await git(["commit-tree", tree, "-p", base, "-m", "\(pull.title) (#\(number))"])
        case "rebase" where try await isAncestor(base, of: head):
            commit = head
        case "rebase":
            commit = try await git(["commit-tree", tree, "-p", base, "-m", pull.title])
        default:
            commit = try await git(["commit-tree", tree, "-p", base, "-p", head, "-m", "Merge pull request #\(number) from \(owner)/\(pull.head)"])
        }
        try await git(["update-ref", "refs/heads/\(pull.base)", commit, base])
        pull.merged = true
        pull.state = "closed"
        pull.mergedAt = Date()
        pull.closedAt = pull.mergedAt
        pull.mergeCommit = commit
        pulls[number] = pull
        if flavour == .gitea, body["delete_branch_after_merge"]?.boolValue == true { try await git(["update-ref", "-d", "refs/heads/\(pull.head)"]) }
        guard flavour == .github else { return FakeAnswer(status: 200) }
        return FakeAnswer(status: 200, body: ["sha": .string(commit), "merged": true, "message": "Pull Request successfully merged"])
    }

    func deleteBranch(_ flavour: Flavour, _ branch: String) async throws -> FakeAnswer {
        guard try await branchSHA(branch) != nil else { return validation(flavour, "Reference does not exist") }
        try await git(["update-ref", "-d", "refs/heads/\(branch)"])
        return FakeAnswer(status: 204)
    }

    // MARK: Comments, reviews, statuses

    func comments(_ flavour: Flavour, _ number: Int) -> FakeAnswer {
        guard pulls[number] != nil else { return notFound(flavour) }
        return FakeAnswer(status: 200, body: .array(comments[number] ?? []))
    }

    func comment(_ flavour: Flavour, _ number: Int, _ body: JSONValue) -> FakeAnswer {
        guard pulls[number] != nil else { return notFound(flavour) }
        guard let text = body["body"]?.stringValue, !text.isEmpty else { return validation(flavour, "body is required") }
        nextID += 1
        let comment: JSONValue = [
            "id": .int(nextID), "body": .string(text), "user": ["login": .string(user)], "created_at": .string(Self.iso(Date())),
        ]
        comments[number, default: []].append(comment)
        return FakeAnswer(status: 201, body: comment)
    }

    func reviews(_ flavour: Flavour, _ number: Int) -> FakeAnswer {
        guard pulls[number] != nil else { return notFound(flavour) }
        return FakeAnswer(status: 200, body: .array(reviewsGiven[number] ?? []))
    }

    /// GitHub takes APPROVE, REQUEST_CHANGES, COMMENT and reports APPROVED, CHANGES_REQUESTED, COMMENTED;
    /// Gitea takes and reports APPROVED, REQUEST_CHANGES, COMMENT.
    func review(_ flavour: Flavour, _ number: Int, _ body: JSONValue) -> FakeAnswer {
        guard pulls[number] != nil else { return notFound(flavour) }
        let events: [String: String] =
            flavour == .github
            ? ["APPROVE": "APPROVED", "REQUEST_CHANGES": "CHANGES_REQUESTED", "COMMENT": "COMMENTED"]
            : ["APPROVED": "APPROVED", "REQUEST_CHANGES": "REQUEST_CHANGES", "COMMENT": "COMMENT"]
        guard let event = body["event"]?.stringValue, let state = events[event] else { return validation(flavour, "unknown review event") }
        nextID += 1
        let review: JSONValue = [
            "id": .int(nextID), "body": .string(body["body"]?.stringValue ?? ""), "state": .string(state), "user": ["login": .string(user)],
            "submitted_at": .string(Self.iso(Date())),
        ]
        reviewsGiven[number, default: []].append(review)
        return FakeAnswer(status: 200, body: review)
    }

    /// The combined status; Gitea names each status's outcome `status`, GitHub `state`.
    func status(_ flavour: Flavour, _ sha: String) -> FakeAnswer {
        let items = statuses[sha] ?? []
        let states = items.compactMap { $0["state"]?.stringValue }
        let combined = states.contains("failure") ? "failure" : states.contains("pending") || states.isEmpty ? "pending" : "success"
        let shaped: [JSONValue] = items.map { item in
            guard flavour == .gitea, case .object(var fields) = item else { return item }
            fields["status"] = fields.removeValue(forKey: "state")
            return .object(fields)
        }
        return FakeAnswer(
            status: 200, body: ["state": .string(combined), "sha": .string(sha), "total_count": .int(items.count), "statuses": .array(shaped)])
    }

    // MARK: Shapes

    private func json(_ pull: Pull, _ flavour: Flavour) async throws -> JSONValue {
        let head = try await branchSHA(pull.head)
        let base = try await branchSHA(pull.base)
        var additions = 0
        var deletions = 0
        var files = 0
        var mergeable = false
        if let head, let base {
            let numstat = try await git(["diff", "--numstat", "\(base)...\(head)"])
            for line in numstat.split(separator: "\n") {
                let fields = line.split(separator: "\t")
                additions += Int(fields.first ?? "") ?? 0
                deletions += fields.count > 1 ? Int(fields[1]) ?? 0 : 0
                files += 1
            }
            mergeable = pull.state == "open" ? try await mergeTree(base, head) != nil : false
        }
        let web =
            flavour == .github
            ? "https://github.example/\(owner)/\(name)/pull/\(pull.number)" : "http://127.0.0.1/\(owner)/\(name)/pulls/\(pull.number)"
        return [
            "id": .int(1000 + pull.number), "number": .int(pull.number), "title": .string(pull.title), "body": .string(pull.body),
            "state": .string(pull.state), "draft": .bool(pull.draft), "merged": .bool(pull.merged), "mergeable": .bool(mergeable),
            "user": ["login": .string(pull.user)], "html_url": .string(web),
            "head": ["ref": .string(pull.head), "sha": head.map(JSONValue.string) ?? .null, "label": .string(pull.head)],
            "base": ["ref": .string(pull.base), "sha": base.map(JSONValue.string) ?? .null, "label": .string(pull.base)],
            "created_at": .string(Self.iso(pull.createdAt)), "updated_at": .string(Self.iso(Date())),
            "merged_at": pull.mergedAt.map { .string(Self.iso($0)) } ?? .null, "closed_at": pull.closedAt.map { .string(Self.iso($0)) } ?? .null,
            "merge_commit_sha": pull.mergeCommit.map(JSONValue.string) ?? .null, "additions": .int(additions), "deletions": .int(deletions),
            "changed_files": .int(files),
        ]
    }

    private func notFound(_ flavour: Flavour) -> FakeAnswer {
        FakeAnswer(status: 404, body: flavour == .github ? Self.githubError("Not Found") : Self.giteaError("The target couldn't be found."))
    }

    private func validation(_ flavour: Flavour, _ message: String) -> FakeAnswer {
        FakeAnswer(
            status: 422,
            body: flavour == .github ? Self.githubError("Validation Failed", errors: [["message": .string(message)]]) : Self.giteaError(message))
    }

    static func githubError(_ message: String, errors: [JSONValue] = []) -> JSONValue {
        var body: [String: JSONValue] = ["message": .string(message), "documentation_url": "https://docs.github.com/rest", "status": "0"]
        if !errors.isEmpty { body["errors"] = .array(errors) }
        return .object(body)
    }

    static func giteaError(_ message: String) -> JSONValue { ["message": .string(message), "url": "http://127.0.0.1/api/swagger"] }

    static func iso(_ date: Date) -> String { date.formatted(.iso8601) }

    // MARK: Git in the bare repository

    private func branchSHA(_ branch: String) async throws -> String? {
        let output = try await run(["rev-parse", "--verify", "--quiet", "refs/heads/\(branch)"])
        return output.succeeded ? output.outputText.trimmingCharacters(in: .newlines) : nil
    }

    /// The tree of merging the two commits, or nil when they conflict.
    private func mergeTree(_ base: String, _ head: String) async throws -> String? {
        let output = try await run(["merge-tree", "--write-tree", base, head])
        return output.succeeded ? output.outputText.split(separator: "\n").first.map(String.init) : nil
    }

    private func isAncestor(_ base: String, of head: String) async throws -> Bool {
        try await run(["merge-base", "--is-ancestor", base, head]).succeeded
    }

    @discardableResult
    private func git(_ arguments: [String]) async throws -> String {
        try await GitFixture.git(arguments, in: bare).trimmingCharacters(in: .newlines)
    }

    private func run(_ arguments: [String]) async throws -> ProcessOutput {
        try await ProcessRunner.run(
            ProcessRequest(
                "git", ["-c", "user.name=Forge", "-c", "user.email=forge@example.com"] + arguments, workingDirectory: bare,
                environment: ["LC_ALL": "C", "GIT_CONFIG_NOSYSTEM": "1"]))
    }
}

/// Gitea's rule for a draft: a title that starts with a work-in-progress prefix.
enum PullRequestTitle {
    static func isWorkInProgress(_ title: String) -> Bool {
        let lower = title.lowercased()
        return ["wip:", "[wip]"].contains { lower.hasPrefix($0) }
    }
}
