import Foundation
import TimmyCore
import TimmyDirector

/// The rule-based planner: direct requests such as "list the files in the workspace" or
/// "read README.md" become tool calls; anything else gets no plan. The rules are the tool families',
/// after the Director's ("make a music video about …"), which go first so the creative family's
/// "make a … video about …" does not take a music video for one clip.
public struct DeterministicPlanner: TaskPlanner {
    let rules: [PlanRule]

    public init(rules: [PlanRule] = DirectorPlanRules.rules + ToolFamilies.standard.flatMap(\.rules)) {
        self.rules = rules
    }

    public func plan(_ description: String) -> [PlannedCall]? {
        for rule in rules { if let plan = rule.apply(description) { return plan } }
        return nil
    }
}
