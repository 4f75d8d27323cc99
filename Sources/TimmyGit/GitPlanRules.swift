import Foundation
import TimmyCore

extension GitTools {
    /// A repository named in words: "demo", "the demo repo", "repository '/srv/x'".
    static let repo = #"(?:the\s+)?(?:repo(?:sitory)?\s+)?(?<repo>'[^']+'|"[^"]+"|[^\s'"]+?)(?:\s+repo(?:sitory)?)?"#
    static let word = #"(?:'[^']+'|"[^"]+"|\S+?)"#
    static let quotedText = #"(?:'[^']*'|"[^"]*"|`[^`]*`)"#
    private static let show = #"(?:(?:show|get|give)\s+(?:me\s+)?)?(?:the\s+)?"#
    private static let remote = #"(?<remote>[A-Za-z0-9_][A-Za-z0-9._/-]*)"#

    /// One call of a git tool on the repository the request named, with the rest of its input set by `build`.
    static func call<T: Tool>(_ tool: T, _ groups: [String: String], _ build: (inout T.Input) -> Void = { _ in }) -> [PlannedCall]
    where T.Input: RepositoryInput {
        var input = T.Input()
        input.repo = groups.unquoted("repo") ?? ""
        build(&input)
        return [PlannedCall(tool, input)]
    }

    /// Rules for the git tools: "git status of demo", "show the last 5 commits of demo", "commit all
    /// changes in demo with message 'fix typo'", "push demo", "clone https://example.com/x.git as demo"…
    public static let planRules: [PlanRule] = [
        PlanRule(show + #"git\s+status\s+(?:of|in|for)\s+"# + repo) { call(GitStatusTool(), $0) },
        PlanRule(
            #"(?:show|list|get)\s+(?:me\s+)?(?:the\s+)?(?:(?:last|latest|recent)\s+)?(?:(?<count>\d+)\s+)?(?:(?:last|latest|recent)\s+)?"#
                + #"(?:git\s+)?commits?\s+(?:of|in|for|from)\s+"# + repo + #"(?:\s+on\s+(?:branch\s+)?(?<ref>"# + word + "))?"
        ) { groups in
            call(GitLogTool(), groups) { input in
                input.ref = groups.unquoted("ref")
                if let count = groups["count"].flatMap({ Int($0) }) { input.maxCount = count }
            }
        },
        PlanRule(show + #"(?:git\s+)?log\s+(?:of|in|for)\s+"# + repo) { call(GitLogTool(), $0) },
        PlanRule(
            show + #"(?:git\s+)?(?<staged>staged\s+)?(?:diff|changes)\s+(?:of|in|for)\s+"# + repo
                + #"(?:\s+(?:against|since|compared\s+to)\s+(?<ref>"# + word + "))?"
        ) { groups in
            call(GitDiffTool(), groups) { input in
                input.ref = groups.unquoted("ref")
                if groups["staged"] != nil { input.staged = true }
            }
        },
        PlanRule(#"(?:list|show)\s+(?:me\s+)?(?:all\s+)?(?:the\s+)?(?:git\s+)?branches\s+(?:of|in|for)\s+"# + repo) { call(GitBranchTool(), $0) },
        PlanRule(
            #"create\s+(?:a\s+)?(?:new\s+)?branch\s+(?<name>"# + word + #")\s+(?:in|of|for)\s+"# + repo + #"(?:\s+from\s+(?<start>"# + word + "))?"
        ) { groups in
            call(GitBranchTool(), groups) { input in
                input.action = .create
                input.name = groups.unquoted("name")
                input.startPoint = groups.unquoted("start")
            }
        },
        PlanRule(#"(?:switch|check\s*out)\s+(?:to\s+)?(?:the\s+)?(?:branch\s+)?(?<name>"# + word + #")\s+in\s+"# + repo) { groups in
            call(GitBranchTool(), groups) { input in
                input.action = .switch
                input.name = groups.unquoted("name")
            }
        },
        PlanRule(#"delete\s+(?:the\s+)?branch\s+(?<name>"# + word + #")\s+(?:in|of|from)\s+"# + repo) { groups in
            call(GitBranchTool(), groups) { input in
                input.action = .delete
                input.name = groups.unquoted("name")
            }
        },
        PlanRule(#"(?:stage|(?:git\s+)?add)\s+(?:all\s+(?:the\s+)?changes|everything)\s+in\s+"# + repo) { call(GitAddTool(), $0) { $0.all = true } },
        PlanRule(#"(?:stage|git\s+add)\s+(?<path>"# + word + #")\s+in\s+"# + repo) { groups in
            call(GitAddTool(), groups) { $0.paths = [groups.unquoted("path") ?? ""] }
        },
        PlanRule(
            #"commit\s+(?:(?<scope>(?:all\s+)?(?:the\s+)?(?:staged\s+)?(?:changes|everything))\s+(?:in|to|of)\s+)?"# + repo
                + #"\s+(?:with\s+)?(?:the\s+)?(?:commit\s+)?message\s*:?\s*(?<message>"# + quotedText + ")"
        ) { groups in
            let commit = call(GitCommitTool(), groups) { $0.message = groups.unquoted("message") ?? "" }
            guard let scope = groups["scope"], !scope.lowercased().contains("staged") else { return commit }
            return call(GitAddTool(), groups) { $0.all = true } + commit
        },
        PlanRule(
            #"(?:git\s+)?push\s+(?:the\s+)?(?:changes\s+(?:in|of)\s+)?(?:branch\s+(?<branch>"# + word + #")\s+(?:of|in|from)\s+)?"# + repo
                + #"(?:\s+to\s+"# + remote + ")?" + #"(?<upstream>\s+(?:and\s+)?set(?:\s+the)?\s+upstream)?"#
        ) { groups in
            call(GitPushTool(), groups) { input in
                input.branch = groups.unquoted("branch")
                input.remote = groups.unquoted("remote")
                if groups["upstream"] != nil { input.setUpstream = true }
            }
        },
        PlanRule(
            #"(?:git\s+)?pull\s+(?!requests?\b)(?:the\s+)?(?:latest\s+)?(?:changes\s+)?(?:(?:in|into|for|of)\s+)?"# + repo
                + #"(?:\s+from\s+"# + remote + #"(?:\s+(?<branch>"# + word + "))?)?" + #"(?<rebase>\s+with\s+rebase)?"#
        ) { groups in
            call(GitPullTool(), groups) { input in
                input.branch = groups.unquoted("branch")
                input.remote = groups.unquoted("remote")
                if groups["rebase"] != nil { input.rebase = true }
            }
        },
        PlanRule(
            show + #"(?:git\s+)?blame\s+(?:of\s+|for\s+)?(?<path>"# + word + #")\s+(?:in|of|from)\s+"# + repo
                + #"(?:\s+lines?\s+(?<start>\d+)(?:\s*(?:-|to|through)\s*(?<end>\d+))?)?"#
        ) { groups in
            call(GitBlameTool(), groups) { input in
                input.path = groups.unquoted("path") ?? ""
                input.startLine = groups["start"].flatMap { Int($0) }
                input.endLine = groups["end"].flatMap { Int($0) }
            }
        },
        PlanRule(
            #"(?:git\s+)?stash\s+(?:(?:all\s+)?(?:the\s+)?(?:local\s+)?changes\s+(?:in|of)\s+)?"# + repo
                + #"(?:\s+(?:with\s+)?(?:the\s+)?message\s*:?\s*(?<message>"# + quotedText + "))?"
        ) { groups in
            call(GitStashTool(), groups) { input in
                input.action = .push
                input.message = groups.unquoted("message")
            }
        },
        PlanRule(#"(?<action>pop|apply)\s+(?:the\s+)?(?:latest\s+)?stash\s+(?:in|of|for)\s+"# + repo) { groups in
            call(GitStashTool(), groups) { $0.action = groups["action"]?.lowercased() == "apply" ? .apply : .pop }
        },
        PlanRule(#"(?:list|show)\s+(?:me\s+)?(?:the\s+)?stash(?:es)?\s+(?:in|of|for)\s+"# + repo) { call(GitStashTool(), $0) { $0.action = .list } },
        PlanRule(#"(?:git\s+)?clone\s+(?<url>"# + word + #")(?:\s+(?:as|into|to)\s+(?<target>"# + word + "))?") { groups in
            guard let url = groups.unquoted("url") else { return nil }
            let input = GitCloneTool.Input.with { input in
                input.url = url
                if let target = groups.unquoted("target") {
                    if target.contains("/") { input.destination = target } else { input.name = target }
                }
            }
            return [PlannedCall(GitCloneTool(), input)]
        },
    ]
}
