import Foundation
import HTTPTypes
import Hummingbird
import Logging
import ServiceLifecycle
import TimmyCore

/// A forge on a loopback port that speaks the pull-request endpoints of both APIs Timmy uses, as their
/// documentation gives them: Gitea/Forgejo v1 under `/api/v1`, GitHub REST under `/api/v3` (GitHub
/// Enterprise's prefix). One repository, `team/demo`, whose branches are those of a real bare repository:
/// creating checks the head was pushed, diff stats and merges are computed by git in that repository.
/// Lists are paged with `Link` headers; errors have each API's shape; 401 for a wrong token, 429 or 403 with
/// `Retry-After` on demand, 405 (GitHub) or 409 (Gitea) for a merge with conflicts, 301 to another host for `team/moved`.
final class FakeForge: Sendable {
    let state: FakeForgeState
    let port: Int
    private let group: ServiceGroup
    private let serving: Task<Void, any Error>

    var authority: String { "127.0.0.1:\(port)" }

    init(bare: URL, token: String, owner: String = "team", name: String = "demo") async throws {
        let state = FakeForgeState(bare: bare, token: token, owner: owner, name: name)
        self.state = state
        let router = Router()
        for flavour in FakeForgeState.Flavour.allCases { FakeForgeRoutes(state: state, flavour: flavour).add(to: router) }
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) }, logger: Logger(label: "fake-forge"))
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: Logger(label: "fake-forge")))
        self.group = group
        serving = Task { try await group.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw URLError(.cannotConnectToHost) }
        self.port = port
    }

    func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await serving.value
    }
}

/// One route table, mounted once per API flavour.
private struct FakeForgeRoutes {
    let state: FakeForgeState
    let flavour: FakeForgeState.Flavour

    func add(to router: Router<BasicRequestContext>) {
        let repo = "\(flavour.prefix)/repos/:owner/:repo"
        on(router, .get, repo) { _, _ in try await state.repository(flavour) }
        on(router, .get, "\(repo)/pulls") { request, _ in
            try await state.list(flavour, query: request.uri.queryParameters, path: request.uri.path, authority: request.head.authority ?? "")
        }
        on(router, .post, "\(repo)/pulls") { request, _ in try await state.create(flavour, try await Self.json(request)) }
        on(router, .get, "\(repo)/pulls/:number") { _, context in try await state.pull(flavour, Self.number(context)) }
        on(router, .patch, "\(repo)/pulls/:number") { request, context in
            try await state.edit(flavour, Self.number(context), try await Self.json(request))
        }
        on(router, flavour == .github ? .put : .post, "\(repo)/pulls/:number/merge") { request, context in
            try await state.merge(flavour, Self.number(context), try await Self.json(request))
        }
        on(router, .get, "\(repo)/pulls/:number/reviews") { _, context in try await state.reviews(flavour, Self.number(context)) }
        on(router, .post, "\(repo)/pulls/:number/reviews") { request, context in
            try await state.review(flavour, Self.number(context), try await Self.json(request))
        }
        on(router, .get, "\(repo)/issues/:number/comments") { _, context in try await state.comments(flavour, Self.number(context)) }
        on(router, .post, "\(repo)/issues/:number/comments") { request, context in
            try await state.comment(flavour, Self.number(context), try await Self.json(request))
        }
        on(router, .get, "\(repo)/commits/:ref/status") { _, context in try await state.status(flavour, context.parameters.get("ref") ?? "") }
        on(router, .delete, "\(repo)/git/refs/heads/**") { _, context in
            try await state.deleteBranch(flavour, context.parameters.getCatchAll().joined(separator: "/"))
        }
    }

    /// A route that first checks the repository, the token and any rate limit the test asked for, and records the request.
    private func on(
        _ router: Router<BasicRequestContext>, _ method: HTTPRequest.Method, _ path: String,
        _ handle: @escaping @Sendable (Request, BasicRequestContext) async throws -> FakeAnswer
    ) {
        router.on(RouterPath(path), method: method) { request, context -> Response in
            let owner = context.parameters.get("owner") ?? ""
            let name = context.parameters.get("repo") ?? ""
            if let refusal = await state.admit(
                flavour, method: method.rawValue, path: request.uri.path, authorization: request.headers[.authorization], owner: owner, name: name)
            {
                return refusal.response
            }
            return try await handle(request, context).response
        }
    }

    private static func number(_ context: BasicRequestContext) -> Int { context.parameters.get("number").flatMap { Int($0) } ?? 0 }

    private static func json(_ request: Request) async throws -> JSONValue {
        var request = request
        let buffer = try await request.collectBody(upTo: 1 << 20)
        return (try? JSONCoding.decoder().decode(JSONValue.self, from: Data(buffer.readableBytesView))) ?? .null
    }
}

/// A status, headers and a JSON body (or none).
struct FakeAnswer: Sendable {
    let status: Int
    var headers: [String: String] = [:]
    var body: JSONValue?

    var response: Response {
        var fields = HTTPFields()
        for (name, value) in headers { fields[HTTPField.Name(name)!] = value }
        guard let body else { return Response(status: .init(code: status), headers: fields) }
        fields[.contentType] = "application/json"
        let data = (try? JSONCoding.encoder().encode(body)) ?? Data()
        return Response(status: .init(code: status), headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
