import Hummingbird
import TimmyAPI
import TimmyCore
import TimmySwarm

/// The dashboard's pages: thin handlers that call the same service as the JSON API and render a template.
struct PageRoutes<Context: RequestContext> {
    let service: any TimmyService
    let pages: PageRenderer

    func add(to router: Router<Context>) {
        router.get("/") { request, _ in
            pages.page("mission", try await MissionPage(service), title: "Mission Control", section: .mission, request: request)
        }
        router.post("/tasks") { request, _ in try await postTask(request) }
        router.get("/chat") { request, _ in
            let query = request.uri.queryParameters
            let view = try await ChatPage(service, conversation: query.get("conversation").nonEmpty, fresh: query.get("new") != nil)
            return pages.page("chat", view, title: "Chat", section: .chat, request: request)
        }
        router.post("/chat") { request, _ in try await chat(request) }
        router.get("/swarm") { request, _ in
            pages.page("swarm", try await SwarmPage(service), title: "Swarm", section: .swarm, request: request)
        }
        router.get("/tasks") { request, _ in
            let query = request.uri.queryParameters
            let status = try QueryValue.status(query.get("status").nonEmpty)
            let page = try QueryValue.integer(query.get("page"), name: "page") ?? 1
            return pages.page("tasks", try await TasksPage(service, status: status, page: page), title: "Tasks", section: .tasks, request: request)
        }
        router.get("/tasks/:id") { request, context in
            let detail = try await service.task(try context.parameters.require("id"))
            let view = TaskPage(detail, pullRequests: await TaskPullRequests.load(for: detail, service))
            return pages.page("task", view, title: "Task \(Format.shortID(view.id))", section: .tasks, request: request)
        }
        router.get("/jobs") { request, _ in
            let status: JobStatus? = try QueryValue.choice(request.uri.queryParameters.get("status").nonEmpty, name: "status", plural: "statuses")
            return pages.page("jobs", try await JobsPage(service, status: status), title: "Jobs", section: .jobs, request: request)
        }
        router.post("/jobs/:id/cancel") { request, context in
            try await changeJob(request, context) { try await service.cancelJob($0) }
        }
        router.post("/jobs/:id/retry") { request, context in
            try await changeJob(request, context) { try await service.retryJob($0) }
        }
        router.get("/gallery") { request, _ in
            let kind: AssetKind? = try QueryValue.choice(request.uri.queryParameters.get("kind").nonEmpty, name: "kind", plural: "kinds")
            return pages.page("gallery", try await GalleryPage(service, kind: kind), title: "Gallery", section: .gallery, request: request)
        }
        router.get("/tools") { request, _ in
            pages.page("tools", try await ToolsPage(service), title: "Tools", section: .tools, request: request)
        }
        router.get("/spark") { request, _ in
            let query = request.uri.queryParameters
            let view = try await SparkPage(service, type: query.get("type").nonEmpty, agent: query.get("agent").nonEmpty)
            return pages.page("spark", view, title: "Spark", section: .spark, request: request)
        }
        router.get("/marketplace") { request, _ in
            pages.page("marketplace", try await MarketplacePage(service), title: "Marketplace", section: .marketplace, request: request)
        }
        router.get("/ledger") { request, _ in
            pages.page("ledger", try await LedgerPage(service), title: "Ledger", section: .ledger, request: request)
        }
    }

    /// Mission Control's form. Without script: 303 to the new task's page, or the form again with the
    /// problem (422). With script (`Accept: application/json`): the task as JSON (201), or a JSON error.
    private func postTask(_ request: Request) async throws -> Response {
        let form = try await FormBody.decode(PostTaskForm.self, from: request)
        try CSRFToken.verify(request, submitted: form.csrf)
        let detail: TaskDetail
        do {
            detail = try await service.postTask(form.description ?? "", wait: false)
        } catch ServiceError.invalid(_, let message) where !request.wantsJSON {
            let view = try await MissionPage(service, draft: form.description ?? "", formError: message)
            return pages.page("mission", view, title: "Mission Control", section: .mission, request: request, status: .unprocessableContent)
        }
        if request.wantsJSON { return JSONBody.response(detail, status: .created) }
        return Response(status: .seeOther, headers: [.location: Format.taskPath(detail.task.id)])
    }

    /// The chat form. Without script: the whole answer, then 303 back to the conversation, or the form
    /// again with the problem (422). With script (`Accept: text/event-stream`): the answer as it streams.
    private func chat(_ request: Request) async throws -> Response {
        let form = try await FormBody.decode(ChatForm.self, from: request)
        try CSRFToken.verify(request, submitted: form.csrf)
        let conversation = form.conversation.nonEmpty
        let events: AsyncThrowingStream<ChatEvent, any Error>
        do {
            events = try await service.chat(form.message ?? "", conversation: conversation)
        } catch let error as ServiceError where !request.wantsEventStream {
            guard case .invalid(_, let message) = error else { throw error }
            let view = try await ChatPage(
                service, conversation: conversation, fresh: conversation == nil, draft: form.message ?? "", formError: message)
            return pages.page("chat", view, title: "Chat", section: .chat, request: request, status: .unprocessableContent)
        }
        if request.wantsEventStream { return ChatStream.response(events) }
        let reply = try await ChatStream.collect(events)
        return Response(status: .seeOther, headers: [.location: "/chat?conversation=\(reply.conversation)"])
    }

    /// A job's Cancel or Retry button: checks the form's token, asks the service, and goes back to the
    /// page the button was on (303). A job that has moved on is the error page with 409, an unknown one 404.
    private func changeJob(
        _ request: Request,
        _ context: Context,
        _ change: @Sendable (String) async throws -> JobDetail
    ) async throws -> Response {
        let form = try await FormBody.decode(JobActionForm.self, from: request)
        try CSRFToken.verify(request, submitted: form.csrf)
        let id = try context.parameters.require("id")
        _ = try await change(id)
        return Response(status: .seeOther, headers: [.location: Format.jobRow(id, on: LocalPath.checked(form.back, otherwise: "/jobs"))])
    }
}
