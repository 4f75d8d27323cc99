import Foundation
import Testing
import TimmyAPI
import TimmyCore
import TimmyStore
import TimmyTestSupport

@Suite("Dashboard pages on a real loopback server")
struct DashboardTests {
    static let pages = [
        "/", "/swarm", "/tasks", "/tasks?status=completed&page=1", "/tools", "/spark", "/spark?type=tool_executed&agent=quill", "/marketplace",
        "/ledger",
    ]

    @Test("every page renders as HTML with its heading, and a task's page shows its bids and tool call")
    func pagesRender() async throws {
        try await withStopping(try await LiveServer()) { server in
            let posted = try await server.json("POST", "/api/tasks", ["description": "list the files in the workspace", "wait": true])
            let id = try #require(posted.value["task"]?["id"]?.stringValue)
            for path in Self.pages + ["/tasks/\(id)"] {
                let page = try await server.send("GET", path)
                #expect(page.status == 200, "\(path)")
                #expect(page.headers["content-type"] == "text/html; charset=utf-8", "\(path)")
                #expect(page.text.contains("<h1"), "\(path)")
            }
            let task = try await server.send("GET", "/tasks/\(id)").text
            #expect(task.contains("list_files") && task.contains("class=\"winner\""))
            #expect(task.components(separatedBy: "data-label=\"Agent\" class=\"title\"").count - 1 == 9)
            let tools = try await server.send("GET", "/tools").text
            #expect(tools.contains("No calls yet."))
            #expect(try await server.send("GET", "/tasks?status=done").status == 422)
        }
    }

    @Test("an unknown page is a real HTML 404; an unknown id in the API is a JSON 404")
    func notFound() async throws {
        try await withStopping(try await LiveServer()) { server in
            let page = try await server.send("GET", "/no/such/page")
            #expect(page.status == 404 && page.headers["content-type"]?.hasPrefix("text/html") == true)
            #expect(page.text.contains("Page not found") && page.text.contains("/no/such/page"))
            let taskPage = try await server.send("GET", "/tasks/not-a-task")
            #expect(taskPage.status == 404 && taskPage.text.contains("no task with id"))
            let api = try await server.send("GET", "/api/tasks/not-a-task")
            #expect(api.status == 404 && api.headers["content-type"]?.hasPrefix("application/json") == true)
            let error = try JSONCoding.decoder().decode(JSONValue.self, from: api.body)
            #expect(error["error"]?["status"] == 404)
            #expect(try await server.send("GET", "/api/no-such-endpoint").headers["content-type"]?.hasPrefix("application/json") == true)
        }
    }

    @Test("every response carries the security headers: CSP without inline script, nosniff, referrer policy, no framing")
    func securityHeaders() async throws {
        try await withStopping(try await LiveServer()) { server in
            for path in ["/", "/api/tasks", "/nope", "/api/tasks/nope", "/static/app.css", "/health"] {
                let answer = try await server.send("GET", path)
                let policy = try #require(answer.headers["content-security-policy"], "\(path)")
                #expect(policy.contains("script-src 'self'") && !policy.contains("unsafe-inline") && policy.contains("frame-ancestors 'none'"))
                #expect(answer.headers["x-content-type-options"] == "nosniff", "\(path)")
                #expect(answer.headers["referrer-policy"] == "same-origin", "\(path)")
                #expect(answer.headers["x-frame-options"] == "DENY", "\(path)")
                #expect(answer.headers["cross-origin-opener-policy"] == "same-origin", "\(path)")
                #expect(
                    policy
                        == "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'", "\(path)")
            }
            let page = try await server.send("GET", "/").text
            #expect(!page.contains("<script>") && !page.contains(" onclick=") && !page.contains(" style="))
        }
    }

    @Test("static files are served from memory with an ETag, 304 when unchanged, cacheable for a year when versioned")
    func staticAssets() async throws {
        try await withStopping(try await LiveServer()) { server in
            let page = try await server.send("GET", "/").text
            let link = try #require(page.firstMatch(of: /href="(\/static\/app\.css\?v=[0-9a-f]+)"/)?.1)
            let css = try await server.send("GET", String(link))
            #expect(css.status == 200 && css.headers["content-type"] == "text/css; charset=utf-8")
            #expect(css.headers["cache-control"] == "public, max-age=31536000, immutable")
            let etag = try #require(css.headers["etag"])
            let again = try await server.send("GET", "/static/app.css", headers: ["If-None-Match": etag])
            #expect(again.status == 304 && again.body.isEmpty && again.headers["cache-control"] == "no-cache")
            #expect(try await server.send("GET", "/static/nothing.js").status == 404)
        }
    }

    @Test("the post form: 303 to the task without script, 201 JSON with script, 422 with the message when empty")
    func postForm() async throws {
        try await withStopping(try await LiveServer()) { server in
            let form = try await FormSession(server)
            let redirect = try await form.post("/tasks", ["description": "list the files in the workspace"])
            #expect(redirect.status == 303)
            let location = try #require(redirect.headers["location"])
            #expect(location.hasPrefix("/tasks/"))
            #expect(try await server.send("GET", location).status == 200)
            let scripted = try await form.post("/tasks", ["description": "read README.md"], headers: ["Accept": "application/json"])
            #expect(scripted.status == 201)
            #expect(try JSONCoding.decoder().decode(JSONValue.self, from: scripted.body)["task"]?["description"] == "read README.md")
            let empty = try await form.post("/tasks", ["description": "   "])
            #expect(empty.status == 422 && empty.text.contains("description must not be empty"))
            let emptyScripted = try await form.post("/tasks", ["description": ""], headers: ["Accept": "application/json"])
            #expect(emptyScripted.status == 422 && emptyScripted.headers["content-type"]?.hasPrefix("application/json") == true)
            #expect(try await server.test.store.tasks().count == 2)
        }
    }

    @Test("a form post without its CSRF token, with a wrong one, or from another site is 403, as is a cross-site API post")
    func csrf() async throws {
        try await withStopping(try await LiveServer()) { server in
            let form = try await FormSession(server)
            let description = ["description": "list the files in the workspace"]
            #expect(try await server.send("POST", "/tasks", body: FormSession.encode(description), headers: FormSession.formHeaders).status == 403)
            #expect(try await form.post("/tasks", description, token: String(repeating: "0", count: 64)).status == 403)
            #expect(try await form.post("/tasks", description, headers: ["Origin": "https://evil.example"]).status == 403)
            #expect(try await form.post("/tasks", description, headers: ["Sec-Fetch-Site": "cross-site"]).status == 403)
            let forged = try await server.send("POST", "/tasks", body: FormSession.encode(description), headers: FormSession.formHeaders)
            #expect(forged.status == 403 && forged.text.contains("security token"))
            let body = Data(#"{"description":"list the files in the workspace"}"#.utf8)
            let crossSiteAPI = try await server.send(
                "POST", "/api/tasks", body: body, headers: ["Content-Type": "text/plain", "Origin": "http://localhost:3000"])
            #expect(crossSiteAPI.status == 403 && crossSiteAPI.headers["content-type"]?.hasPrefix("application/json") == true)
            #expect(try await server.test.store.tasks().isEmpty)
            let sameOrigin = try await server.send("POST", "/api/tasks", body: body, headers: ["Origin": server.baseURL.absoluteString])
            #expect(sameOrigin.status == 201)
        }
    }
}
