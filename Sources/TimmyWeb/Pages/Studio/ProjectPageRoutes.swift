import Foundation
import Hummingbird
import NIOCore
import TimmyAPI
import TimmyCore

/// The Director's projects as pages: the list, one project's builder and timeline, and its buttons
/// and forms (edit the script, approve, resume, re-roll a scene). Each form answers 303 back to the
/// project without script, or the project as JSON with it; a refusal is the page again with the problem.
struct ProjectPageRoutes<Context: RequestContext> {
    let service: any TimmyService
    let pages: PageRenderer

    func add(to router: Router<Context>) {
        router.get("/creative/projects") { request, _ in
            let query = request.uri.queryParameters
            let status: ProjectStatus? = try QueryValue.choice(query.get("status").nonEmpty, name: "status", plural: "statuses")
            let backend = query.get("backend").nonEmpty
            if let backend, !ProjectRules.backends.contains(backend) {
                throw APIError(
                    .unprocessableContent,
                    "unknown backend '\(Format.clip(backend, 40))'; backends: \(ProjectRules.backends.joined(separator: ", "))",
                    field: "backend")
            }
            let view = try await ProjectsPage(service, status: status, backend: backend)
            return pages.page("projects", view, title: "Projects", section: .projects, request: request)
        }
        router.get("/creative/projects/:id") { request, context in try await show(try context.parameters.require("id"), request) }
        router.get("/creative/projects/:id/final.vtt") { _, context in try await captions(try context.parameters.require("id")) }
        router.post("/creative/projects/:id/script") { request, context in
            try await act(request, context, anchor: "script") { id, form in try await service.editProject(id, try ScriptEditor.edit(form)) }
        }
        router.post("/creative/projects/:id/approve") { request, context in
            try await act(request, context, anchor: "steps") { id, _ in try await service.approveProject(id) }
        }
        router.post("/creative/projects/:id/resume") { request, context in
            try await act(request, context, anchor: "steps") { id, _ in try await service.resumeProject(id) }
        }
        router.post("/creative/projects/:id/rerun-scene") { request, context in
            try await act(request, context, anchor: "storyboard") { id, form in try await service.rerunScene(id, try Self.rerun(form)) }
        }
    }

    private func show(_ id: String, _ request: Request, error: ServiceError? = nil, posted: [String: String]? = nil) async throws -> Response {
        let view = try await ProjectPage(service, id: id, error: error, posted: posted)
        let status: HTTPResponse.Status = error.map { APIError($0).status } ?? .ok
        return pages.page("project", view, title: view.title, section: .projects, request: request, status: status)
    }

    /// One of the project's forms: checks its token, makes the change, and answers.
    private func act(
        _ request: Request, _ context: Context, anchor: String,
        _ change: @Sendable (String, [String: String]) async throws -> ProjectDetail
    ) async throws -> Response {
        let form = try await FormBody.fields(from: request)
        try CSRFToken.verify(request, submitted: form[CSRFToken.fieldName])
        let id = try context.parameters.require("id")
        do {
            let detail = try await change(id, form)
            if request.wantsJSON { return JSONBody.response(detail) }
            return Response(status: .seeOther, headers: [.location: "\(ProjectCard.path(id))#\(anchor)"])
        } catch let error as ServiceError where !request.wantsJSON && [.invalid, .conflict].contains(error.kind) {
            return try await show(id, request, error: error, posted: anchor == "script" ? form : nil)
        }
    }

    /// The storyboard's re-roll form: the scene, and optionally new words and a seed.
    private static func rerun(_ form: [String: String]) throws(ServiceError) -> RerunSceneRequest {
        guard let scene = form["scene"].flatMap({ Int($0) }) else { throw .invalid(field: "scene", message: "scene must be a scene number, from 1") }
        let seedText = form["seed"]?.trimmingCharacters(in: .whitespaces) ?? ""
        var seed: Int?
        if !seedText.isEmpty {
            guard let number = Int(seedText) else {
                throw .invalid(field: "seed", message: "seed must be a whole number, got '\(Format.clip(seedText, 20))'")
            }
            seed = number
        }
        let description = form["description"].flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        return RerunSceneRequest(scene: scene, seed: seed, description: description)
    }

    /// The final video's subtitles as WebVTT, the form a browser's `<track>` reads, from the `.srt` beside it.
    private func captions(_ id: String) async throws -> Response {
        let project = try await service.project(id).project
        guard let path = project.subtitles, let srt = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw APIError(.notFound, "project '\(id)' has no subtitles yet; they are written when the final video is assembled")
        }
        return Response(
            status: .ok, headers: [.contentType: "text/vtt; charset=utf-8", .cacheControl: "no-cache"],
            body: .init(byteBuffer: ByteBuffer(string: WebVTT.from(srt: srt))))
    }
}

/// SubRip captions as WebVTT: the header, and a full stop instead of a comma before the milliseconds.
enum WebVTT {
    static func from(srt: String) -> String {
        let lines = srt.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.contains("-->") ? line.replacingOccurrences(of: ",", with: ".") : String(line)
        }
        return "WEBVTT\n\n" + lines.joined(separator: "\n")
    }
}
