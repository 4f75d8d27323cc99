import Foundation
import Hummingbird
import NIOCore

/// `/previews/{thumbnail|waveform}/{media folder}/{path}`: a media file's preview, made on first
/// request and kept beside the file. Pages link to these instead of full-size pictures.
struct PreviewRoutes<Context: RequestContext> {
    let previews: Previews

    func add(to router: Router<Context>) {
        router.get("/previews/:kind/:root/**") { _, context in
            guard let kind = Previews.Kind(rawValue: try context.parameters.require("kind")) else {
                throw APIError(.notFound, "previews are thumbnail or waveform")
            }
            let root = try context.parameters.require("root")
            let relative = context.parameters.getCatchAll().map { String($0).removingPercentEncoding ?? String($0) }.joined(separator: "/")
            let file: URL
            do {
                file = try await previews.preview(kind, root: root, relative: relative)
            } catch let failure as Previews.Failure {
                switch failure {
                case .notFound: throw APIError(.notFound, failure.description)
                case .unsupported: throw APIError(.unprocessableContent, failure.description)
                case .ffmpeg: throw APIError(.serviceUnavailable, failure.description)
                }
            }
            let data = try Data(contentsOf: file)
            return Response(
                status: .ok, headers: [.contentType: kind.contentType, .cacheControl: "no-cache"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
    }
}
