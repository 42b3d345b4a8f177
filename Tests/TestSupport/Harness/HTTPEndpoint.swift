import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The session every test call goes through. It neither keeps nor sends cookies: with the
/// shared session, a cookie one test's answer set for 127.0.0.1 (`lang`, whatever the port)
/// took the place of the `Cookie` header another test sent (its `staff_token`), so a staff page
/// answered with the sign-in page depending on which tests ran before. A test that needs a
/// cookie sends it.
private let cookieFreeSession: URLSession = {
    let configuration = URLSessionConfiguration.ephemeral
    configuration.httpShouldSetCookies = false
    configuration.httpCookieAcceptPolicy = .never
    configuration.httpCookieStorage = nil
    return URLSession(configuration: configuration)
}()

/// Something that answers HTTP at `baseURL`: a service a test started, or a second HTTP front
/// on the same service. The calls go through `URLSession`, with none of the services' code.
public protocol HTTPEndpoint: Sendable {
    /// `http://127.0.0.1:<port>`.
    var baseURL: URL { get }
}

extension HTTPEndpoint {
    /// `method path` (relative to ``baseURL``, query allowed), with `token` as a Bearer token.
    public func call(_ method: String, _ path: String, body: Data? = nil, token: String? = nil,
                     headers: [String: String] = [:]) async throws -> HTTPAnswer {
        guard let url = URL(string: path, relativeTo: baseURL) else { throw FixtureError("not a path: \(path)") }
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.httpBody = body
        if body != nil { request.setValue("application/json", forHTTPHeaderField: "Content-Type") }
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await cookieFreeSession.data(for: request)
        let http = response as? HTTPURLResponse
        var headers: [String: [String]] = [:]
        for case let (name as String, value as String) in http?.allHeaderFields ?? [:] {
            headers[name.lowercased(), default: []].append(value)
        }
        return HTTPAnswer(status: http?.statusCode ?? 0, location: http?.value(forHTTPHeaderField: "Location"), body: data,
                          headers: headers)
    }

    /// `GET path`.
    public func get(_ path: String, token: String? = nil) async throws -> HTTPAnswer {
        try await call("GET", path, token: token)
    }

    /// `POST path` with a JSON object as the body.
    public func post(_ path: String, _ json: [String: Any] = [:], token: String? = nil,
                     headers: [String: String] = [:]) async throws -> HTTPAnswer {
        try await call("POST", path, body: try JSONSerialization.data(withJSONObject: json), token: token, headers: headers)
    }

    /// `POST path` with a body as it is (malformed JSON, oversized bodies).
    public func post(_ path: String, raw body: Data, token: String? = nil,
                     headers: [String: String] = [:]) async throws -> HTTPAnswer {
        try await call("POST", path, body: body, token: token, headers: headers)
    }

    /// Waits until `GET path` answers 200 (`readyz`: store open, broker set up); generously,
    /// since a service starting beside a whole parallel test run may take a while.
    public func waitUntilAnswering(_ path: String, _ what: String) async throws {
        try await eventually("\(what) answers \(path)", timeout: .seconds(45)) { (try? await get(path))?.status == 200 }
    }
}
