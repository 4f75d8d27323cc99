/// Turns a task description into tool calls, or says it cannot (nil).
public protocol TaskPlanner: Sendable {
    func plan(_ description: String) -> [PlannedCall]?
}

/// Tries planners in order and takes the first plan.
public struct PlannerChain: TaskPlanner {
    let planners: [any TaskPlanner]

    public init(_ planners: [any TaskPlanner]) { self.planners = planners }

    public func plan(_ description: String) -> [PlannedCall]? {
        for planner in planners { if let plan = planner.plan(description) { return plan } }
        return nil
    }
}
