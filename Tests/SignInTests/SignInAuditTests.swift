import Foundation
import Hummingbird
import SignIn
import StaffAuth
import TestSupport
import Testing

/// Every sign-in, failure, lock-out, refused renewal and sign-out is recorded, sealed at rest,
/// masked in logs, and read by a branch head for their unit and by corporation staff for all.
@Suite(.enabled(if: SignInUnderTest.directoryIsUp, SignInUnderTest.directoryMissing))
struct SignInAuditTests {
    let signIn: SignInUnderTest

    init() throws {
        signIn = try SignInUnderTest()
    }

    /// Signs in and out in PC05TK, fails in PC05TK and PC05HA, locks an unknown account out,
    /// and presents an ended session for renewal.
    private func history() async throws {
        let clock = signIn.clock
        try await signIn.browse { browser in
            _ = try await browser.signIn("tk-cs-01")
            let session = browser.cookies
            clock.advance(60)
            _ = try await browser.post("/dang-xuat", form: [:])
            browser.cookies = session
            clock.advance(60)
            _ = try await browser.get("/gia-han")
            clock.advance(60)
            _ = try await browser.signIn("ha-cs-01", password: "guess")
            for _ in 1...5 { _ = try await browser.signIn("no-such-person", password: "guess") }
            clock.advance(60)
            _ = try await browser.signIn("no-such-person", password: "guess")
        }
    }

    /// The events `token` reads from the API: status and each event's outcome, username, unit, client.
    private func read(with token: String?) async throws -> (HTTPResponse.Status, [[String: String]]) {
        try await signIn.browse { browser in
            let answer = try await browser.get(SignInAuditTests.api, bearer: token)
            guard answer.status == .ok else { return (answer.status, []) }
            let json = try JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as! [String: Any]
            let events = (json["events"] as! [[String: Any]]).map { event in
                ["outcome": event["outcome"] as! String, "username": event["username"] as! String,
                 "unit": event["unit"] as? String ?? "", "clientAddress": event["clientAddress"] as! String]
            }
            return (answer.status, events)
        }
    }

    static let api = "/api/v1/sign-in-events"

    @Test func corporationStaffReadEveryEventNewestFirst() async throws {
        try await history()
        let (status, events) = try await read(with: signIn.token([.callCentre], unit: "CORP"))
        #expect(status == .ok)
        #expect(events.map { $0["outcome"]! } == [
            "refused_while_locked_out", "locked_out", "failed", "failed", "failed", "failed", "failed",
            "renewal_refused", "signed_out", "signed_in",
        ])
        #expect(events.map { $0["username"]! } == Array(repeating: "no-such-person", count: 6)
            + ["ha-cs-01", "tk-cs-01", "tk-cs-01", "tk-cs-01"])
        #expect(events[6]["unit"] == "PC05HA")
        #expect(events.allSatisfy { $0["clientAddress"] == "unknown" })
    }

    @Test func aBranchHeadReadsTheirUnitsEventsOnly() async throws {
        try await history()
        let (status, events) = try await read(with: signIn.token([.branchHead], unit: "PC05TK"))
        #expect(status == .ok)
        #expect(events.map { $0["outcome"]! } == ["renewal_refused", "signed_out", "signed_in"])
        #expect(events.allSatisfy { $0["unit"] == "PC05TK" })
    }

    @Test(arguments: [StaffRole.customerService, .callCentre, .householdsSupervisor, .dispatcher])
    func branchStaffOtherThanTheHeadAreRefused(role: StaffRole) async throws {
        #expect(try await read(with: signIn.token([role], unit: "PC05TK")).0 == .forbidden)
    }

    @Test func withoutATokenTheAPIAnswers401() async throws {
        #expect(try await read(with: nil).0 == .unauthorized)
    }

    @Test func theAuditPageShowsABranchHeadTheirUnitAndRefusesTheirStaff() async throws {
        try await history()
        let (head, officer) = try await signIn.browse { browser in
            _ = try await browser.signIn("tk-gd-01")
            #expect(try await browser.get("/").body.contains(#"href="/nhat-ky""#))
            let head = try await browser.get("/nhat-ky?lang=en")
            var officer = Browser(client: browser.client)
            _ = try await officer.signIn("tk-cs-02")
            #expect(try await !officer.get("/").body.contains(#"href="/nhat-ky""#))
            return (head, try await officer.get("/nhat-ky"))
        }
        #expect(head.status == .ok)
        #expect(head.body.contains("tk-cs-01"))
        #expect(head.body.contains("Signed out"))
        #expect(!head.body.contains("ha-cs-01"))
        #expect(!head.body.contains("no-such-person"))
        #expect(officer.status == .forbidden)
        #expect(officer.body.contains("Chỉ giám đốc điện lực"))
    }

    /// A username as typed may be a password typed in the wrong field: it is sealed, and only the
    /// directory uid of a known account (every token carries it) is kept in plain text.
    @Test func typedUsernamesAreSealedAtRestAndMaskedInLogs() async throws {
        try await history()
        #expect(try StoreFileScan.plainTexts(["no-such-person"], in: signIn.host.context.store.database).isEmpty)
        let lines = signIn.logs.all.filter { $0.message.contains("sign") }
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { line in !line.metadata.values.contains { $0.contains("no-such-person") || $0.contains("ha-cs-01") } })
        #expect(signIn.logs.contains("staff sign-in failed", where: "username", is: "ha***"))
    }
}
