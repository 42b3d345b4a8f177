import Foundation
import Hummingbird
import HummingbirdTesting
import ServiceKit
import StaffAuth
import StaffTokenIssuing
import Testing
import WebPages

/// After signing in, staff go back to the page that sent them, and only ever to a page of the
/// same service: a `next` that a browser would follow to another host signs in to `/`.
@Suite struct StaffSignInTests {
    static let service = "crm"
    let issuer = StaffTokenIssuer(signingKey: .development, issuer: "staff-sign-in-test")
    let verifier = StaffTokenVerifier(
        keys: .development, policy: StaffTokenPolicy(issuer: "staff-sign-in-test", audience: service, clockSkew: 0,
                                                      maxLifetime: 3600))

    /// Where `POST /dang-nhap` with a valid token and `next` sends the browser.
    private func destinations(_ nexts: [String]) async throws -> [String] {
        let router = Router(context: ServiceRequestContext.self)
        try StaffPageSession(verifier: verifier).register(on: router)
        let token = try await issuer.issue(StaffClaims(staffId: "tk-staff-01", roles: [.customerService], unit: "PC05TK",
                                                       expiresAt: Date().addingTimeInterval(3600)),
                                           audience: [Self.service])
        return try await Application(router: router).test(.router) { client in
            var locations: [String] = []
            for next in nexts {
                let form = "token=\(token)&next=\(next.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)"
                locations.append(try await client.execute(
                    uri: StaffPageSession.loginPath, method: .post,
                    headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: form)
                ) { response in
                    #expect(response.status == .seeOther)
                    return response.headers[.location] ?? ""
                })
            }
            return locations
        }
    }

    @Test func aPathOfThisServiceIsKeptWithItsQuery() async throws {
        let paths = ["/phieu/PC05TK-261203-000001?lang=en&trang=2", "/tim-kiem?ten=Nguy%E1%BB%85n%20An", "/"]
        #expect(try await destinations(paths) == paths)
    }

    @Test(arguments: [
        "/\\evil.example", "//evil.example", "%2F%5Cevil.example", "/%09/evil.example", "/%2F/evil.example",
        "/%5Cevil.example", "https://evil.example/dang-nhap", "http:/evil.example", "javascript:alert(1)",
        "/\t/evil.example", "/\n/evil.example", "/phieu\r\nSet-Cookie: staff_token=x", "/phieu%0D%0ASet-Cookie:%20x",
        "/\u{0}/evil.example", " /phieu", "",
    ])
    func anAddressLeadingElsewhereSignsInToTheHomePage(next: String) async throws {
        #expect(try await destinations([next]) == ["/"])
    }
}
