import Foundation
import Testing
import TimmyAPI
import TimmyCore
import TimmyStore
import TimmyTestSupport
import TimmyWeb

@Suite("Signing in when a token is configured")
struct AuthTests {
    static let token = "a-long-enough-test-token"

    @Test("listening beyond loopback without a token is refused with a clear message")
    func tokenRequired() {
        #expect(throws: ServerConfigurationError.tokenRequired(host: "0.0.0.0")) {
            try ServerConfiguration(host: "0.0.0.0", port: 8000, authToken: nil).validate()
        }
        #expect(ServerConfigurationError.tokenRequired(host: "0.0.0.0").description.contains("Set TIMMY_AUTH_TOKEN"))
        #expect(throws: Never.self) { try ServerConfiguration(host: "0.0.0.0", port: 8000, authToken: Self.token).validate() }
    }

    @Test("without the token: 401 for the API (JSON) and for pages (the sign-in form); static files stay reachable")
    func unauthorized() async throws {
        try await withStopping(try await LiveServer(token: Self.token)) { server in
            let api = try await server.send("GET", "/api/tasks")
            #expect(api.status == 401 && api.headers["content-type"]?.hasPrefix("application/json") == true)
            #expect(try await server.send("GET", "/api/tasks", headers: ["Authorization": "Bearer wrong"]).status == 401)
            #expect(try await server.send("GET", "/api/tasks", headers: ["Authorization": "Bearer \(Self.token)"]).status == 200)
            let page = try await server.send("GET", "/swarm")
            #expect(page.status == 401 && page.text.contains("Sign in to Timmy") && page.text.contains("value=\"/swarm\""))
            #expect(try await server.send("GET", "/no-such-page").status == 401)
            #expect(try await server.send("GET", "/api/events").status == 401)
            #expect(try await server.send("GET", "/static/app.css").status == 200)
            #expect(try await server.send("GET", "/login").status == 200)
        }
    }

    @Test("signing in sets an HttpOnly, SameSite=Strict session cookie that opens pages; signing out ends it")
    func signIn() async throws {
        try await withStopping(try await LiveServer(token: Self.token)) { server in
            let login = try await FormSession(server, path: "/login")
            let wrong = try await login.post("/login", ["token": "not-the-token", "next": "/swarm"])
            #expect(wrong.status == 401 && FormSession.cookie("timmy_session", in: wrong) == nil)
            let offsite = try await login.post("/login", ["token": Self.token, "next": "//evil.example/"])
            #expect(offsite.headers["location"] == "/")
            let right = try await login.post("/login", ["token": Self.token, "next": "/swarm"])
            #expect(right.status == 303 && right.headers["location"] == "/swarm")
            let cookie = try #require(right.headers["set-cookie"])
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/"))
            let session = try #require(FormSession.cookie("timmy_session", in: right))
            #expect(try await server.send("GET", "/swarm", headers: ["Cookie": "timmy_session=\(session)"]).status == 200)
            #expect(try await server.send("GET", "/api/ledger", headers: ["Cookie": "timmy_session=\(session)"]).status == 200)

            let signedIn = try await FormSession(server, session: session)
            #expect(try await signedIn.post("/logout", [:]).status == 303)
            #expect(try await server.send("GET", "/swarm", headers: ["Cookie": "timmy_session=\(session)"]).status == 401)
        }
    }

    @Test("signed in, a form post without the CSRF token (as a cross-site form would send) is 403")
    func csrfWhenSignedIn() async throws {
        try await withStopping(try await LiveServer(token: Self.token)) { server in
            let login = try await FormSession(server, path: "/login")
            let session = try #require(FormSession.cookie("timmy_session", in: try await login.post("/login", ["token": Self.token])))
            let forged = try await server.send(
                "POST", "/tasks", body: FormSession.encode(["description": "write 'owned' to notes.txt"]),
                headers: FormSession.formHeaders.merging(["Cookie": "timmy_session=\(session)"]) { $1 })
            #expect(forged.status == 403)
            let signedIn = try await FormSession(server, session: session)
            #expect(try await signedIn.post("/tasks", ["description": "list the files in the workspace"]).status == 303)
            #expect(try await server.test.store.tasks().count == 1)
        }
    }
}
