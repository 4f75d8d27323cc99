import Foundation
import Hummingbird
import TimmyCore
import TimmyStore
import TimmySwarm

/// The JSON API: thin handlers that parse input, call the service, and render JSON.
struct APIRoutes<Context: RequestContext> {
    let service: any TimmyService
    /// The hand-written OpenAPI 3 document describing these routes.
    let openAPI: StaticAsset
    /// Task lists as last answered, until the store changes.
    let taskLists: RevisionCache

    func add(to router: Router<Context>) {
        router.get("/health") { _, _ in JSONBody.response(try await service.health()) }
        let api = router.group("api")
        api.get("openapi.json") { request, _ in openAPI.response(for: request) }
        api.post("tasks") { request, _ in
            let body = try await JSONBody.decode(PostTaskRequest.self, from: request)
            let detail = try await service.postTask(body.description, wait: body.wait ?? false)
            return JSONBody.response(detail, status: .created)
        }
        api.get("tasks") { request, _ in
            let query = request.uri.queryParameters
            let status = try QueryValue.status(query.get("status"))
            let limit = try QueryValue.integer(query.get("limit"), name: "limit") ?? 50
            let offset = try QueryValue.integer(query.get("offset"), name: "offset") ?? 0
            return try await taskLists.response(for: "\(status?.rawValue ?? "") \(limit) \(offset)") {
                try await service.tasks(status: status, limit: limit, offset: offset).jsonText
            }
        }
        api.get("tasks/:id") { _, context in
            JSONBody.response(try await service.task(try context.parameters.require("id")))
        }
        api.get("auctions") { request, _ in
            let limit = try QueryValue.integer(request.uri.queryParameters.get("limit"), name: "limit") ?? 20
            return JSONBody.response(try await service.auctions(limit: limit))
        }
        api.get("personas") { _, _ in JSONBody.response(try await service.personas()) }
        api.get("tools") { request, _ in
            JSONBody.response(try await service.tools(persona: request.uri.queryParameters.get("persona")))
        }
        api.get("tools/usage") { _, _ in JSONBody.response(try await service.toolUsage()) }
        api.post("tools/:name/run") { request, context in
            let name = try context.parameters.require("name")
            let body = try await JSONBody.decode(ToolRunRequest.self, from: request)
            let response = try await service.runTool(name, persona: body.persona, arguments: body.arguments ?? [:])
            return JSONBody.response(response, status: response.job == nil ? .ok : .accepted)
        }
        api.get("spark/status") { _, _ in JSONBody.response(try await service.sparkStatus()) }
        api.get("spark/timeline") { request, _ in
            let query = request.uri.queryParameters
            let limit = try QueryValue.integer(query.get("limit"), name: "limit") ?? 100
            return JSONBody.response(try await service.timeline(type: query.get("type"), agent: query.get("agent"), limit: limit))
        }
        api.get("spark/advisories") { _, _ in JSONBody.response(try await service.advisories()) }
        api.get("spark/predictions") { request, _ in
            let limit = try QueryValue.integer(request.uri.queryParameters.get("limit"), name: "limit") ?? 100
            return JSONBody.response(try await service.predictions(limit: limit))
        }
        api.get("ledger") { _, _ in JSONBody.response(try await service.ledger()) }
    }
}
