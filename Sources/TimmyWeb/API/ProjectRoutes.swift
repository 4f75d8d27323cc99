import Foundation
import Hummingbird
import NIOCore
import ServiceLifecycle
import TimmyAPI
import TimmyCore

/// The Creative Director's projects under `/api/creative/projects`: list, create, show, edit the
/// script, approve, resume, re-render a scene, and follow one live.
struct ProjectRoutes<Context: RequestContext> {
    let service: any TimmyService

    func add(to router: Router<Context>) {
        router.on(.projects) { request, _ in
            let limit = try QueryValue.integer(request.uri.queryParameters.get("limit"), name: "limit") ?? 50
            return JSONBody.response(try await service.projects(limit: limit))
        }
        router.on(.createProject) { request, _ in
            let body = try await JSONBody.decode(CreateProjectRequest.self, from: request)
            return JSONBody.response(try await service.createProject(body), status: .created)
        }
        router.on(.project) { _, context in JSONBody.response(try await service.project(try context.parameters.require("id"))) }
        router.on(.editProject) { request, context in
            let id = try context.parameters.require("id")
            let body = try await JSONBody.decode(EditProjectRequest.self, from: request)
            return JSONBody.response(try await service.editProject(id, body))
        }
        router.on(.approveProject) { _, context in JSONBody.response(try await service.approveProject(try context.parameters.require("id"))) }
        router.on(.resumeProject) { _, context in JSONBody.response(try await service.resumeProject(try context.parameters.require("id"))) }
        router.on(.rerunScene) { request, context in
            let id = try context.parameters.require("id")
            let body = try await JSONBody.decode(RerunSceneRequest.self, from: request)
            return JSONBody.response(try await service.rerunScene(id, body))
        }
        router.on(.projectEvents) { request, context in try await follow(try context.parameters.require("id"), request: request) }
    }

    /// Server-sent events for one project: its `creative_step` events and the `job_progress` of its
    /// steps' jobs, each a `LiveEvent`, until the project stops running, the client goes or the
    /// server shuts down. The first message (`event: project`) is the project as it stands.
    private func follow(_ id: String, request: Request) async throws -> Response {
        let stream = try await service.events(after: nil)
        let first = try await service.project(id)
        let body = ResponseBody { writer in
            try await request.body.consumeWithCancellationOnInboundClose { _ in
                let encoder = LiveEventEncoder()
                try await writer.write(Self.message("project", first))
                guard first.project.status == .running else { return }
                var jobs = Set(first.steps.flatMap(\.jobIds))
                for try await event in stream.cancelOnGracefulShutdown() {
                    let data = event.data
                    if event.type == SparkEventType.creativeStep.rawValue, data["project"]?.stringValue == id {
                        jobs.formUnion(data["job_ids"]?.arrayValue?.compactMap(\.stringValue) ?? [])
                        try await writer.write(encoder.message(event))
                        if data["step"] == "project", data["status"]?.stringValue != ProjectStatus.running.rawValue { return }
                    } else if event.type == SparkEventType.jobProgress.rawValue, let job = data["job_id"]?.stringValue, jobs.contains(job) {
                        try await writer.write(encoder.message(event))
                    }
                }
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"], body: body)
    }

    private static func message(_ name: String, _ value: some Encodable) -> ByteBuffer {
        let data = (try? JSONCoding.encoder().encode(value)) ?? Data("{}".utf8)
        return ByteBuffer(string: "event: \(name)\ndata: " + String(decoding: data, as: UTF8.self) + "\n\n")
    }
}
