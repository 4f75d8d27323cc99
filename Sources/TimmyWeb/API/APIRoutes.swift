import Foundation
import Hummingbird
import TimmyAPI
import TimmyCore
import TimmySwarm

/// The JSON API: thin handlers that parse input, call the service, and render JSON.
struct APIRoutes<Context: RequestContext> {
    let service: any TimmyService
    /// The OpenAPI document made from the endpoint table.
    let openAPI: StaticAsset
    /// Task lists as last answered, until the store changes.
    let taskLists: RevisionCache

    func add(to router: Router<Context>) {
        router.on(.health) { _, _ in JSONBody.response(try await service.health()) }
        router.on(.openAPI) { request, _ in openAPI.response(for: request) }
        router.on(.postTask) { request, _ in
            let body = try await JSONBody.decode(PostTaskRequest.self, from: request)
            let detail = try await service.postTask(body.description, wait: body.wait ?? false)
            return JSONBody.response(detail, status: .created)
        }
        router.on(.tasks) { request, _ in
            let query = request.uri.queryParameters
            let status = try QueryValue.status(query.get("status"))
            let limit = try QueryValue.integer(query.get("limit"), name: "limit") ?? 50
            let offset = try QueryValue.integer(query.get("offset"), name: "offset") ?? 0
            return try await taskLists.response(for: "\(status?.rawValue ?? "") \(limit) \(offset)") {
                try await service.tasks(status: status, limit: limit, offset: offset).jsonText
            }
        }
        router.on(.task) { _, context in
            JSONBody.response(try await service.task(try context.parameters.require("id")))
        }
        router.on(.auctions) { request, _ in
            let limit = try QueryValue.integer(request.uri.queryParameters.get("limit"), name: "limit") ?? 20
            return JSONBody.response(try await service.auctions(limit: limit))
        }
        router.on(.personas) { _, _ in JSONBody.response(try await service.personas()) }
        router.on(.tools) { request, _ in
            JSONBody.response(try await service.tools(persona: request.uri.queryParameters.get("persona")))
        }
        router.on(.toolUsage) { _, _ in JSONBody.response(try await service.toolUsage()) }
        router.on(.runTool) { request, context in
            let name = try context.parameters.require("name")
            let body = try await JSONBody.decode(ToolRunRequest.self, from: request)
            let response = try await service.runTool(name, persona: body.persona, arguments: body.arguments ?? [:])
            return JSONBody.response(response, status: response.job == nil ? .ok : .accepted)
        }
        router.on(.sparkStatus) { _, _ in JSONBody.response(try await service.sparkStatus()) }
        router.on(.timeline) { request, _ in
            let query = request.uri.queryParameters
            let limit = try QueryValue.integer(query.get("limit"), name: "limit") ?? 100
            return JSONBody.response(try await service.timeline(type: query.get("type"), agent: query.get("agent"), limit: limit))
        }
        router.on(.advisories) { _, _ in JSONBody.response(try await service.advisories()) }
        router.on(.predictions) { request, _ in
            let limit = try QueryValue.integer(request.uri.queryParameters.get("limit"), name: "limit") ?? 100
            return JSONBody.response(try await service.predictions(limit: limit))
        }
        router.on(.modelReport) { _, _ in JSONBody.response(try await service.modelReport()) }
        router.on(.chatHistory) { request, _ in
            let query = request.uri.queryParameters
            let limit = try QueryValue.integer(query.get("limit"), name: "limit") ?? 100
            return JSONBody.response(try await service.chatHistory(conversation: query.get("conversation"), limit: limit))
        }
        router.on(.chat) { request, _ in
            let body = try await JSONBody.decode(ChatRequest.self, from: request)
            return JSONBody.response(try await ChatStream.collect(try await service.chat(body.message, conversation: body.conversation)))
        }
        router.on(.chatStream) { request, _ in
            let body = try await JSONBody.decode(ChatRequest.self, from: request)
            return ChatStream.response(try await service.chat(body.message, conversation: body.conversation))
        }
        router.on(.ledger) { _, _ in JSONBody.response(try await service.ledger()) }
    }
}
