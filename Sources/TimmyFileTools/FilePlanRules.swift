import Foundation
import TimmyCore

extension FileTools {
    /// A workspace folder named in words: "the workspace", "workspace", or a relative path.
    private static func folder(_ text: String?) -> String {
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
    public static let planRules: [PlanRule] = [
        PlanRule(
            #"(?:list|show|ls)\s+(?<all>all\s+)?(?:of\s+)?(?:the\s+)?files(?<recursive>\s+recursively)?(?:\s+(?:in|of|under|inside)\s+(?<folder>.+?))?(?<recursive2>\s+recursively)?"#
        ) { groups in
            let input = ListFilesTool.Input.with { input in
                input.path = folder(groups["folder"])
                if groups["recursive"] != nil || groups["recursive2"] != nil || groups["all"] != nil { input.recursive = true }
            }
            return [PlannedCall(ListFilesTool(), input)]
        },
        PlanRule(#"(?:what(?:'s| is)\s+in|list|ls)\s+(?<folder>the workspace|workspace|\S+/)"#) { groups in
            [PlannedCall(ListFilesTool(), .with { $0.path = folder(groups["folder"]) })]
        },
        PlanRule(#"(?:search|grep|look)\s+(?:for\s+)?(?<query>"# + quoted + #"|\S+)(?:\s+in\s+(?<folder>.+?))?"#) { groups in
            guard let query = groups["query"].map(PlanRule.unquote), !query.isEmpty else { return nil }
            return [search(query, in: groups["folder"])]
        },
        PlanRule(#"find\s+(?<query>"# + quoted + #")(?:\s+in\s+(?<folder>.+?))?"#) { groups in
            guard let query = groups["query"].map(PlanRule.unquote), !query.isEmpty else { return nil }
            return [search(query, in: groups["folder"])]
        },
        PlanRule(#"(?:read|cat|open|print|show)\s+(?:me\s+)?(?:the\s+)?(?:contents?\s+of\s+)?(?:the\s+)?(?:file\s+)?(?<path>"# + pathToken + ")") {
            groups in
            guard let path = groups["path"].map(PlanRule.unquote), path.contains(".") || path.contains("/") else { return nil }
            return [PlannedCall(ReadFileTool(), .with { $0.path = path })]
        },
        PlanRule(#"(?<mode>write|append)\s+(?<content>"# + quoted + #")\s+(?:to|into)\s+(?:the\s+)?(?:file\s+)?(?<path>"# + pathToken + ")") {
            groups in
            guard let path = groups["path"].map(PlanRule.unquote), let content = groups["content"].map(PlanRule.unquote) else { return nil }
            let input = WriteFileTool.Input.with { input in
                input.path = path
                input.content = content
                if groups["mode"]?.lowercased() == "append" { input.append = true }
            }
            return [PlannedCall(WriteFileTool(), input)]
        },
    ]

    /// A search of the workspace folder a request named.
    private static func search(_ query: String, in folder: String?) -> PlannedCall {
        PlannedCall(
            SearchFilesTool(),
            .with { input in
                input.query = query
                input.path = Self.folder(folder)
            })
    }
}
