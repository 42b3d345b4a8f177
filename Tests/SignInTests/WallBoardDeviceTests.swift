import Foundation
import Hummingbird
import SignIn
import StaffAuth
import TestSupport
import Testing

/// A branch head enrols the branch's wall board once; the device renews read-only tokens of
/// its branch until the branch head revokes it.
@Suite(.enabled(if: SignInUnderTest.directoryIsUp, SignInUnderTest.directoryMissing))
struct WallBoardDeviceTests {
    let signIn: SignInUnderTest

    init() throws {
        signIn = try SignInUnderTest()
    }

    /// The enrolment link of a device `name` that `head` makes on the devices page.
    private static func enrolmentLink(by head: inout Browser, name: String) async throws -> String {
        let page = try await head.post("/thiet-bi", form: ["name": name])
        #expect(page.status == .ok)
        guard let start = page.body.range(of: #"id="enrolment-link" href=""#),
              let end = page.body[start.upperBound...].firstIndex(of: "\"") else {
            Issue.record("no enrolment link on the page")
            return ""
        }
        return String(page.body[start.upperBound..<end]).replacingOccurrences(of: "&#61;", with: "=")
    }

    @Test func anEnrolledDeviceRenewsWallBoardTokensOfItsBranchOnly() async throws {
        let (enrolment, renewal) = try await signIn.browse { head in
            _ = try await head.signIn("tk-gd-01")
            let link = try await Self.enrolmentLink(by: &head, name: "TV quầy giao dịch")
            var tv = Browser(client: head.client)
            let enrolment = try await tv.get(link)
            return (enrolment, try await tv.get("/gia-han?next=\(Self.board)"))
        }
        #expect(enrolment.status == .seeOther)
        #expect(enrolment.location == "/gia-han?next=\(Self.board)")
        #expect(enrolment.attributes(of: SessionCookies.device).isSuperset(of: ["httponly", "samesite=strict", "path=/",
                                                                                 "max-age=31536000"]))
        #expect(renewal.location == "http://localhost:8081/bang-tin")
        let claims = try await signIn.claims(of: renewal.value(of: SessionCookies.token), for: "crm")
        #expect(claims.roles == [.wallBoard])
        #expect(claims.unit == "PC05TK")
    }

    @Test func anEnrolmentLinkWorksOnceAndOnlyForThirtyMinutes() async throws {
        let clock = signIn.clock
        let (second, late) = try await signIn.browse { head in
            _ = try await head.signIn("tk-gd-01")
            let used = try await Self.enrolmentLink(by: &head, name: "TV 1")
            let unused = try await Self.enrolmentLink(by: &head, name: "TV 2")
            var tv = Browser(client: head.client)
            _ = try await tv.get(used)
            var other = Browser(client: head.client)
            let second = try await other.get(used)
            clock.advance(30 * 60 + 1)
            return (second, try await other.get(unused))
        }
        for refused in [second, late] {
            #expect(refused.status == .gone)
            #expect(refused.value(of: SessionCookies.device) == nil)
        }
    }

    @Test func aRevokedDeviceIsRefusedItsNextToken() async throws {
        let (list, renewal) = try await signIn.browse { head in
            _ = try await head.signIn("tk-gd-01")
            let link = try await Self.enrolmentLink(by: &head, name: "TV quầy giao dịch")
            var tv = Browser(client: head.client)
            _ = try await tv.get(link)
            let page = try await head.get("/thiet-bi?lang=en")
            let id = try #require(page.body.range(of: #"action="/thiet-bi/"#).map { start in
                String(page.body[start.upperBound...].prefix { $0 != "/" })
            })
            #expect(try await head.post("/thiet-bi/\(id)/thu-hoi", form: [:]).location == "/thiet-bi")
            return (try await head.get("/thiet-bi?lang=en"), try await tv.get("/gia-han?next=\(Self.board)"))
        }
        #expect(list.body.contains("Revoked"))
        #expect(renewal.location?.hasPrefix("/dang-nhap") == true)
        #expect(renewal.attributes(of: SessionCookies.token).contains("max-age=0"))
        #expect(renewal.attributes(of: SessionCookies.device).contains("max-age=0"))
    }

    @Test func onlyABranchHeadEnrolsAndOnlyTheirOwnBranchsDevicesAreListedAndRevoked() async throws {
        let (officer, otherHead, revokeElsewhere) = try await signIn.browse { head in
            _ = try await head.signIn("tk-gd-01")
            _ = try await Self.enrolmentLink(by: &head, name: "TV PC05TK")
            let page = try await head.get("/thiet-bi")
            let id = page.body.range(of: #"action="/thiet-bi/"#).map { start in
                String(page.body[start.upperBound...].prefix { $0 != "/" })
            } ?? ""
            var officer = Browser(client: head.client)
            _ = try await officer.signIn("tk-cs-01")
            var other = Browser(client: head.client)
            _ = try await other.signIn("ha-gd-01")
            _ = try await other.post("/thiet-bi/\(id)/thu-hoi", form: [:])
            return (try await officer.post("/thiet-bi", form: ["name": "TV"]), try await other.get("/thiet-bi"),
                    try await head.get("/thiet-bi?lang=en"))
        }
        #expect(officer.status == .forbidden)
        #expect(!otherHead.body.contains("TV PC05TK"))
        #expect(revokeElsewhere.body.contains("Awaiting enrolment"))
    }

    static let board = "http%3A%2F%2Flocalhost%3A8081%2Fbang%2Dtin"
}
