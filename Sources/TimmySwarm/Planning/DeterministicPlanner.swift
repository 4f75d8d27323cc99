import Foundation
import TimmyCore

/// The rule-based planner: direct requests such as "list the files in the workspace" or
/// "read README.md" become tool calls; anything else gets no plan. The rules are the tool families'.
public struct DeterministicPlanner: TaskPlanner {
    let rules: [PlanRule]

    public init(rules: [PlanRule] = ToolFamilies.standard.flatMap(\.rules)) {
        self.rules = rules
    }

    public func plan(_ description: String) -> [PlannedCall]? {
        for rule in rules { if let plan = rule.apply(description) { return plan } }
        return nil
    }
}
