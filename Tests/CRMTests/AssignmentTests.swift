import Contracts
import Foundation
import StaffAuth
import TestSupport
import Testing

/// A branch head gives a ticket to an officer of the branch, as the staff directory
/// (`deploy/directory/staff.ldif`, started by `scripts/test.sh`) has them, and may re-assign
/// it; the officer finds it in their own list.
@Suite(.enabled(if: StaffDirectoryUnderTest.isRunning, "STAFF_DIRECTORY_URL is unset: run scripts/test.sh"))
struct AssignmentTests {
    static let code = "PC05TK-250908-000001"
    static let path = "api/v1/tickets/CRM-\(code)/assignment"

    @Test func theBranchHeadAssignsAndReassignsToOfficersOfTheBranchOnly() async throws {
        try await CRMHarness.run(at: vietnamTime("2025-09-08 10:00")) { crm in
            _ = try await ContractFlowTests.openTicket(crm, Self.code)
            let head = try await crm.token(.branchHead, unit: "PC05TK", staffId: "tk-gd-01")

            let nobody = try await crm.get(Self.path, token: head).expect(200)
            #expect(nobody["officerId"] == nil)

            let elsewhere = try await crm.post(Self.path, ["officerId": "ha-cs-01"], token: head)
            #expect(elsewhere.status == 422, "an officer of another branch cannot be assigned")
            #expect(try elsewhere.errorFields() == ["officerId"])
            #expect(try elsewhere.englishMessage() == "The officer must be a customer-service officer of the ticket's branch")
            #expect(try await crm.post(Self.path, ["officerId": "tk-kt-01"], token: head).status == 422,
                    "a field technician of the branch is no customer-service officer")
            #expect(try await crm.post(Self.path, ["officerId": "no-such-person"], token: head).status == 422)
            #expect(try await crm.post(Self.path, ["officerId": " "], token: head).errorFields() == ["officerId"])
            let officer = try await crm.token(unit: "PC05TK", staffId: "tk-cs-01")
            #expect(try await crm.post(Self.path, ["officerId": "tk-cs-01"], token: officer).status == 403,
                    "an officer does not assign")
            let otherHead = try await crm.token(.branchHead, unit: "PC05HA", staffId: "ha-gd-01")
            #expect(try await crm.post(Self.path, ["officerId": "tk-cs-01"], token: otherHead).status == 403)
            #expect(try await crm.count("crm_assignments") == 0)
            #expect(try await Self.listedOfficer(crm, token: officer) == .some(nil), "nobody works it yet")

            let assigned = try await crm.post(Self.path, ["officerId": "tk-cs-01"], token: head).expect(200)
            #expect(assigned["officerId"] as? String == "tk-cs-01")
            crm.clock.set(vietnamTime("2025-09-08 11:00"))
            let reassigned = try await crm.post(Self.path, ["officerId": "tk-cs-02"], token: head).expect(200)
            #expect(reassigned["officerId"] as? String == "tk-cs-02")
            let history = try #require(reassigned["history"] as? [[String: Any]])
            #expect(history.map { $0["officerId"] as? String } == ["tk-cs-01", "tk-cs-02"])
            #expect(history.map { $0["assignedBy"] as? String } == ["tk-gd-01", "tk-gd-01"])

            let timeline = try #require(try await crm.timeline(of: Self.code))
            #expect(timeline.steps.filter { $0.label.en == "Ticket assigned to an officer" }.count == 2)

            let theirs = try await crm.get("api/v1/tickets?assignedTo=tk-cs-02", token: officer).json()
            #expect((theirs["tickets"] as? [[String: Any]])?.map { $0["ticketId"] as? String } == ["CRM-\(Self.code)"])
            let former = try await crm.get("api/v1/tickets?assignedTo=tk-cs-01", token: officer).json()
            #expect((former["tickets"] as? [[String: Any]])?.isEmpty == true)
            #expect(try await Self.listedOfficer(crm, token: officer) == "tk-cs-02")
        }
    }

    /// A branch head who corrects an assignment at once: the re-assignment, in the same second
    /// (the clock stands still), is a step of the request's timeline of its own.
    @Test func aReassignmentInTheSameSecondIsAStepOfItsOwn() async throws {
        try await CRMHarness.run(at: vietnamTime("2025-09-08 10:00")) { crm in
            _ = try await ContractFlowTests.openTicket(crm, Self.code)
            let head = try await crm.token(.branchHead, unit: "PC05TK", staffId: "tk-gd-01")
            _ = try await crm.post(Self.path, ["officerId": "tk-cs-01"], token: head).expect(200)
            _ = try await crm.post(Self.path, ["officerId": "tk-cs-02"], token: head).expect(200)
            let timeline = try #require(try await crm.timeline(of: Self.code))
            #expect(timeline.steps.filter { $0.label.en == "Ticket assigned to an officer" }.count == 2)
            #expect(try await Self.listedOfficer(crm, token: head) == "tk-cs-02",
                    "of two assignments in one second, the later one holds")
        }
    }

    /// The officer the ticket's line names in the list looked up by its request code; `.some(nil)`
    /// when the line names none, nil when there is no line.
    static func listedOfficer(_ crm: CRMHarness, token: String) async throws -> String?? {
        let list = try await crm.get("api/v1/tickets?requestCode=\(code)", token: token).json()
        return (list["tickets"] as? [[String: Any]])?.first.map { $0["assignedTo"] as? String }
    }

    @Test func theTicketPageAssignsAndTheOfficerSeesTheTicketInTheirOwnList() async throws {
        try await CRMHarness.run(at: vietnamTime("2025-09-08 10:00")) { crm in
            _ = try await ContractFlowTests.openTicket(crm, Self.code)
            let head = try await crm.token(.branchHead, unit: "PC05TK", staffId: "tk-gd-01")
            let form = ["Content-Type": "application/x-www-form-urlencoded"]

            let refused = try await crm.call("POST", "phieu/CRM-\(Self.code)/assignment", body: Data("officerId=ha-cs-01".utf8),
                                             headers: form.merging(["Cookie": "staff_token=\(head)"]) { $1 })
            #expect(refused.status == 422)
            #expect(String(decoding: refused.body, as: UTF8.self)
                .contains("Người được giao phải là nhân viên chăm sóc khách hàng của điện lực quản lý phiếu"))

            let posted = try await crm.call("POST", "phieu/CRM-\(Self.code)/assignment", body: Data("officerId=tk-cs-02".utf8),
                                            headers: form.merging(["Cookie": "staff_token=\(head)"]) { $1 })
            #expect(posted.status == 200, "the form's 303 leads back to the ticket page")
            let page = String(decoding: posted.body, as: UTF8.self)
            #expect(PageElement(id: "officer", in: page)?.inner == "tk-cs-02")
            #expect(PageElement(id: "assign", in: page) != nil)

            for (staffId, listed) in [("tk-cs-02", true), ("tk-cs-01", false)] {
                let token = try await crm.token(unit: "PC05TK", staffId: staffId)
                let list = String(decoding: try await crm.call("GET", "phieu?cua-toi=1",
                                                               headers: ["Cookie": "staff_token=\(token)"]).body,
                                  as: UTF8.self)
                #expect(list.contains("data-code=\"\(Self.code)\"") == listed, "\(staffId)'s own list")
                let ticketPage = String(decoding: try await crm.call("GET", "phieu/CRM-\(Self.code)",
                                                                     headers: ["Cookie": "staff_token=\(token)"]).body,
                                        as: UTF8.self)
                #expect(PageElement(id: "assign", in: ticketPage) == nil, "an officer is offered no assignment form")
            }

            // Thursday 11 September, the ticket's due date: the officer's own list says so.
            func ownList() async throws -> String {
                let officer = try await crm.token(unit: "PC05TK", staffId: "tk-cs-02")
                return String(decoding: try await crm.call("GET", "phieu?cua-toi=1", headers: ["Cookie": "staff_token=\(officer)"]).body,
                       as: UTF8.self)
            }
            #expect(PageElement(id: "deadline-alert", in: try await ownList()) == nil, "nothing is due on Monday")
            crm.clock.set(vietnamTime("2025-09-11 08:00"))
            #expect(PageElement(id: "deadline-alert", in: try await ownList())?.inner
                    == "Phiếu được giao cho bạn đến hạn hôm nay hoặc đã quá hạn: \(Self.code)")
        }
    }
}
