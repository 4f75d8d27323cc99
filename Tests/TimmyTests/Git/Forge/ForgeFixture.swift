import Foundation
import Testing
import TimmyAPI
import TimmyCore
import TimmyGit

/// `demo` (from `GitFixture`) whose `origin` is `http://127.0.0.1:PORT/team/demo.git` on a fake forge:
/// git's `insteadOf` sends its pushes and fetches to the bare repository, while the URL names the forge.
/// A Gitea forge is found by default (any host but github.com); a GitHub one through the `forges` setting.
struct ForgeFixture: GitToolCalling {
    let git: GitFixture
    let forge: FakeForge
    let flavour: FakeForgeState.Flavour
    let token: String
    let settings: Settings
    let registry = ToolRegistry(GitTools.all)

    var remoteURL: String { "http://\(forge.authority)/team/demo.git" }
    var state: FakeForgeState { forge.state }

    /// - Parameters:
    ///   - tokenSetting: the `forge_tokens` value; nil gives the right token for the forge's host and port.
    ///   - urlToken: a token placed in the remote's URL instead (`http://x-access-token:TOKEN@…`).
    init(_ flavour: FakeForgeState.Flavour, tokenSetting: String? = nil, urlToken: Bool = false) async throws {
        let git = try await GitFixture()
        let token = "tok_\(UUID().uuidString.replacingOccurrences(of: "-", with: ""))"
        let forge = try await FakeForge(bare: git.remote, token: token)
        var settings = git.settings
        if flavour == .github {
            try settings.set(.forges, text: "\(forge.authority) github http://\(forge.authority)/api/v3", source: .flag("test"))
        }
        if !urlToken { try settings.set(.forgeTokens, text: tokenSetting ?? "\(forge.authority)=\(token)", source: .flag("test")) }
        let url = urlToken ? "http://x-access-token:\(token)@\(forge.authority)/team/demo.git" : "http://\(forge.authority)/team/demo.git"
        try await git.git(["remote", "set-url", "origin", url])
        try await git.git(["config", "url.\(git.remote.path).insteadOf", url])
        self.git = git
        self.forge = forge
        self.flavour = flavour
        self.token = token
        self.settings = settings
    }

    /// The settings as setting/value pairs, for a runtime or server of the same world.
    var settingPairs: [(any SettingKey, String)] {
        var pairs: [(any SettingKey, String)] = [(Setting.gitDefaultRepoDir, git.repos.path)]
        for setting in [Setting.forges, Setting.forgeTokens] where !settings[setting].isEmpty { pairs.append((setting, settings[setting])) }
        return pairs
    }

    /// A branch off `main` with one commit writing `file`, pushed to the remote unless `push` is false; `main` is checked out again.
    func branch(_ name: String, file: String = "feature.txt", text: String = "new work\n", push: Bool = true) async throws {
        try await git.git(["checkout", "--quiet", "-b", name, "main"])
        try git.write(file, text)
        try await git.git(["add", "--all"])
        try await git.git(["commit", "--quiet", "-m", "work on \(name)"])
        if push { try await git.git(["push", "--quiet", "origin", name]) }
        try await git.git(["checkout", "--quiet", "main"])
    }

    /// The file's text on a branch of the remote.
    func remoteFile(_ path: String, on branch: String) async throws -> String {
        try await GitFixture.git(["show", "\(branch):\(path)"], in: git.remote)
    }

    func remoteBranches() async throws -> [String] {
        try await GitFixture.git(["for-each-ref", "--format=%(refname:short)", "refs/heads"], in: git.remote).split(separator: "\n").map(String.init)
    }

    /// The error a call fails with, recording an issue when it succeeds.
    func failure(
        _ tool: String, _ arguments: [String: JSONValue], as persona: String = "forge", sourceLocation: SourceLocation = #_sourceLocation
    )
        async -> (any Error)?
    {
        do {
            let result = try await call(tool, arguments, as: persona)
            Issue.record("\(tool) succeeded but should have failed: \(result.summary)", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }

    func remove() async {
        await forge.stop()
        git.remove()
    }
}
