import Foundation
import Hummingbird
import Logging
import ServiceKit
import WebPages

/// `POST /oauth/token`: the client-credentials grant (RFC 6749 §4.4) by which a service
/// account gets an access token, the same kind of token a person's sign-in gives, with the
/// account's roles and unit, for `STAFF_ACCESS_TOKEN_LIFETIME`.
///
/// The client authenticates with HTTP Basic (`client_id:client_secret`, RFC 6749 §2.3.1) or
/// with `client_id` and `client_secret` in the form; errors are RFC 6749 §5.2's JSON. Grants and
/// refusals go into the sign-in audit under the client id, and count towards the same
/// lock-outs as people's sign-ins: a locked-out client id or address gets `invalid_client`
/// whatever its secret.
struct ClientCredentialsEndpoint: Sendable {
    static let path = "/oauth/token"

    let accounts: ServiceAccountBook
    let ledger: SignInLedger
    let tokens: AccessTokens
    let writer: GroupCommitWriter
    let proxies: TrustedProxies
    let clock: WallClock
    let logger: Logger

    func register(on router: Router<ServiceRequestContext>) {
        router.post(RouterPath(String(Self.path.dropFirst()))) { request, context in
            try await grant(request, form: try await WebForm.read(request),
                            client: ClientOrigin(request, context: context, trusting: proxies).address)
        }
    }

    private func grant(_ request: Request, form: WebForm, client: String) async throws -> Response {
        guard form["grant_type"] == "client_credentials" else {
            return try Self.error(form["grant_type"] == nil ? "invalid_request" : "unsupported_grant_type", status: .badRequest)
        }
        guard let (clientId, secret) = Self.credentials(request, form: form) else {
            return try Self.error("invalid_client", status: .unauthorized)
        }
        let (accounts, ledger, at) = (accounts, ledger, clock.preciseNow())
        let attempt = SignInEvent(at: at, outcome: .failed, username: clientId, staffId: nil, unit: nil, clientAddress: client)
        let (granted, outcome) = try await writer.write { db -> (ServiceAccount?, SignInOutcome) in
            if try ledger.isLockedOut(username: clientId, client: client, at: at, in: db) {
                try ledger.record(attempt.with(outcome: .refusedWhileLockedOut), in: db)
                return (nil, .refusedWhileLockedOut)
            }
            guard let account = try accounts.authenticate(clientId: clientId, secret: secret, in: db) else {
                return (nil, try ledger.recordFailure(attempt, in: db))
            }
            try ledger.record(SignInEvent(at: at, outcome: .signedIn, username: clientId, staffId: clientId,
                                          unit: account.unit, clientAddress: client), in: db)
            return (account, .signedIn)
        }
        guard let account = granted else {
            logger.info("service account refused", metadata: [
                "outcome": "\(outcome.rawValue)", "username": "\(attempt.maskedUsername)",
                "client": "\(attempt.maskedClientAddress)",
            ])
            return try Self.error("invalid_client", status: .unauthorized)
        }
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
