import Testing
import TimmyAPI
import TimmyCore
import TimmyFileTools
import TimmyGit
import TimmySwarm

@Suite("Deterministic planner: git requests")
struct GitPlanRuleTests {
    let planner = DeterministicPlanner(rules: FileTools.planRules + GitTools.planRules)

    @Test(
        "direct git requests become one tool call",
        arguments: [
            ("show the git status of demo", "git_status", ["repo": "demo"]),
            ("git status of demo", "git_status", ["repo": "demo"]),
            ("Show me the git status of the demo repo.", "git_status", ["repo": "demo"]),
            ("show the last 5 commits of demo", "git_log", ["repo": "demo", "max_count": 5]),
            ("list the commits in demo on branch main", "git_log", ["repo": "demo", "ref": "main"]),
            ("show the git log of demo", "git_log", ["repo": "demo"]),
            ("show the diff of demo", "git_diff", ["repo": "demo"]),
            ("show the staged changes in demo", "git_diff", ["repo": "demo", "staged": true]),
            ("show the diff of demo against main", "git_diff", ["repo": "demo", "ref": "main"]),
            ("list the branches in demo", "git_branch", ["repo": "demo"]),
            ("create branch feature/login in demo", "git_branch", ["repo": "demo", "action": "create", "name": "feature/login"]),
            ("create a new branch fix in demo from v1.0", "git_branch", ["repo": "demo", "action": "create", "name": "fix", "start_point": "v1.0"]),
            ("switch to branch main in demo", "git_branch", ["repo": "demo", "action": "switch", "name": "main"]),
            ("delete branch old in demo", "git_branch", ["repo": "demo", "action": "delete", "name": "old"]),
            ("stage all changes in demo", "git_add", ["repo": "demo", "all": true]),
            ("stage README.md in demo", "git_add", ["repo": "demo", "paths": ["README.md"]]),
            ("commit demo with message 'only staged'", "git_commit", ["repo": "demo", "message": "only staged"]),
            ("push demo", "git_push", ["repo": "demo"]),
            ("push demo to origin and set upstream", "git_push", ["repo": "demo", "remote": "origin", "set_upstream": true]),
            ("pull demo", "git_pull", ["repo": "demo"]),
            ("pull the latest changes into demo with rebase", "git_pull", ["repo": "demo", "rebase": true]),
            ("blame README.md in demo", "git_blame", ["repo": "demo", "path": "README.md"]),
            (
                "blame Sources/main.swift in demo lines 3-9", "git_blame",
                ["repo": "demo", "path": "Sources/main.swift", "start_line": 3, "end_line": 9]
            ),
            ("stash the changes in demo", "git_stash", ["repo": "demo", "action": "push"]),
            ("stash the changes in demo with message \"wip login\"", "git_stash", ["repo": "demo", "action": "push", "message": "wip login"]),
            ("pop the stash in demo", "git_stash", ["repo": "demo", "action": "pop"]),
            ("list the stashes in demo", "git_stash", ["repo": "demo", "action": "list"]),
            ("clone https://example.com/x.git", "git_clone", ["url": "https://example.com/x.git"]),
            ("clone /path/to/repo as demo", "git_clone", ["url": "/path/to/repo", "name": "demo"]),
            (
                "clone git@github.com:me/app.git into /srv/repos/app", "git_clone",
                ["url": "git@github.com:me/app.git", "destination": "/srv/repos/app"]
            ),
            ("git status of '/srv/repos/my app'", "git_status", ["repo": "/srv/repos/my app"]),
        ] as [(String, String, [String: JSONValue])])
    func plans(_ description: String, _ tool: String, _ arguments: [String: JSONValue]) throws {
        let plan = try #require(planner.plan(description))
        #expect(plan == [PlannedCall(tool: tool, arguments: arguments)])
    }

    @Test("committing all changes stages everything first; committing staged changes does not")
    func commitAll() throws {
        let plan = try #require(planner.plan("commit all changes in demo with message 'fix typo'"))
        #expect(
            plan == [
                PlannedCall(tool: "git_add", arguments: ["repo": "demo", "all": true]),
                PlannedCall(tool: "git_commit", arguments: ["repo": "demo", "message": "fix typo"]),
            ])
        let staged = try #require(planner.plan("commit the staged changes in demo with message \"ship it\""))
        #expect(staged == [PlannedCall(tool: "git_commit", arguments: ["repo": "demo", "message": "ship it"])])
    }

    @Test("file requests still plan as file tools", arguments: ["list the files in the workspace", "read README.md"])
    func fileRulesFirst(_ description: String) throws {
        let plan = try #require(planner.plan(description))
        #expect(plan.allSatisfy { !$0.tool.hasPrefix("git_") })
    }

    @Test("requests that only look like git get no plan", arguments: ["open a pull request for demo", "commit to the plan", "status of the fence"])
    func noPlan(_ description: String) {
        #expect(planner.plan(description) == nil)
    }
}
