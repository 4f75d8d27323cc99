import Foundation

/// A multi-step git operation left in progress in a repository, and how to finish or undo it.
public enum GitOperation: String, Codable, Sendable {
    case merge
    case rebase
    case cherryPick = "cherry-pick"
    case revert

    /// The files in the git folder whose presence marks each operation.
    static let markers: [(file: String, operation: GitOperation)] = [
        ("rebase-merge", .rebase), ("rebase-apply", .rebase), ("MERGE_HEAD", .merge), ("CHERRY_PICK_HEAD", .cherryPick),
        ("REVERT_HEAD", .revert),
    ]

    /// The operation in progress in the git folder, if any.
    static func inProgress(in gitDirectory: URL) -> GitOperation? {
        markers.first { FileManager.default.fileExists(atPath: gitDirectory.appendingPathComponent($0.file).path) }?.operation
    }

    /// What to do next, in git's own commands.
    public var advice: String {
        switch self {
        case .merge:
            "merge in progress: resolve the conflicts, stage the files and commit, or run git merge --abort"
        case .rebase:
            "rebase in progress: resolve the conflicts, stage the files and run git rebase --continue, or run git rebase --abort"
        case .cherryPick:
            "cherry-pick in progress: resolve the conflicts and run git cherry-pick --continue, or run git cherry-pick --abort"
        case .revert:
            "revert in progress: resolve the conflicts and run git revert --continue, or run git revert --abort"
        }
    }
}
