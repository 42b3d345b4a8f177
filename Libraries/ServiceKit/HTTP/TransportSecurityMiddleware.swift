import Foundation
import Hummingbird

/// Keeps a browser that reached the service over HTTPS on HTTPS.
///
/// The service speaks plain HTTP behind a TLS-terminating proxy, so it learns that the client
/// used TLS only from a trusted proxy's `X-Forwarded-Proto` (``ClientOrigin``). Every answer
/// to such a request, refusals included, carries `Strict-Transport-Security` (the browser
/// then never tries plain HTTP for a year), and every cookie it sets is marked `Secure`, so
/// a staff token or a language choice never travels unencrypted. One middleware for every
/// route and every cookie: a page added later cannot forget it.
public struct TransportSecurityMiddleware<Context: RemoteAddressRequestContext>: RouterMiddleware {
    /// One year, the value browsers' preload lists ask for.
    public static var strictTransportSecurity: String { "max-age=31536000" }

    let proxies: TrustedProxies

    public init(trusting proxies: TrustedProxies) {
        self.proxies = proxies
    }

    public func handle(_ request: Request, context: Context,
                       next: (Request, Context) async throws -> Response) async throws -> Response {
        guard ClientOrigin(request, context: context, trusting: proxies).overTLS else {
            return try await next(request, context)
        }
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        response.headers[.strictTransportSecurity] = Self.strictTransportSecurity
        response.headers[values: .setCookie] = response.headers[values: .setCookie].map(Self.secure)
        return response
    }

    /// The `Set-Cookie` line with the `Secure` attribute, added once.
    static func secure(_ line: String) -> String {
        let attributes = line.split(separator: ";").dropFirst().map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        return attributes.contains("secure") ? line : line + "; Secure"
    }
}
