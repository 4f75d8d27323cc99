import Foundation
import TimmyCore

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends requests to one forge's API and nowhere else: redirects are not followed, and a page link
/// that points at another host is refused. A rate limit gets one bounded wait and one retry; a
/// refused token is an error naming the host and the setting. The token goes only into the
/// `Authorization` header and is scrubbed from anything the forge sends back.
struct ForgeClient: Sendable {
    let forge: Forge
    /// The longest `Retry-After` that is waited out; a longer one fails at once.
    var longestWait: Duration = .seconds(10)
    var timeout: TimeInterval = 30

    /// Sends a request to `path` under the API base. Authentication, permission, rate-limit and server
    /// failures are thrown; any other answer (a 404, 405, 409 or 422 among them) is returned for the caller to read.
    func send(_ method: String, _ path: String, query: [URLQueryItem] = [], body: JSONValue? = nil) async throws(GitToolError) -> ForgeResponse {
        var components = URLComponents(url: forge.apiBase, resolvingAgainstBaseURL: false)!
        components.percentEncodedPath = components.percentEncodedPath.trimmingSuffix("/") + "/" + path
        if !query.isEmpty { components.queryItems = query }
        guard let url = components.url else { throw .forgeRefused(host: forge.host, status: 0, message: "cannot form a URL for \(path)") }
        return try await send(method, url: url, body: body)
    }

    /// Sends a request to a full URL, which must be on the forge's API (a `Link` page).
    func send(_ method: String, url: URL, body: JSONValue? = nil) async throws(GitToolError) -> ForgeResponse {
        guard url.scheme == forge.apiBase.scheme, url.host == forge.apiBase.host, url.port == forge.apiBase.port else {
            throw .forgeRefused(
                host: forge.host, status: 0, message: "the forge pointed at another host (\(redact(url.absoluteString))); it was not contacted")
        }
        let first = try await attempt(method, url: url, body: body)
        guard let wait = first.retryAfter(now: Date()), [403, 429].contains(first.status) else { return try checked(first) }
        guard Duration.seconds(wait) <= longestWait else { throw .forgeRateLimited(host: forge.host, retryAfter: wait) }
        try? await Task.sleep(for: .seconds(wait))
        let second = try await attempt(method, url: url, body: body)
        if [403, 429].contains(second.status), let again = second.retryAfter(now: Date()) {
            throw .forgeRateLimited(host: forge.host, retryAfter: again)
        }
        return try checked(second)
    }

    /// Every page of a list, following `Link: rel="next"` until `enough` says to stop or the pages end.
    /// Returns the items and whether the forge has more.
    func pages(
        _ path: String, query: [URLQueryItem], enough: ([JSONValue]) -> Bool
    ) async throws(GitToolError) -> (items: [JSONValue], more: Bool) {
        var response = try await send("GET", path, query: query)
        var items: [JSONValue] = []
        while true {
            guard response.succeeded, let page = response.json.arrayValue else { throw failure(response, asking: "the list at \(path)") }
            items += page
            guard let next = response.nextPage, !page.isEmpty else { return (items, false) }
            if enough(items) { return (items, true) }
            response = try await send("GET", url: next)
        }
    }

    /// The error an unexpected answer means, for a request that asked for `what`.
    func failure(_ response: ForgeResponse, asking what: String) -> GitToolError {
        switch response.status {
        case 404: .forgeNotFound(host: forge.host, what: what)
        default: .forgeRefused(host: forge.host, status: response.status, message: redact(response.message))
        }
    }

    /// The text with the token and any URL credentials replaced by `***`.
    func redact(_ text: String) -> String {
        let scrubbed = Credentials.redact(text)
        guard let token = forge.token, !token.isEmpty else { return scrubbed }
        return scrubbed.replacingOccurrences(of: token, with: "***")
    }

    private func checked(_ response: ForgeResponse) throws(GitToolError) -> ForgeResponse {
        switch response.status {
        case 401:
            throw .forgeUnauthorized(host: forge.host, tokenGiven: forge.token != nil, message: redact(response.message))
        case 403:
            throw .forgeForbidden(host: forge.host, message: redact(response.message))
        case 429:
            throw .forgeRateLimited(host: forge.host, retryAfter: response.retryAfter(now: Date()) ?? 60)
        case 500...:
            throw .forgeRefused(host: forge.host, status: response.status, message: redact(response.message))
        default:
            return response
        }
    }

    private func attempt(_ method: String, url: URL, body: JSONValue?) async throws(GitToolError) -> ForgeResponse {
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = method
        request.setValue("Timmy", forHTTPHeaderField: "User-Agent")
        request.setValue(forge.isGitHub ? "application/vnd.github+json" : "application/json", forHTTPHeaderField: "Accept")
        if forge.isGitHub { request.setValue("2022-11-28", forHTTPHeaderField: "X-GitHub-Api-Version") }
        if let token = forge.token { request.setValue("\(forge.isGitHub ? "Bearer" : "token") \(token)", forHTTPHeaderField: "Authorization") }
        if let body {
            request.httpBody = try? JSONCoding.encoder().encode(body)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let data: Data
        let answer: URLResponse
        do {
            (data, answer) = try await Self.session.data(for: request)
        } catch {
            throw .remoteUnreachable(remote: forge.host, detail: redact(error.localizedDescription))
        }
        guard let http = answer as? HTTPURLResponse else { throw .remoteUnreachable(remote: forge.host, detail: "no HTTP answer") }
        let headers = http.allHeaderFields.reduce(into: [String: String]()) { headers, field in
            if let name = field.key as? String, let value = field.value as? String { headers[name.lowercased()] = value }
        }
        if (300..<400).contains(http.statusCode) {
            throw .forgeRefused(
                host: forge.host, status: http.statusCode,
                message:
                    "the forge redirected to \(redact(headers["location"] ?? "elsewhere")); redirects are not followed: set its api_url in forges")
        }
        let json = data.isEmpty ? JSONValue.null : (try? JSONCoding.decoder().decode(JSONValue.self, from: data)) ?? .null
        return ForgeResponse(status: http.statusCode, headers: headers, json: json)
    }

    /// No cookies, no cache, no stored credentials, and redirects handed back rather than followed.
    private static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        configuration.urlCredentialStorage = nil
        configuration.urlCache = nil
        return URLSession(configuration: configuration, delegate: RefuseRedirects(), delegateQueue: nil)
    }()
}

/// Keeps a forge request on the forge: the token is never carried to wherever a redirect points.
private final class RefuseRedirects: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse, newRequest request: URLRequest,
        completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: String) -> String { hasSuffix(suffix) ? String(dropLast(suffix.count)) : self }
}
