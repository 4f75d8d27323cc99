import TimmyAPI
import TimmyCore
import TimmyGit

/// The open pull requests of the repository a task opened one in, on the task's page: asked of the
/// forge as Timmy, through the service, so the listing is a recorded `git_pr_list` call like any other.
struct TaskPullRequests {
    struct Item {
        let number: Int
        let title: String
        let branches: String
        let author: String
        let url: String
    }

    let repository: String
    let items: [Item]
    let error: String?

    /// The listing for a task with a successful `git_pr_create`; nil for any other task.
    static func load(for detail: TaskDetail, _ service: any TimmyService) async -> TaskPullRequests? {
        guard let call = detail.toolCalls.last(where: { $0.tool == GitPRCreateTool().name && $0.success }),
            let repository = call.arguments["repo"]?.stringValue
        else { return nil }
        var arguments: [String: JSONValue] = ["repo": .string(repository), "state": "open"]
        arguments["remote"] = call.arguments["remote"]
        do {
            let response = try await service.runTool(GitPRListTool().name, persona: PersonaCatalog.timmy.id, arguments: arguments)
            let pulls = response.result?.data["pull_requests"]?.arrayValue ?? []
            return TaskPullRequests(repository: repository, items: pulls.map(Item.init), error: nil)
        } catch {
            return TaskPullRequests(repository: repository, items: [], error: Credentials.redact("\(error)"))
        }
    }
}

extension TaskPullRequests.Item {
    init(_ pull: JSONValue) {
        number = pull["number"]?.intValue ?? 0
        title = pull["title"]?.stringValue ?? ""
        branches = "\(pull["head"]?.stringValue ?? "") → \(pull["base"]?.stringValue ?? "")"
        author = pull["author"]?.stringValue ?? ""
        url = pull["url"]?.stringValue ?? ""
    }
}
