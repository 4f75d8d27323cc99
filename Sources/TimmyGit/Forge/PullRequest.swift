import TimmyCore

/// A pull request as Timmy reports it, read from either API: both give these under the same keys.
public struct PullRequest: Codable, Sendable, Equatable {
    public let number: Int
    public let title: String
    public let body: String
    /// `open`, `closed` or `merged`.
    public let state: String
    public let draft: Bool
    public let author: String
    public let head: String
    public let base: String
    public let headSha: String?
    public let url: String
    /// Whether the forge can merge it as it stands; nil while the forge is still working it out.
    public let mergeable: Bool?
    public let createdAt: String?
    public let mergedAt: String?
    public let closedAt: String?
    public let additions: Int?
    public let deletions: Int?
    public let changedFiles: Int?

    init?(_ json: JSONValue) {
        guard let number = json["number"]?.intValue, let title = json["title"]?.stringValue else { return nil }
        self.number = number
        self.title = title
        body = json["body"]?.stringValue ?? ""
        let merged = json["merged"]?.boolValue == true || json["merged_at"]?.stringValue != nil
        state = merged ? "merged" : json["state"]?.stringValue ?? "open"
        // Gitea marks drafts by a "WIP:" title prefix, and newer versions also say `draft`.
        draft = json["draft"]?.boolValue ?? Self.workInProgress(title)
        author = json["user"]?["login"]?.stringValue ?? ""
        head = json["head"]?["ref"]?.stringValue ?? ""
        base = json["base"]?["ref"]?.stringValue ?? ""
        headSha = json["head"]?["sha"]?.stringValue
        url = json["html_url"]?.stringValue ?? ""
        mergeable = json["mergeable"]?.boolValue
        createdAt = json["created_at"]?.stringValue
        mergedAt = json["merged_at"]?.stringValue
        closedAt = json["closed_at"]?.stringValue
        additions = json["additions"]?.intValue
        deletions = json["deletions"]?.intValue
        changedFiles = json["changed_files"]?.intValue
    }

    static func workInProgress(_ title: String) -> Bool {
        let lower = title.lowercased()
        return ["wip:", "[wip]", "draft:", "[draft]"].contains { lower.hasPrefix($0) }
    }

    /// `#3 Add login (feature/login → main, open)`.
    var line: String { "#\(number) \(title) (\(head) → \(base), \(draft && state == "open" ? "draft" : state))" }
}

/// A review on a pull request; `state` is `approved`, `changes_requested`, `commented` or `pending`.
public struct PullRequestReview: Codable, Sendable, Equatable {
    public let id: Int
    public let author: String
    public let state: String
    public let body: String
    public let submittedAt: String?

    init?(_ json: JSONValue) {
        guard let id = json["id"]?.intValue else { return nil }
        self.id = id
        author = json["user"]?["login"]?.stringValue ?? ""
        let raw = json["state"]?.stringValue?.uppercased() ?? ""
        state =
            switch raw {
            case "APPROVED": "approved"
            case "CHANGES_REQUESTED", "REQUEST_CHANGES": "changes_requested"
            case "COMMENTED", "COMMENT": "commented"
            default: raw.lowercased()
            }
        body = json["body"]?.stringValue ?? ""
        submittedAt = json["submitted_at"]?.stringValue
    }
}

/// A conversation comment on a pull request.
public struct PullRequestComment: Codable, Sendable, Equatable {
    public let id: Int
    public let author: String
    public let body: String
    public let createdAt: String?

    init?(_ json: JSONValue) {
        guard let id = json["id"]?.intValue else { return nil }
        self.id = id
        author = json["user"]?["login"]?.stringValue ?? ""
        body = json["body"]?.stringValue ?? ""
        createdAt = json["created_at"]?.stringValue
    }
}

/// One commit status on the head: a check's context, its state and what it said.
public struct CommitCheck: Codable, Sendable, Equatable {
    public let context: String
    /// `success`, `pending`, `failure` or `error`.
    public let state: String
    public let description: String

    public init(context: String, state: String, description: String) {
        self.context = context
        self.state = state
        self.description = description
    }

    init(_ json: JSONValue) {
        context = json["context"]?.stringValue ?? ""
        // GitHub names a status's outcome `state`, Gitea `status`.
        state = json["state"]?.stringValue ?? json["status"]?.stringValue ?? ""
        description = json["description"]?.stringValue ?? ""
    }
}
