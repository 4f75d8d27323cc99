import HTTPTypes
import NIOCore
import NIOHTTPTypes
import TimmyCore

/// Holds each connection to `ConnectionLimits` before its requests reach the routes:
/// - a request that announces a body over the limit is answered 413 at once, without reading the body,
///   and the connection is closed: the client is not left writing into a server that will never read;
/// - a connection that does not send a whole request head within the header timeout (a client trickling
///   its headers, or one that opens and says nothing) is closed.
///
/// After a refusal the connection stops sending, discards what the client still writes for a moment so
/// that a client busy writing its body reads the answer instead of a reset, then closes.
final class RequestLimitsHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// How long a refused client's remaining bytes are read and dropped before the connection closes.
    static let linger = TimeAmount.seconds(2)

    private let maxBodyBytes: Int
    private let headerTimeout: TimeAmount
    private var headDeadline: Scheduled<Void>?
    /// Set once a request is refused: everything read afterwards is dropped.
    private var refused = false

    init(limits: ConnectionLimits) {
        maxBodyBytes = limits.maxBodyBytes
        headerTimeout = .nanoseconds(Int64(limits.headerTimeout.seconds * 1e9))
    }

    func handlerAdded(context: ChannelHandlerContext) { awaitHead(context) }

    func handlerRemoved(context: ChannelHandlerContext) { headDeadline?.cancel() }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !refused else { return }
        let part = unwrapInboundIn(data)
        if case .head(let head) = part {
            headDeadline?.cancel()
            if let length = head.headerFields[.contentLength].flatMap(Int.init), length > maxBodyBytes {
                refuse(context, length: length)
                return
            }
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { awaitHead(context) }
        context.write(data, promise: promise)
    }

    /// Closes the connection unless a request head arrives within the header timeout.
    private func awaitHead(_ context: ChannelHandlerContext) {
        headDeadline?.cancel()
        let channel = context.channel
        headDeadline = context.eventLoop.scheduleTask(in: headerTimeout) { channel.close(promise: nil) }
    }

    private func refuse(_ context: ChannelHandlerContext, length: Int) {
        refused = true
        let refusal = APIError(.contentTooLarge, "request body of \(length) bytes is larger than \(maxBodyBytes) bytes; send less")
        let body = ByteBuffer(string: JSONCoding.string(refusal.body))
        var head = HTTPResponse(status: .contentTooLarge)
        head.headerFields = [.contentType: "application/json; charset=utf-8", .contentLength: String(body.readableBytes), .connection: "close"]
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(body)), promise: nil)
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in
            channel.close(mode: .output, promise: nil)
            channel.eventLoop.scheduleTask(in: Self.linger) { channel.close(promise: nil) }
        }
    }
}
