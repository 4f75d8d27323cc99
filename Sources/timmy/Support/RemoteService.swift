import Foundation
import TimmyAPI
import TimmyCore
import TimmySwarm

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Talks to a running Timmy server over its JSON API.
struct RemoteService: TimmyService {
    let baseURL: URL
    let token: String?

    /// Asks `/health` briefly; returns a client when a Timmy server answers.
    static func connect(settings: Settings) async -> RemoteService? {
        let host = ["0.0.0.0", "::", ""].contains(settings.host) ? "127.0.0.1" : settings.host
        let bracketed = host.contains(":") ? "[\(host)]" : host
        guard let url = URL(string: "http://\(bracketed):\(settings.port)") else { return nil }
        let service = RemoteService(baseURL: url, token: settings.authToken)
        guard let health: HealthReport = try? await service.request("GET", "/health", timeout: 0.75) else { return nil }
        return health.version.isEmpty ? nil : service
    }

    func request<T: Decodable>(
        _ method: String, _ path: String, query: [String: String?] = [:], body: (some Encodable)? = Optional<Int>.none, timeout: TimeInterval = 3600
    ) async throws -> T {
        var request = urlRequest(method, path, query: query, timeout: timeout)
        if let body {
            request.httpBody = try JSONCoding.encoder().encode(body)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard (200..<300).contains(status) else {
            guard let body = try? JSONCoding.decoder().decode(ErrorBody.self, from: data) else {
                throw ServiceError.unavailable("server answered HTTP \(status)")
            }
            throw body.serviceError
        }
        return try JSONCoding.decoder().decode(T.self, from: data)
    }

    private func urlRequest(_ method: String, _ path: String, query: [String: String?], timeout: TimeInterval) -> URLRequest {
        var components = URLComponents(url: baseURL.appendingPathComponent(path), resolvingAgainstBaseURL: false)!
        let items = query.compactMap { key, value in value.map { URLQueryItem(name: key, value: $0) } }
        if !items.isEmpty { components.queryItems = items.sorted { $0.name < $1.name } }
        var request = URLRequest(url: components.url!, timeoutInterval: timeout)
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        return request
    }

    /// `/api/events` as Server-Sent Events; the server's heartbeat keeps an idle stream inside the timeout.
    func events(after: Int64?) async throws -> AsyncThrowingStream<EventView, any Error> {
        var request = urlRequest("GET", "/api/events", query: ["after": after.map(String.init)], timeout: 60)
        request.setValue("text/event-stream", forHTTPHeaderField: "Accept")
        return EventStreamReader<EventView>.events(request)
    }

    func health() async throws -> HealthReport { try await request("GET", "/health") }

    func postTask(_ description: String, wait: Bool) async throws -> TaskDetail {
        try await request("POST", "/api/tasks", body: PostTaskRequest(description: description, wait: wait))
    }

    func tasks(status: TaskStatus?, limit: Int, offset: Int) async throws -> TaskList {
        try await request("GET", "/api/tasks", query: ["status": status?.rawValue, "limit": String(limit), "offset": String(offset)])
    }

    func task(_ id: String) async throws -> TaskDetail { try await request("GET", "/api/tasks/\(id)") }

    func personas() async throws -> [PersonaView] { try await request("GET", "/api/personas") }

    func tools(persona: String?) async throws -> [ToolView] { try await request("GET", "/api/tools", query: ["persona": persona]) }

    func toolUsage() async throws -> ToolUsageReport { try await request("GET", "/api/tools/usage") }

    func runTool(_ name: String, persona: String, arguments: [String: JSONValue]) async throws -> ToolRunResponse {
        try await request("POST", "/api/tools/\(name)/run", body: ToolRunRequest(persona: persona, arguments: arguments))
    }

    func sparkStatus() async throws -> SparkStatus { try await request("GET", "/api/spark/status") }

    func timeline(type: String?, agent: String?, limit: Int) async throws -> Timeline {
        try await request("GET", "/api/spark/timeline", query: ["type": type, "agent": agent, "limit": String(limit)])
    }

    func advisories() async throws -> AdvisoryList { try await request("GET", "/api/spark/advisories") }

    func predictions(limit: Int) async throws -> PredictionList {
        try await request("GET", "/api/spark/predictions", query: ["limit": String(limit)])
    }

    func ledger() async throws -> LedgerView { try await request("GET", "/api/ledger") }

    func auctions(limit: Int) async throws -> AuctionList {
        try await request("GET", "/api/auctions", query: ["limit": String(limit)])
    }

    func jobs(status: JobStatus?, limit: Int) async throws -> JobList {
        try await request("GET", "/api/jobs", query: ["status": status?.rawValue, "limit": String(limit)])
    }

    func job(_ id: String) async throws -> JobDetail { try await request("GET", "/api/jobs/\(id)") }

    func cancelJob(_ id: String) async throws -> JobDetail { try await request("POST", "/api/jobs/\(id)/cancel") }

    func retryJob(_ id: String) async throws -> JobDetail { try await request("POST", "/api/jobs/\(id)/retry") }

    func assets(kind: AssetKind?, limit: Int) async throws -> AssetList {
        try await request("GET", "/api/assets", query: ["kind": kind?.rawValue, "limit": String(limit)])
    }

    func chatHistory(conversation: String?, limit: Int) async throws -> ChatHistory {
        try await request("GET", "/api/chat", query: ["conversation": conversation, "limit": String(limit)])
    }

    /// `/api/chat/stream`; the server streams the answer as it is written, so the request has no overall timeout.
    func chat(_ message: String, conversation: String?) async throws -> AsyncThrowingStream<ChatEvent, any Error> {
        var request = urlRequest("POST", "/api/chat/stream", query: [:], timeout: 3600)
        request.httpBody = try JSONCoding.encoder().encode(ChatRequest(message: message, conversation: conversation))
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("text/event-stream", forHTTPHeaderField: "Accept")
        return EventStreamReader<ChatEvent>.items(request) { try? JSONCoding.decoder().decode(ChatEvent.self, from: $0) }
    }

    func modelReport() async throws -> ModelReport { try await request("GET", "/api/spark/models") }

    func projects(limit: Int) async throws -> ProjectList {
        try await request("GET", "/api/creative/projects", query: ["limit": String(limit)])
    }

    func project(_ id: String) async throws -> ProjectDetail { try await request("GET", "/api/creative/projects/\(Self.segment(id))") }

    func createProject(_ request: CreateProjectRequest) async throws -> ProjectDetail {
        try await self.request("POST", "/api/creative/projects", body: request)
    }

    func editProject(_ id: String, _ edit: EditProjectRequest) async throws -> ProjectDetail {
        try await request("PATCH", "/api/creative/projects/\(Self.segment(id))/script", body: edit)
    }

    func approveProject(_ id: String) async throws -> ProjectDetail {
        try await request("POST", "/api/creative/projects/\(Self.segment(id))/approve")
    }

    func resumeProject(_ id: String) async throws -> ProjectDetail {
        try await request("POST", "/api/creative/projects/\(Self.segment(id))/resume")
    }

    func rerunScene(_ id: String, _ rerun: RerunSceneRequest) async throws -> ProjectDetail {
        try await request("POST", "/api/creative/projects/\(Self.segment(id))/rerun-scene", body: rerun)
    }

    /// An id as one path segment: a `/` in it cannot reach another route.
    private static func segment(_ id: String) -> String {
        id.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-_"))) ?? id
    }
}
