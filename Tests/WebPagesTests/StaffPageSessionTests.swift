import Foundation
import Hummingbird
import HummingbirdTesting
import ServiceKit
import StaffAuth
import StaffTokenIssuing
import TestSupport
import Testing
import WebPages

/// A staff page serves the visitor the staff sign-in signed in; a visitor without a token it
/// accepts is sent to the sign-in's renewal and comes back to this very page; one whose roles
/// the page does not serve is told which roles it needs, and is not sent round again.
@Suite struct StaffPageSessionTests {
    static let service = "crm"
    static let signIn = "https://dang-nhap.evn.example.vn"
    let issuer = StaffTokenIssuer(signingKey: .development, issuer: "staff-page-test")
    let verifier = StaffTokenVerifier(
        keys: .development, policy: StaffTokenPolicy(issuer: "staff-page-test", audience: service, clockSkew: 0,
                                                      maxLifetime: 3600))

    private func token(_ roles: Set<StaffRole>, expiresIn lifetime: TimeInterval = 3600) async throws -> String {
        try await issuer.issue(StaffClaims(staffId: "tk-cs-014", roles: roles, unit: "PC05TK",
                                           expiresAt: Date().addingTimeInterval(lifetime)),
                               audience: [Self.service])
    }

    /// `GET uri` on a page for customer-service staff at `http://localhost`, with `cookie`.
    private func visit(_ uri: String, cookie: String? = nil) async throws
        -> (status: Int, location: String?, body: String) {
        let router = Router(context: ServiceRequestContext.self)
        let session = try StaffPageSession(verifier: verifier, signInURL: Self.signIn + "/")
        let pages = try WebPages(["page": "<p id=\"content\">{{content}}</p>"])
        router.get("phieu/:ticketId") { request, context in
            let staff = try await session.visitor(request, context, for: .tickets)
            return pages.render("page", title: "Phiếu", for: request, language: PageLanguage(request),
                                context: ["content": "ticket of \(staff.claims.unit)"], staff: staff)
        }
        var fields = HTTPFields()
        fields[.cookie] = cookie
        let headers = fields
        return try await Application(router: router).test(.router) { client in
            try await client.execute(uri: uri, method: .get, headers: headers) { response in
                (Int(response.status.code), response.headers[.location], String(buffer: response.body))
            }
        }
    }

    /// The `next` of a renewal address, decoded.
    private func next(of location: String?) throws -> String? {
        let location = try #require(location)
        #expect(location.hasPrefix("\(Self.signIn)/gia-han?next="), "sent to the sign-in's renewal, not a page here")
        return URLComponents(string: location)?.queryItems?.first { $0.name == "next" }?.value
    }

    @Test func aVisitorWithoutATokenIsSentToRenewalAndBackToThisPage() async throws {
        let page = "/phieu/CRM-PC05TK-261203-000001?lang=en&trang=2"
        let answer = try await visit(page)
        #expect(answer.status == 303)
        #expect(try next(of: answer.location) == "http://localhost\(page)")
    }

    @Test func theNextAddressIsOneQueryValueHoweverThePageIsWritten() async throws {
        let page = "/phieu/T-1?a=1&next=https://evil.example&ten=Nguy%E1%BB%85n%20An"
        let answer = try await visit(page)
        let location = try #require(answer.location)
        #expect(URLComponents(string: location)?.queryItems?.map(\.name) == ["next"])
        #expect(try next(of: location) == "http://localhost\(page)")
    }

    @Test(arguments: ["expired", "forged", "garbage"])
    func aTokenThisServiceDoesNotAcceptIsSentToRenewal(kind: String) async throws {
        let token = switch kind {
        case "expired": try await token([.customerService], expiresIn: -60)
        case "forged": try await StaffTokenIssuer(signingKey: .generate(id: StaffTokenSigningKey.development.id),
                                                  issuer: "staff-page-test")
            .issue(StaffClaims(staffId: "x", roles: [.customerService], unit: "CORP", expiresAt: Date().addingTimeInterval(600)),
                   audience: [Self.service])
        default: "not-a-token"
        }
        let answer = try await visit("/phieu/T-1", cookie: "staff_token=\(token)")
        #expect(answer.status == 303)
        #expect(try next(of: answer.location) == "http://localhost/phieu/T-1")
    }

    @Test func aVisitorOfAnotherRoleGetsTheForbiddenPageNamingTheRolesNotARedirect() async throws {
        let answer = try await visit("/phieu/T-1", cookie: "staff_token=\(try await token([.callCentre]))")
        #expect(answer.status == 403)
        #expect(answer.location == nil, "no redirect, so no loop through the sign-in")
        let needed = try #require(PageElement(id: "needed-roles", in: answer.body)).inner
        #expect(needed.contains("customer_service") && needed.contains("Giao dịch khách hàng"))
        #expect(!needed.contains("call_centre"))
        #expect(answer.body.contains(#"<form class="signed-in" method="post" action="\#(Self.signIn)/dang-xuat">"#))
        #expect(PageElement(id: "sign-out", in: answer.body) != nil)
        #expect(!answer.body.contains("ticket of"), "the page itself is not shown")
    }

    @Test func theForbiddenPageSpeaksEnglishOnTheSwitch() async throws {
        let answer = try await visit("/phieu/T-1?lang=en", cookie: "staff_token=\(try await token([.dispatcher]))")
        #expect(answer.status == 403)
        #expect(answer.body.contains("This page is for staff holding one of these roles"))
        #expect(try #require(PageElement(id: "needed-roles", in: answer.body)).inner.contains("Customer service"))
    }

    @Test func aSignedInVisitorSeesThePageWithWhoTheyAreAndTheSignOutButton() async throws {
        let answer = try await visit("/phieu/T-1", cookie: "staff_token=\(try await token([.customerService, .meterStock]))")
        #expect(answer.status == 200)
        #expect(PageElement(id: "content", in: answer.body)?.inner == "ticket of PC05TK")
        let who = try #require(PageElement(id: "signed-in-as", in: answer.body)).inner
        #expect(who.contains("tk-cs-014") && who.contains("PC05TK") && who.contains("Giao dịch khách hàng"))
        #expect(answer.body.contains(#"action="\#(Self.signIn)/dang-xuat""#))
    }
}
