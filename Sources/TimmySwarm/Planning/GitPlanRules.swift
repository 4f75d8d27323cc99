import Foundation
import TimmyCore
import TimmyStore

extension DeterministicPlanner {
    /// A repository named in words: "demo", "the demo repo", "repository '/srv/x'".
    private static let repo = #"(?:the\s+)?(?:repo(?:sitory)?\s+)?(?<repo>'[^']+'|"[^"]+"|[^\s'"]+?)(?:\s+repo(?:sitory)?)?"#
    private static let word = #"(?:'[^']+'|"[^"]+"|\S+?)"#
    private static let quotedText = #"(?:'[^']*'|"[^"]*"|`[^`]*`)"#
    private static let show = #"(?:(?:show|get|give)\s+(?:me\s+)?)?(?:the\s+)?"#
    private static let remote = #"(?<remote>[A-Za-z0-9_][A-Za-z0-9._/-]*)"#

    /// One call of a git tool on the repository the request named, with more arguments where given.
    private static func git(_ tool: String, _ groups: [String: String], _ extra: [String: JSONValue] = [:]) -> PlannedCall {
        var arguments = extra
        arguments["repo"] = .string(PlanRule.unquote(groups["repo"] ?? ""))
        return PlannedCall(tool: tool, arguments: arguments)
    }

    /// The named group, unquoted, as a JSON string; nil when the group did not match.
    private static func value(_ groups: [String: String], _ name: String) -> JSONValue? {
        groups[name].map { .string(PlanRule.unquote($0)) }
    }

    /// The named groups that matched, as arguments.
    private static func values(_ groups: [String: String], _ names: [String: String]) -> [String: JSONValue] {
        names.reduce(into: [:]) { arguments, pair in arguments[pair.value] = value(groups, pair.key) }
    }

    /// Rules for the git tools: "git status of demo", "show the last 5 commits of demo", "commit all
    /// changes in demo with message 'fix typo'", "push demo", "clone https://example.com/x.git as demo"…
    public static let gitRules: [PlanRule] = [
        PlanRule(show + #"git\s+status\s+(?:of|in|for)\s+"# + repo) { [git("git_status", $0)] },
        PlanRule(
            #"(?:show|list|get)\s+(?:me\s+)?(?:the\s+)?(?:(?:last|latest|recent)\s+)?(?:(?<count>\d+)\s+)?(?:(?:last|latest|recent)\s+)?"#
                + #"(?:git\s+)?commits?\s+(?:of|in|for|from)\s+"# + repo + #"(?:\s+on\s+(?:branch\s+)?(?<ref>"# + word + "))?"
        ) { groups in
            var arguments = values(groups, ["ref": "ref"])
            if let count = groups["count"].flatMap({ Int($0) }) { arguments["max_count"] = .int(count) }
            return [git("git_log", groups, arguments)]
        },
        PlanRule(show + #"(?:git\s+)?log\s+(?:of|in|for)\s+"# + repo) { [git("git_log", $0)] },
        PlanRule(
            show + #"(?:git\s+)?(?<staged>staged\s+)?(?:diff|changes)\s+(?:of|in|for)\s+"# + repo
                + #"(?:\s+(?:against|since|compared\s+to)\s+(?<ref>"# + word + "))?"
        ) { groups in
            var arguments = values(groups, ["ref": "ref"])
            if groups["staged"] != nil { arguments["staged"] = true }
            return [git("git_diff", groups, arguments)]
        },
        PlanRule(#"(?:list|show)\s+(?:me\s+)?(?:all\s+)?(?:the\s+)?(?:git\s+)?branches\s+(?:of|in|for)\s+"# + repo) { [git("git_branch", $0)] },
        PlanRule(
            #"create\s+(?:a\s+)?(?:new\s+)?branch\s+(?<name>"# + word + #")\s+(?:in|of|for)\s+"# + repo + #"(?:\s+from\s+(?<start>"# + word + "))?"
        ) { groups in
            [git("git_branch", groups, values(groups, ["name": "name", "start": "start_point"]).merging(["action": "create"]) { $1 })]
        },
        PlanRule(#"(?:switch|check\s*out)\s+(?:to\s+)?(?:the\s+)?(?:branch\s+)?(?<name>"# + word + #")\s+in\s+"# + repo) { groups in
            [git("git_branch", groups, values(groups, ["name": "name"]).merging(["action": "switch"]) { $1 })]
        },
        PlanRule(#"delete\s+(?:the\s+)?branch\s+(?<name>"# + word + #")\s+(?:in|of|from)\s+"# + repo) { groups in
            [git("git_branch", groups, values(groups, ["name": "name"]).merging(["action": "delete"]) { $1 })]
        },
        PlanRule(#"(?:stage|(?:git\s+)?add)\s+(?:all\s+(?:the\s+)?changes|everything)\s+in\s+"# + repo) { [git("git_add", $0, ["all": true])] },
        PlanRule(#"(?:stage|git\s+add)\s+(?<path>"# + word + #")\s+in\s+"# + repo) { groups in
            [git("git_add", groups, ["paths": .array([value(groups, "path") ?? ""])])]
        },
        PlanRule(
            #"commit\s+(?:(?<scope>(?:all\s+)?(?:the\s+)?(?:staged\s+)?(?:changes|everything))\s+(?:in|to|of)\s+)?"# + repo
                + #"\s+(?:with\s+)?(?:the\s+)?(?:commit\s+)?message\s*:?\s*(?<message>"# + quotedText + ")"
        ) { groups in
            let commit = git("git_commit", groups, values(groups, ["message": "message"]))
            guard let scope = groups["scope"], !scope.lowercased().contains("staged") else { return [commit] }
            return [git("git_add", groups, ["all": true]), commit]
        },
        PlanRule(
            #"(?:git\s+)?push\s+(?:the\s+)?(?:changes\s+(?:in|of)\s+)?(?:branch\s+(?<branch>"# + word + #")\s+(?:of|in|from)\s+)?"# + repo
                + #"(?:\s+to\s+"# + remote + ")?" + #"(?<upstream>\s+(?:and\s+)?set(?:\s+the)?\s+upstream)?"#
        ) { groups in
            var arguments = values(groups, ["branch": "branch", "remote": "remote"])
            if groups["upstream"] != nil { arguments["set_upstream"] = true }
            return [git("git_push", groups, arguments)]
        },
        PlanRule(
            #"(?:git\s+)?pull\s+(?!requests?\b)(?:the\s+)?(?:latest\s+)?(?:changes\s+)?(?:(?:in|into|for|of)\s+)?"# + repo
                + #"(?:\s+from\s+"# + remote + #"(?:\s+(?<branch>"# + word + "))?)?" + #"(?<rebase>\s+with\s+rebase)?"#
        ) { groups in
            var arguments = values(groups, ["branch": "branch", "remote": "remote"])
            if groups["rebase"] != nil { arguments["rebase"] = true }
            return [git("git_pull", groups, arguments)]
        },
        PlanRule(
            show + #"(?:git\s+)?blame\s+(?:of\s+|for\s+)?(?<path>"# + word + #")\s+(?:in|of|from)\s+"# + repo
                + #"(?:\s+lines?\s+(?<start>\d+)(?:\s*(?:-|to|through)\s*(?<end>\d+))?)?"#
        ) { groups in
            var arguments = values(groups, ["path": "path"])
            if let start = groups["start"].flatMap({ Int($0) }) { arguments["start_line"] = .int(start) }
            if let end = groups["end"].flatMap({ Int($0) }) { arguments["end_line"] = .int(end) }
            return [git("git_blame", groups, arguments)]
        },
        PlanRule(
            #"(?:git\s+)?stash\s+(?:(?:all\s+)?(?:the\s+)?(?:local\s+)?changes\s+(?:in|of)\s+)?"# + repo
                + #"(?:\s+(?:with\s+)?(?:the\s+)?message\s*:?\s*(?<message>"# + quotedText + "))?"
        ) { groups in
            [git("git_stash", groups, values(groups, ["message": "message"]).merging(["action": "push"]) { $1 })]
        },
        PlanRule(#"(?<action>pop|apply)\s+(?:the\s+)?(?:latest\s+)?stash\s+(?:in|of|for)\s+"# + repo) { groups in
            [git("git_stash", groups, ["action": .string(groups["action"]?.lowercased() ?? "pop")])]
        },
        PlanRule(#"(?:list|show)\s+(?:me\s+)?(?:the\s+)?stash(?:es)?\s+(?:in|of|for)\s+"# + repo) { [git("git_stash", $0, ["action": "list"])] },
        PlanRule(#"(?:git\s+)?clone\s+(?<url>"# + word + #")(?:\s+(?:as|into|to)\s+(?<target>"# + word + "))?") { groups in
            guard let url = value(groups, "url") else { return nil }
            var arguments: [String: JSONValue] = ["url": url]
            if let target = groups["target"].map(PlanRule.unquote) { arguments[target.contains("/") ? "destination" : "name"] = .string(target) }
            return [PlannedCall(tool: "git_clone", arguments: arguments)]
        },
    ]
}
