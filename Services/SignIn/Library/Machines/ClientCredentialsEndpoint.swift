import Foundation
import Hummingbird
import ServiceKit
import WebPages

/// `POST /oauth/token`: the client-credentials grant (RFC 6749 §4.4) by which a service
/// account gets an access token, the same kind of token a person's sign-in gives, with the
/// account's roles and unit, for `STAFF_ACCESS_TOKEN_LIFETIME`.
///
/// The client authenticates with HTTP Basic (`client_id:client_secret`, RFC 6749 §2.3.1) or
/// with `client_id` and `client_secret` in the form; errors are RFC 6749 §5.2's JSON.
struct ClientCredentialsEndpoint: Sendable {
    static let path = "/oauth/token"

    let accounts: ServiceAccountBook
    let tokens: AccessTokens
    let store: ServiceStore
    let now: @Sendable () -> Date

    func register(on router: Router<ServiceRequestContext>) {
        router.post(RouterPath(String(Self.path.dropFirst()))) { request, _ in
            try await grant(request, form: try await WebForm.read(request))
        }
    }

    private func grant(_ request: Request, form: WebForm) async throws -> Response {
        guard form["grant_type"] == "client_credentials" else {
            return try Self.error(form["grant_type"] == nil ? "invalid_request" : "unsupported_grant_type", status: .badRequest)
        }
        guard let (clientId, secret) = Self.credentials(request, form: form) else {
            return try Self.error("invalid_client", status: .unauthorized)
        }
        let accounts = accounts
        guard let account = try await store.database.read({ db in
            try accounts.authenticate(clientId: clientId, secret: secret, in: db)
        }) else { return try Self.error("invalid_client", status: .unauthorized) }
        let at = now()
        let (token, expiresAt) = try await tokens.issue(for: account, at: at)
        return try Response.json(TokenAnswer(access_token: token, token_type: "Bearer",
                                             expires_in: Int(expiresAt.timeIntervalSince(at).rounded(.down))),
                                 headers: [.cacheControl: "no-store"])
    }

    /// The client id and secret of HTTP Basic, else of the form.
    private static func credentials(_ request: Request, form: WebForm) -> (String, String)? {
        if let header = request.headers[.authorization], header.lowercased().hasPrefix("basic ") {
            guard let decoded = Data(base64Encoded: String(header.dropFirst("basic ".count)))
                .flatMap({ String(data: $0, encoding: .utf8) }),
                let colon = decoded.firstIndex(of: ":") else { return nil }
            // RFC 6749 §2.3.1: both parts are form-encoded before they are joined.
            let id = String(decoded[..<colon]).removingPercentEncoding ?? ""
            let secret = String(decoded[decoded.index(after: colon)...]).removingPercentEncoding ?? ""
            return id.isEmpty || secret.isEmpty ? nil : (id, secret)
        }
        guard let id = form.text("client_id"), let secret = form.text("client_secret") else { return nil }
        return (id, secret)
    }

    /// RFC 6749 §5.2's error answer; `invalid_client` asks for HTTP Basic, as §5.2 says.
    private static func error(_ code: String, status: HTTPResponse.Status) throws -> Response {
        var headers: HTTPFields = [.cacheControl: "no-store"]
        if status == .unauthorized { headers[.wwwAuthenticate] = #"Basic realm="signin""# }
        return try Response.json(["error": code], status: status, headers: headers)
    }

    /// RFC 6749 §5.1's answer, its names as the RFC spells them.
    private struct TokenAnswer: Encodable {
        let access_token: String
        let token_type: String
        let expires_in: Int
    }
}
