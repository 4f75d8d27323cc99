import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// A file served from memory with a content-hash ETag: a request with the matching `If-None-Match`
/// gets 304, and a request naming the current version (`?v=`) may be cached for a year.
struct StaticAsset: Sendable {
    let body: ByteBuffer
    let contentType: String
    /// A hash of the content; changes whenever the file does.
    let version: String

    init(contentsOf file: URL) throws {
        self.init(data: try Data(contentsOf: file), contentType: Self.contentTypes[file.pathExtension] ?? "application/octet-stream")
    }

    /// Content made in memory, such as the OpenAPI document.
    init(data: Data, contentType: String) {
        body = ByteBuffer(bytes: data)
        self.contentType = contentType
        version = String(Self.fnv1a(data), radix: 16)
    }

    var etag: String { "\"\(version)\"" }

    /// The answer to a GET: its status, headers and body (none for 304), given the `?v=` the request
    /// names and its `If-None-Match`.
    func answer(askedVersion: String?, ifNoneMatch: String?) -> (status: HTTPResponse.Status, headers: HTTPFields, body: ByteBuffer?) {
        let cacheControl = askedVersion == version ? "public, max-age=31536000, immutable" : "no-cache"
        var headers: HTTPFields = [.eTag: etag, .cacheControl: cacheControl]
        if ifNoneMatch == etag { return (.notModified, headers, nil) }
        headers[.contentType] = contentType
        return (.ok, headers, body)
    }

    func response(for request: Request) -> Response {
        let answer = answer(askedVersion: request.uri.queryParameters.get("v"), ifNoneMatch: request.headers[.ifNoneMatch])
        return Response(status: answer.status, headers: answer.headers, body: answer.body.map { .init(byteBuffer: $0) } ?? .init())
    }

    private static let contentTypes = [
        "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8", "svg": "image/svg+xml",
        "json": "application/json; charset=utf-8",
    ]

    /// 64-bit FNV-1a: a fast, stable fingerprint for cache validation (not for security).
    private static func fnv1a(_ data: Data) -> UInt64 {
        data.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01b3 }
    }
}
