import ArgumentParser
import TimmyAPI
import TimmyCore

/// `timmy git <tool> …`: each git tool as a command. Calls go through the service as a persona,
/// like `timmy tools run`, so they are checked against the toolkit and recorded.
struct GitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "git", abstract: "Run the git tools on repositories under git_default_repo_dir or repo_roots.",
        discussion: """
            A repository is a folder name under git_default_repo_dir (e.g. demo) or a
            path inside one of the allowed roots. Each command runs as --persona
            (default forge) and is recorded as a tool call. See docs/git-tools.md.

            Examples:
              timmy git clone https://example.com/team/app.git --name app
              timmy git status app
              timmy git commit app --message "fix typo" --json
            """,
        subcommands: [
            Status.self, Diff.self, Log.self, Branch.self, Add.self, Commit.self, Push.self, Pull.self, Blame.self, Stash.self, Clone.self,
        ])

    /// What every git command takes: the global options and the persona making the call.
    struct Call: ParsableArguments {
        @OptionGroup var global: GlobalOptions

        @Option(help: "The persona making the call; its toolkit must hold the tool.")
        var persona = "forge"

        /// Runs the tool through the server or in-process and prints its text, or the JSON response with --json.
        func run(_ tool: String, _ arguments: [String: JSONValue?]) async throws {
            let persona = self.persona
            let arguments = arguments.compactMapValues { $0 }
            let response = try await ServiceConnector.with(global) { try await $0.runTool(tool, persona: persona, arguments: arguments) }
            if global.json { Output.json(response) } else { print(response.result?.text ?? "") }
        }
    }

    static let repoHelp = ArgumentHelp("Repository: a name under git_default_repo_dir, or a path inside an allowed root.")

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Branch, upstream, ahead/behind and staged, unstaged, untracked and conflicted files.",
            discussion: "Example: timmy git status demo")

        @OptionGroup var call: Call
        @Argument(help: repoHelp) var repo: String

        func run() async throws { try await call.run("git_status", ["repo": .string(repo)]) }
    }

    struct Diff: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Changes with per-file counts and the patch: unstaged, staged, or against a ref.",
            discussion: """
                Examples:
                  timmy git diff demo
                  timmy git diff demo --staged
                  timmy git diff demo --ref v1.0 --to main --path Sources
                """)

        @OptionGroup var call: Call
        @Argument(help: repoHelp) var repo: String
        @Flag(help: "Compare the index instead of the working tree.") var staged = false
        @Option(help: "Compare against this branch, tag or commit.") var ref: String?
        @Option(help: "With --ref: compare the ref with this revision.") var to: String?
        @Option(name: .customLong("path"), help: "Only this file or folder (repeatable).") var paths: [String] = []

        func run() async throws {
            try await call.run(
                "git_diff",
                [
                    "repo": .string(repo), "staged": .bool(staged), "ref": ref.map(JSONValue.string), "to": to.map(JSONValue.string),
                    "paths": paths.isEmpty ? nil : .array(paths.map(JSONValue.string)),
                ])
        }
    }

    struct Log: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Recent commits: sha, author, email, date, subject and files changed.",
            discussion: """
                Examples:
                  timmy git log demo --max-count 5
                  timmy git log demo --ref main --path README.md
                """)

        @OptionGroup var call: Call
        @Argument(help: repoHelp) var repo: String
        @Option(help: "Most commits to list (1-10000).") var maxCount = 20
        @Option(help: "Start from this branch, tag or commit.") var ref: String?
        @Option(help: "Only commits touching this file or folder.") var path: String?

        func run() async throws {
            try await call.run(
                "git_log",
                ["repo": .string(repo), "max_count": .int(maxCount), "ref": ref.map(JSONValue.string), "path": path.map(JSONValue.string)])
        }
    }

    struct Branch: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List branches, or create, switch to or delete one.",
            discussion: """
                Examples:
                  timmy git branch demo
                  timmy git branch demo --create feature/login --start-point main
                  timmy git branch demo --switch feature/login
                  timmy git branch demo --delete feature/login --force
                """)

        @OptionGroup var call: Call
        @Argument(help: repoHelp) var repo: String
        @Option(help: "Create this branch.") var create: String?
        @Option(name: .customLong("switch"), help: "Switch to this branch.") var switchTo: String?
        @Option(help: "Delete this branch.") var delete: String?
        @Option(help: "With --create: the commit or branch to start from.") var startPoint: String?
        @Flag(help: "With --delete: delete even if not merged.") var force = false

        func validate() throws {
            guard [create, switchTo, delete].compactMap({ $0 }).count <= 1 else {
                throw ValidationError("give at most one of --create, --switch and --delete")
            }
        }

        func run() async throws {
            let chosen: [(action: String, name: String?)] = [("create", create), ("switch", switchTo), ("delete", delete)]
            let (action, name) = chosen.first { $0.name != nil } ?? ("list", nil)
            try await call.run(
                "git_branch",
                [
                    "repo": .string(repo), "action": .string(action), "name": name.map(JSONValue.string),
                    "start_point": startPoint.map(JSONValue.string), "force": .bool(force),
                ])
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Stage paths, or every change with --all.",
            discussion: """
                Examples:
                  timmy git add demo README.md Sources
                  timmy git add demo --all
                """)

        @OptionGroup var call: Call
        @Argument(help: repoHelp) var repo: String
        @Argument(help: "Files or folders to stage, relative to the repository.") var paths: [String] = []
        @Flag(help: "Stage every change in the working tree.") var all = false

        func run() async throws {
            let paths: JSONValue? = paths.isEmpty ? nil : .array(paths.map(JSONValue.string))
            try await call.run("git_add", ["repo": .string(repo), "paths": paths, "all": .bool(all)])
        }
    }

    struct Commit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Commit the staged changes; an empty commit is refused.",
            discussion: """
                Example:
                  timmy git commit demo --message "fix typo" \\
                    --author "Ada Lovelace <ada@example.com>"
                """)

        @OptionGroup var call: Call
        @Argument(help: repoHelp) var repo: String
        @Option(name: [.short, .long], help: "The commit message.") var message: String
        @Option(help: "Author as \"Name <email>\" (default: the configured user).") var author: String?

        func run() async throws {
            try await call.run("git_commit", ["repo": .string(repo), "message": .string(message), "author": author.map(JSONValue.string)])
        }
    }

    struct Push: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Push a branch; a rejected push says why.",
            discussion: """
                Examples:
                  timmy git push demo
                  timmy git push demo --remote origin --branch feature/login --set-upstream
                """)

        @OptionGroup var call: Call
        @Argument(help: repoHelp) var repo: String
        @Option(help: "Remote name (default: the branch's upstream remote).") var remote: String?
        @Option(help: "Local branch to push (default: the current branch).") var branch: String?
        @Flag(help: "Make the pushed branch the upstream.") var setUpstream = false

        func run() async throws {
            try await call.run(
                "git_push",
                [
                    "repo": .string(repo), "remote": remote.map(JSONValue.string), "branch": branch.map(JSONValue.string),
                    "set_upstream": .bool(setUpstream),
                ])
        }
    }

    struct Pull: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fetch and merge (or rebase); conflicts are listed with how to finish or undo.",
            discussion: """
                Examples:
                  timmy git pull demo
                  timmy git pull demo --remote origin --branch main --rebase
                """)

        @OptionGroup var call: Call
        @Argument(help: repoHelp) var repo: String
        @Option(help: "Remote name (default: the current branch's upstream).") var remote: String?
        @Option(help: "With --remote: the remote branch to pull.") var branch: String?
        @Flag(help: "Rebase local commits instead of merging.") var rebase = false

        func run() async throws {
            try await call.run(
                "git_pull",
                ["repo": .string(repo), "remote": remote.map(JSONValue.string), "branch": branch.map(JSONValue.string), "rebase": .bool(rebase)])
        }
    }

    struct Blame: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Who last changed each line of a file.",
            discussion: """
                Examples:
                  timmy git blame demo README.md
                  timmy git blame demo Sources/main.swift --start 10 --end 20 --persona echo
                """)

        @OptionGroup var call: Call
        @Argument(help: repoHelp) var repo: String
        @Argument(help: "The file, relative to the repository.") var path: String
        @Option(help: "First line.") var start: Int?
        @Option(help: "Last line.") var end: Int?
        @Option(help: "Blame the file as of this branch, tag or commit.") var ref: String?

        func run() async throws {
            try await call.run(
                "git_blame",
                [
                    "repo": .string(repo), "path": .string(path), "start_line": start.map(JSONValue.int), "end_line": end.map(JSONValue.int),
                    "ref": ref.map(JSONValue.string),
                ])
        }
    }

    struct Stash: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Stash local changes, or list, apply, pop or drop stash entries.",
            discussion: """
                Examples:
                  timmy git stash demo --message "half-done login"
                  timmy git stash demo list
                  timmy git stash demo pop --index 1
                """)

        @OptionGroup var call: Call
        @Argument(help: repoHelp) var repo: String
        @Argument(help: "push, list, apply, pop or drop.") var action = "push"
        @Option(help: "push: a description of the stashed changes.") var message: String?
        @Flag(help: "push: stash untracked files too.") var includeUntracked = false
        @Option(help: "apply, pop, drop: which entry, 0 being the newest.") var index = 0

        func validate() throws {
            guard ["push", "list", "apply", "pop", "drop"].contains(action) else { throw ValidationError("unknown stash action '\(action)'") }
        }

        func run() async throws {
            try await call.run(
                "git_stash",
                [
                    "repo": .string(repo), "action": .string(action), "message": message.map(JSONValue.string),
                    "include_untracked": .bool(includeUntracked), "index": .int(index),
                ])
        }
    }

    struct Clone: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Clone a remote into git_default_repo_dir (or a destination inside an allowed root).",
            discussion: """
                URLs may be https://, http://, ssh://, user@host:path, file:// or a
                local path.

                Examples:
                  timmy git clone https://example.com/team/app.git
                  timmy git clone ../other-project --name demo --depth 1
                """)

        @OptionGroup var call: Call
        @Argument(help: "What to clone.") var url: String
        @Option(help: "Folder name under git_default_repo_dir (default: from the URL).") var name: String?
        @Option(help: "Instead of --name: a new folder inside an allowed root.") var destination: String?
        @Option(help: "Branch to check out.") var branch: String?
        @Option(help: "Shallow clone with this many commits.") var depth: Int?

        func run() async throws {
            try await call.run(
                "git_clone",
                [
                    "url": .string(url), "name": name.map(JSONValue.string), "destination": destination.map(JSONValue.string),
                    "branch": branch.map(JSONValue.string), "depth": depth.map(JSONValue.int),
                ])
        }
    }
}
