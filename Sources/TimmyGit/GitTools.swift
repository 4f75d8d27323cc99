import TimmyCore

/// The git tools: each drives the git CLI with argument vectors and machine-readable output,
/// confined to `git_default_repo_dir` and `repo_roots`.
public enum GitTools {
    public static let all: [any Tool] = [
        GitCloneTool(), GitStatusTool(), GitDiffTool(), GitLogTool(), GitBranchTool(), GitAddTool(), GitCommitTool(), GitPushTool(),
        GitPullTool(), GitBlameTool(), GitStashTool(),
    ]

    /// Personas that change repositories.
    static let writers: Set<String> = ["forge", "helm"]

    /// The `repo` parameter every tool but clone takes.
    static let repoParameter = ToolParameter(
        "repo", .string, "repository: a name under git_default_repo_dir, or a path inside git_default_repo_dir or repo_roots", required: true)
}
