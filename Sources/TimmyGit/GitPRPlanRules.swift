import Foundation
import TimmyCore

extension GitTools {
    private static let pullRequest = #"(?:pull\s+request|pr)"#
    private static let numbered = pullRequest + #"\s+#?(?<number>\d{1,9})\s+(?:of|in|on|for)\s+"# + repo
    private static let saying = #"\s*(?:(?:with|saying)\s+(?:the\s+)?(?:(?:comment|message|body|text)\s+)?)?:?\s*(?<body>"# + quotedText + ")"

    /// A call of a tool on one pull request of the repository the request named.
    private static func numberedCall<T: Tool>(_ tool: T, _ groups: [String: String], _ build: (inout T.Input) -> Void = { _ in }) -> [PlannedCall]?
    where T.Input: NumberedPullRequestInput {
        guard let number = groups["number"].flatMap({ Int($0) }) else { return nil }
        return call(tool, groups) { input in
            input.number = number
            build(&input)
        }
    }

    /// Rules for the pull-request tools: "open a pull request from feature/login in demo titled 'Add login'",
    /// "list open pull requests of demo", "merge pull request 3 in demo with squash"…
    public static let pullRequestRules: [PlanRule] = [
        PlanRule(
            #"(?:open|create|make|raise|file)\s+(?:a\s+)?(?:new\s+)?(?<draft>draft\s+)?"# + pullRequest
                + #"\s+(?:from\s+(?:(?:the\s+)?branch\s+)?(?<head>"# + word + #")\s+)?(?:in|of|for|on)\s+"# + repo
                + #"(?:\s+(?:into|onto|to|against)\s+(?:(?:the\s+)?branch\s+)?(?<base>"# + word + "))?"
                + #"\s+(?:titled|called|named|with\s+(?:the\s+)?title)\s*:?\s*(?<title>"# + quotedText + ")"
                + #"(?:\s+(?:and\s+)?(?:with\s+)?(?:the\s+)?(?:body|description)\s*:?\s*(?<body>"# + quotedText + "))?"
        ) { groups in
            call(GitPRCreateTool(), groups) { input in
                input.title = groups.unquoted("title") ?? ""
                input.head = groups.unquoted("head")
                input.base = groups.unquoted("base")
                input.body = groups.unquoted("body")
                if groups["draft"] != nil { input.draft = true }
            }
        },
        PlanRule(
            #"(?:list|show)\s+(?:me\s+)?(?:the\s+)?(?:(?<state>open|closed|all)\s+)?(?:the\s+)?"# + pullRequest + #"s\s+(?:of|in|for|on)\s+"# + repo
                + #"(?:\s+by\s+(?<author>[A-Za-z0-9_][A-Za-z0-9_.-]*))?(?:\s+(?:into|against|targeting)\s+(?:branch\s+)?(?<base>"# + word + "))?"
        ) { groups in
            call(GitPRListTool(), groups) { input in
                if let state = groups["state"].flatMap({ GitPRListTool.State(rawValue: $0.lowercased()) }) { input.state = state }
                input.author = groups["author"]
                input.base = groups.unquoted("base")
            }
        },
        PlanRule(#"(?:show|view|get|describe)\s+(?:me\s+)?(?:the\s+)?"# + numbered) { numberedCall(GitPRViewTool(), $0) },
        PlanRule(#"comment\s+(?:on\s+)?(?:the\s+)?"# + numbered + saying) { groups in
            numberedCall(GitPRCommentTool(), groups) { $0.body = groups.unquoted("body") ?? "" }
        },
        PlanRule(#"approve\s+(?:the\s+)?"# + numbered + "(?:" + saying + ")?") { groups in
            numberedCall(GitPRReviewTool(), groups) { input in
                input.event = .approve
                input.body = groups.unquoted("body")
            }
        },
        PlanRule(#"(?:request\s+changes\s+(?:on|to|for)|reject)\s+(?:the\s+)?"# + numbered + saying) { groups in
            numberedCall(GitPRReviewTool(), groups) { input in
                input.event = .requestChanges
                input.body = groups.unquoted("body")
            }
        },
        PlanRule(#"review\s+(?:the\s+)?"# + numbered + saying) { groups in
            numberedCall(GitPRReviewTool(), groups) { input in
                input.event = .comment
                input.body = groups.unquoted("body")
            }
        },
        PlanRule(
            #"merge\s+(?:the\s+)?"# + numbered + #"(?:\s+(?:with|by|using)\s+(?:a\s+)?(?<method>merge|squash|rebase)(?:\s+merge)?)?"#
                + #"(?<delete>\s+and\s+delete\s+(?:the\s+|its\s+)?branch)?"#
        ) { groups in
            numberedCall(GitPRMergeTool(), groups) { input in
                if let method = groups["method"].flatMap({ GitPRMergeTool.Method(rawValue: $0.lowercased()) }) { input.method = method }
                if groups["delete"] != nil { input.deleteBranch = true }
            }
        },
        PlanRule(#"close\s+(?:the\s+)?"# + numbered) { numberedCall(GitPRCloseTool(), $0) },
    ]
}
