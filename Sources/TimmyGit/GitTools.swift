import TimmyCore

/// The git tools: each drives the git CLI with argument vectors and machine-readable output,
/// confined to `git_default_repo_dir` and `repo_roots`.
public enum GitTools {
    /// Every tool of the family, in catalog order.
    public static var all: [any Tool] { family.tools }

    /// The git family: its tools, plan rules, keywords, `timmy git` commands and what Spark reads from its calls.
    public static let family = ToolFamily(
        name: "git", commands: commands, rules: planRules + pullRequestRules, keywords: keywords, patterns: [GitCommitSizes(), PullRequestMerges()])

    /// Personas that change repositories.
    static let writers: Set<String> = ["forge", "helm"]

    /// What every tool but clone says of the repository it works on.
    static let repoSummary = "repository: a name under git_default_repo_dir, or a path inside git_default_repo_dir or repo_roots"

    static let keywords: [(phrase: String, tool: String)] = [
        ("git status", GitStatusTool().name), ("git log", GitLogTool().name), ("commits", GitLogTool().name), ("commit", GitCommitTool().name),
        ("branch", GitBranchTool().name), ("push", GitPushTool().name), ("pull", GitPullTool().name), ("diff", GitDiffTool().name),
        ("clone", GitCloneTool().name), ("stash", GitStashTool().name), ("blame", GitBlameTool().name),
        ("pull request", GitPRCreateTool().name), ("pull requests", GitPRListTool().name), ("merge pull request", GitPRMergeTool().name),
        ("review", GitPRReviewTool().name), ("merge", GitPullTool().name),
    ]

    /// `timmy git pr …`: the pull-request tools.
    static let pullRequests = CommandSubgroup(
        "pr", abstract: "Open, list, view, comment on, review, merge and close pull requests on the remote's forge.")

    static let commands = CommandGroup(
        name: "git", abstract: "Run the git tools on repositories under git_default_repo_dir or repo_roots.",
        discussion: """
            A repository is a folder name under git_default_repo_dir (e.g. demo) or a
            path inside one of the allowed roots. Each command runs as --persona
            (default forge) and is recorded as a tool call. See docs/git-tools.md.
            """,
        commands: [
            CommandSpec(
                "clone", GitCloneTool(), persona: "forge",
                examples: ["git clone https://example.com/team/app.git", "git clone ../other-project --name demo --depth 1"]),
            CommandSpec("status", GitStatusTool(), persona: "forge", examples: ["git status demo"]),
            CommandSpec(
                "diff", GitDiffTool(), persona: "forge",
                examples: ["git diff demo", "git diff demo --staged", "git diff demo --ref v1.0 --to main --paths Sources"]),
            CommandSpec("log", GitLogTool(), persona: "forge", examples: ["git log demo --max-count 5", "git log demo --ref main --path README.md"]),
            CommandSpec(
                "branch", GitBranchTool(), persona: "forge",
                examples: [
                    "git branch demo", "git branch demo --action create --name feature/login --start-point main",
                    "git branch demo --action switch --name feature/login", "git branch demo --action delete --name feature/login --force",
                ]),
            CommandSpec("add", GitAddTool(), persona: "forge", examples: ["git add demo README.md Sources", "git add demo --all"]),
            CommandSpec(
                "commit", GitCommitTool(), persona: "forge",
                examples: ["git commit demo -m \"fix typo\"", "git commit demo --message \"fix typo\" --author \"Ada <ada@example.com>\" --json"]),
            CommandSpec(
                "push", GitPushTool(), persona: "forge",
                examples: ["git push demo", "git push demo --remote origin --branch feature/login --set-upstream"]),
            CommandSpec(
                "pull", GitPullTool(), persona: "forge", examples: ["git pull demo", "git pull demo --remote origin --branch main --rebase"]),
            CommandSpec(
                "blame", GitBlameTool(), persona: "forge",
                examples: ["git blame demo README.md", "git blame demo Sources/main.swift --start-line 10 --end-line 20 --persona echo"]),
            CommandSpec(
                "stash", GitStashTool(), persona: "forge",
                examples: ["git stash demo -m \"half-done login\"", "git stash demo --action list", "git stash demo --action pop --index 1"]),
            CommandSpec(
                "create", GitPRCreateTool(), persona: "forge", under: pullRequests,
                examples: [
                    "git pr create demo --title \"Add login\" --head feature/login", "git pr create demo -t \"Try it\" --base main --draft",
                ]),
            CommandSpec(
                "list", GitPRListTool(), persona: "forge", under: pullRequests,
                examples: ["git pr list demo", "git pr list demo --state all --author ada --base main --limit 100 --persona echo"]),
            CommandSpec(
                "view", GitPRViewTool(), persona: "forge", under: pullRequests, examples: ["git pr view demo 3", "git pr view demo 3 --json"]),
            CommandSpec(
                "comment", GitPRCommentTool(), persona: "forge", under: pullRequests,
                examples: ["git pr comment demo 3 -m \"Looks good\"", "git pr comment demo 3 --body-file draft.txt"]),
            CommandSpec(
                "review", GitPRReviewTool(), persona: "forge", under: pullRequests,
                examples: [
                    "git pr review demo 3 --event approve", "git pr review demo 3 --event request_changes -m \"Add a test\" --persona mace",
                ]),
            CommandSpec(
                "merge", GitPRMergeTool(), persona: "forge", under: pullRequests,
                examples: ["git pr merge demo 3", "git pr merge demo 3 --method squash --delete-branch"]),
            CommandSpec("close", GitPRCloseTool(), persona: "forge", under: pullRequests, examples: ["git pr close demo 3"]),
        ])
}

/// The input of a git tool that works on one repository.
public protocol RepositoryInput: ToolInput {
    /// A name under `git_default_repo_dir`, or a path inside it or `repo_roots`.
    var repo: String { get set }
}
