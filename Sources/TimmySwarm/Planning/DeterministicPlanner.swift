import Foundation
import TimmyCore
import TimmyStore

/// The rule-based planner: direct requests such as "list the files in the workspace" or
/// "read README.md" become tool calls; anything else gets no plan. Tool families add rules.
public struct DeterministicPlanner: TaskPlanner {
    let rules: [PlanRule]

    public init(rules: [PlanRule] = DeterministicPlanner.fileRules + DeterministicPlanner.gitRules + DeterministicPlanner.creativeRules) {
        self.rules = rules
    }

    public func plan(_ description: String) -> [PlannedCall]? {
        for rule in rules { if let plan = rule.apply(description) { return plan } }
        return nil
    }

    /// A workspace folder named in words: "the workspace", "workspace", or a relative path.
    static func folder(_ text: String?) -> String {
        guard let text else { return "." }
        let cleaned = PlanRule.unquote(text)
        let lowered = cleaned.lowercased()
        if ["the workspace", "workspace", "the workspace folder", "this folder", "the current folder", "here", "."].contains(lowered) {
            return "."
        }
        if lowered.hasPrefix("the workspace/") { return String(cleaned.dropFirst("the workspace/".count)) }
        if lowered.hasPrefix("the folder ") { return String(cleaned.dropFirst("the folder ".count)) }
        if lowered.hasPrefix("folder ") { return String(cleaned.dropFirst("folder ".count)) }
        return cleaned
    }

    private static let quoted = #"(?:'[^']*'|"[^"]*"|`[^`]*`)"#
    private static let pathToken = #"(?:'[^']+'|"[^"]+"|\S+)"#

    /// Rules for the workspace file tools.
    public static let fileRules: [PlanRule] = [
        PlanRule(
            #"(?:list|show|ls)\s+(?<all>all\s+)?(?:of\s+)?(?:the\s+)?files(?<recursive>\s+recursively)?(?:\s+(?:in|of|under|inside)\s+(?<folder>.+?))?(?<recursive2>\s+recursively)?"#
        ) { groups in
            var arguments: [String: JSONValue] = ["path": .string(folder(groups["folder"]))]
            if groups["recursive"] != nil || groups["recursive2"] != nil || groups["all"] != nil { arguments["recursive"] = true }
            return [PlannedCall(tool: "list_files", arguments: arguments)]
        },
        PlanRule(#"(?:what(?:'s| is)\s+in|list|ls)\s+(?<folder>the workspace|workspace|\S+/)"#) { groups in
            [PlannedCall(tool: "list_files", arguments: ["path": .string(folder(groups["folder"]))])]
        },
        PlanRule(#"(?:search|grep|look)\s+(?:for\s+)?(?<query>"# + quoted + #"|\S+)(?:\s+in\s+(?<folder>.+?))?"#) { groups in
            guard let query = groups["query"].map(PlanRule.unquote), !query.isEmpty else { return nil }
            return [PlannedCall(tool: "search_files", arguments: ["query": .string(query), "path": .string(folder(groups["folder"]))])]
        },
        PlanRule(#"find\s+(?<query>"# + quoted + #")(?:\s+in\s+(?<folder>.+?))?"#) { groups in
            guard let query = groups["query"].map(PlanRule.unquote), !query.isEmpty else { return nil }
            return [PlannedCall(tool: "search_files", arguments: ["query": .string(query), "path": .string(folder(groups["folder"]))])]
        },
        PlanRule(#"(?:read|cat|open|print|show)\s+(?:me\s+)?(?:the\s+)?(?:contents?\s+of\s+)?(?:the\s+)?(?:file\s+)?(?<path>"# + pathToken + ")") {
            groups in
            guard let path = groups["path"].map(PlanRule.unquote), path.contains(".") || path.contains("/") else { return nil }
            return [PlannedCall(tool: "read_file", arguments: ["path": .string(path)])]
        },
        PlanRule(#"(?<mode>write|append)\s+(?<content>"# + quoted + #")\s+(?:to|into)\s+(?:the\s+)?(?:file\s+)?(?<path>"# + pathToken + ")") {
            groups in
            guard let path = groups["path"].map(PlanRule.unquote), let content = groups["content"].map(PlanRule.unquote) else { return nil }
            var arguments: [String: JSONValue] = ["path": .string(path), "content": .string(content)]
            if groups["mode"]?.lowercased() == "append" { arguments["append"] = true }
            return [PlannedCall(tool: "write_file", arguments: arguments)]
        },
    ]
}
