import Hummingbird
import TimmyAPI
import TimmyCore

/// The Creative Studio's pages: a tab per address, and its forms. Without script a form post answers
/// 303 to the tab (where the job shows until its result does), or the tab again with the problem
/// beside its field (422). With script (`Accept: application/json`) it answers as the JSON API does.
struct StudioRoutes<Context: RequestContext> {
    let service: any TimmyService
    let pages: PageRenderer

    func add(to router: Router<Context>) {
        router.get("/creative/ui") { request, _ in try await show(.images, request) }
        router.get("/creative/ui/:tab") { request, context in try await show(try Self.tab(context), request) }
        router.post("/creative/ui/:tab") { request, context in try await post(try Self.tab(context), request) }
    }

    private static func tab(_ context: Context) throws -> StudioTab {
        let name = try context.parameters.require("tab")
        guard let tab = StudioTab(rawValue: name) else {
            throw APIError(.notFound, "the Studio has no tab '\(name)'; tabs: \(StudioTab.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return tab
    }

    private func show(
        _ tab: StudioTab, _ request: Request, posted: (String, [String: String])? = nil, error: ServiceError? = nil
    ) async throws
        -> Response
    {
        let view = try await StudioPage(service, tab: tab, posted: posted.map { (tool: $0.0, values: $0.1) }, error: error)
        return pages.page(
            "studio", view, title: "Studio · \(tab.label)", section: .studio, request: request, status: error == nil ? .ok : .unprocessableContent)
    }

    private func post(_ tab: StudioTab, _ request: Request) async throws -> Response {
        let form = try await FormBody.fields(from: request)
        try CSRFToken.verify(request, submitted: form[CSRFToken.fieldName])
        let tool = form["tool"] ?? ""
        do {
            if tab == .director {
                let detail = try await service.createProject(try ProjectForm.request(form))
                if request.wantsJSON { return JSONBody.response(detail, status: .created) }
                return Response(status: .seeOther, headers: [.location: ProjectCard.path(detail.project.id)])
            }
            guard tab.tools.contains(where: { $0.name == tool }),
                let declared = try await service.tools(persona: nil).first(where: { $0.name == tool })
            else {
                throw ServiceError.invalid(
                    field: "tool",
                    message: "the \(tab.label) tab runs \(tab.tools.map(\.name).joined(separator: " or ")), not '\(Format.clip(tool, 40))'")
            }
            let run = try await service.runTool(
                tool, persona: declared.personas.first ?? "timmy", arguments: try SchemaForm.arguments(form, schema: declared.parameters))
            if request.wantsJSON { return JSONBody.response(run, status: .accepted) }
            return Response(status: .seeOther, headers: [.location: tab.href + (run.job.map { "#job-\($0.job.id)" } ?? "")])
        } catch let error as ServiceError where !request.wantsJSON && error.kind == .invalid {
            return try await show(tab, request, posted: (tab == .director ? ProjectForm.tool : tool, form), error: error)
        }
    }
}
