/// Where a Creative Director project is: running → completed | failed; `awaiting_approval` at an
/// approval gate (`pause_after`); a restart turns `running` into `interrupted`, which `resume` continues.
public enum ProjectStatus: String, Sendable, Codable, CaseIterable {
    case running
    case awaitingApproval = "awaiting_approval"
    case completed, failed, interrupted

    /// Nothing runs for the project until a person approves, resumes or re-renders it.
    public var isIdle: Bool { self != .running }
}

/// One kind of step of a project, in the order they run. Storyboard and clip steps have a row per
/// scene or per clip; the others one row each.
public enum StepKind: String, Sendable, Codable, CaseIterable, Comparable {
    case script, storyboard, music, clips, assembly

    /// The persona whose tool does the step (Timmy writes the script and assembles).
    public var persona: String {
        switch self {
        case .script, .assembly: "timmy"
        case .storyboard: "pixel"
        case .music: "lyra"
        case .clips: "reel"
        }
    }

    public static func < (lhs: StepKind, rhs: StepKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Where one step row is: pending → running → done | failed; a restart turns `running` into `interrupted`.
public enum StepStatus: String, Sendable, Codable, CaseIterable {
    case pending, running, done, failed, interrupted
}
