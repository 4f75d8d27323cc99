import Foundation
import Hummingbird
import NIOCore
import ServiceLifecycle
import TimmyAPI
import TimmyCore
import TimmySwarm

/// The job queue and the assets: list, inspect, cancel and retry jobs, follow one live, list assets.
struct CreativeRoutes<Context: RequestContext> {
    let service: any TimmyService

    func add(to router: Router<Context>) {
        router.on(.assets) { request, _ in
            let query = request.uri.queryParameters
            let kind: AssetKind? = try QueryValue.choice(query.get("kind"), name: "kind", plural: "kinds")
            let limit = try QueryValue.integer(query.get("limit"), name: "limit") ?? 50
            return JSONBody.response(try await service.assets(kind: kind, limit: limit))
        }
        router.on(.jobs) { request, _ in
            let query = request.uri.queryParameters
            let status: JobStatus? = try QueryValue.choice(query.get("status"), name: "status", plural: "statuses")
            let limit = try QueryValue.integer(query.get("limit"), name: "limit") ?? 50
            return JSONBody.response(try await service.jobs(status: status, limit: limit))
        }
        router.on(.job) { _, context in JSONBody.response(try await service.job(try context.parameters.require("id"))) }
        router.on(.cancelJob) { _, context in JSONBody.response(try await service.cancelJob(try context.parameters.require("id"))) }
        router.on(.retryJob) { _, context in JSONBody.response(try await service.retryJob(try context.parameters.require("id"))) }
        router.on(.jobEvents) { request, context in try await follow(try context.parameters.require("id"), request: request) }
    }

    /// Server-sent events for one job: its state now, then each `job_progress` until it finishes,
    /// the client goes, or the server shuts down.
    private func follow(_ id: String, request: Request) async throws -> Response {
        let stream = try await service.events(after: nil)
        let first = try await service.job(id).job
        let service = self.service
        let body = ResponseBody { writer in
            try await request.body.consumeWithCancellationOnInboundClose { _ in
                try await writer.write(Self.event(first))
                guard !first.status.isFinished else { return }
                for try await event in stream.cancelOnGracefulShutdown()
                where event.type == SparkEventType.jobProgress.rawValue && event.data["job_id"]?.stringValue == id {
                    let job = try await service.job(id).job
                    try await writer.write(Self.event(job))
                    if job.status.isFinished { return }
                }
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"], body: body)
    }

    private static func event(_ job: JobView) -> ByteBuffer {
        let data = (try? JSONCoding.encoder().encode(job)) ?? Data("{}".utf8)
        return ByteBuffer(string: "event: job\ndata: " + String(decoding: data, as: UTF8.self) + "\n\n")
    }
}
