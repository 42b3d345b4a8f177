import AsyncHTTPClient
import Foundation
import TestSupport
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// Sends JSON requests to the services' public APIs, as the portal, the call-centre screen and
/// the staff tools do: over HTTP, with nothing of the services' code.
public struct HTTPCaller: Sendable {
    public init() {}

    /// `method url`, with `json` as the body when given and `token` as a Bearer token.
    public func call(
        _ method: HTTPMethod, _ url: String, json: Any? = nil, token: String? = nil, headers: [String: String] = [:]
    ) async throws -> HTTPAnswer {
        try await call(method, url, body: json.map { try JSONSerialization.data(withJSONObject: $0) },
                       token: token, headers: headers)
    }

    /// `method url` with a raw body (malformed JSON, oversized bodies).
    public func call(
        _ method: HTTPMethod, _ url: String, body: Data?, token: String? = nil, headers: [String: String] = [:]
    ) async throws -> HTTPAnswer {
        var request = HTTPClientRequest(url: url)
        request.method = method
        if let body {
            // JSON unless the caller names the body's type (a multipart upload).
            if !headers.keys.contains(where: { $0.lowercased() == "content-type" }) {
                request.headers.add(name: "Content-Type", value: "application/json")
            }
            request.body = .bytes(ByteBuffer(data: body))
        }
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        // A caller's header replaces the default (a form's `Content-Type`).
        for (name, value) in headers { request.headers.replaceOrAdd(name: name, value: value) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let buffer = try await response.body.collect(upTo: 8 << 20)
        let headers = Dictionary(grouping: response.headers, by: { $0.name.lowercased() }).mapValues { $0.map(\.value) }
        return HTTPAnswer(status: Int(response.status.code), location: response.headers.first(name: "Location"),
                          body: Data(buffer: buffer), headers: headers)
    }
}
