import FlowDriver
import Foundation
import StaffAuth
import TestSupport
import Testing

/// The branch's desk work on tickets across the real services, with the officers as the staff
/// directory has them (`deploy/directory/staff.ldif`): the branch head gives a customer's
/// service request to an officer of the branch and then to another, each officer's own list
/// follows, and the customer reads on the tracking page that the ticket went to an officer,
/// named nowhere; an officer's call is a step the customer reads too, and on a contract
/// amendment (which has no request to track) a step of the amendment's own timeline.
@Suite(.serialized) struct TicketAssignmentFlowTests {
    @Test func theBranchHeadAssignsARequestToOfficersOfTheBranchAndTheirCallsReachTheTimelines() async throws {
        try await Platform.run("assignment", services: ["intake", "crm", "households"]) { platform in
            let customer = SampleCustomer.make(households: 1)
            let customerCode = "PC05TK0\(Int.random(in: 100_000...999_999))"
            let request = try await ServiceRequestJourney.file(
                "change_of_purpose", customerCode: customerCode, by: customer, fields: ["purpose": "business"], on: platform)
            let ticketId = try #require(try await request.ticket()["ticketId"] as? String)
            let desk = Desk(platform: platform, ticketId: ticketId)
            #expect(try await desk.ownList("tk-cs-01").contains(ticketId) == false, "nobody works a new ticket")

            let elsewhere = try await desk.assign(to: "ha-cs-01")
            #expect(elsewhere.status == 422, "an officer of Hội An does not work a Tam Kỳ ticket")
            #expect(try elsewhere.errorCodes() == ["officerId.not_branch_officer"])
            #expect(elsewhere.text.contains("Người được giao phải là nhân viên chăm sóc khách hàng của điện lực quản lý phiếu"))
            #expect(try await desk.assign(to: "tk-kt-01").status == 422, "a field technician is no customer-service officer")

            let first = try await desk.assign(to: "tk-cs-01").expect(200)
            #expect(first["officerId"] as? String == "tk-cs-01")
            #expect(try await desk.ownList("tk-cs-01") == [ticketId])
            #expect(try await desk.ownList("tk-cs-02").contains(ticketId) == false, "another officer's list")

            let second = try await desk.assign(to: "tk-cs-02").expect(200)
            #expect(second["officerId"] as? String == "tk-cs-02")
            let history = try #require(second["history"] as? [[String: Any]])
            #expect(history.map { $0["officerId"] as? String } == ["tk-cs-01", "tk-cs-02"])
            #expect(history.map { $0["assignedBy"] as? String } == ["tk-gd-01", "tk-gd-01"])
            #expect(try await desk.ownList("tk-cs-02") == [ticketId])
            #expect(try await desk.ownList("tk-cs-01").isEmpty, "the first officer no longer works it")

            // The customer reads each assignment (even one corrected in the same second), by no name.
            let steps = try await request.timeline(showing: "Đã giao phiếu cho nhân viên xử lý", in: "vi")
            #expect(steps.filter { $0 == "Đã giao phiếu cho nhân viên xử lý" }.count == 2)
            let tracked = String(decoding: try JSONSerialization.data(withJSONObject: try await request.track()), as: UTF8.self)
            for staffId in ["tk-cs-01", "tk-cs-02", "tk-gd-01"] {
                #expect(!tracked.contains(staffId), "the tracking page names \(staffId)")
            }

            // The officer's call on the service request: a step the customer reads.
            _ = try await desk.recordContact(on: ticketId, by: "tk-cs-02").expect(200)
            #expect(try await request.timeline(showing: "Nhân viên đã liên hệ khách hàng", in: "vi")
                .last == "Nhân viên đã liên hệ khách hàng")

            // A sub-household registered at the counter: crm opens an amendment, whose call joins its own timeline.
            let office = HouseholdsOffice(platform: platform)
            let metered = "PC05TK0\(Int.random(in: 100_000...999_999))"
            try await office.importCustomer(metered, households: 2)
            let dossierId = try await office.openDossier(
                metered, holderID: SampleCustomer.freshCitizenID(), contactPhone: "0905\(Int.random(in: 100_000...999_999))",
                subHouseholds: [HouseholdsOffice.household("Trần Thị Bích", SampleCustomer.freshCitizenID(),
                                                           validUntil: "2031-12-31")])
            try await office.register(HouseholdsOffice.household("Lê Văn Cường", SampleCustomer.freshCitizenID(),
                                                                 validUntil: "2031-12-31"), on: dossierId)
            let amendmentId = try await desk.amendmentTicket(of: metered)
            #expect(try await desk.timeline(of: amendmentId).contains("Nhân viên đã liên hệ khách hàng") == false)
            _ = try await desk.recordContact(on: amendmentId, by: "tk-cs-01").expect(200)
            #expect(try await desk.timeline(of: amendmentId).last == "Nhân viên đã liên hệ khách hàng")
        }
    }

    /// The branch's people at crm's staff API, each with their own directory account.
    struct Desk {
        let platform: Platform
        /// The service request's ticket the branch head assigns.
        let ticketId: String

        private var tickets: String { "\(platform.url("crm"))/api/v1/tickets" }

        /// The branch head, `tk-gd-01`, gives the ticket to `officerId`.
        func assign(to officerId: String) async throws -> HTTPAnswer {
            let head = try await platform.staff.token(.branchHead, unit: "PC05TK", staffId: "tk-gd-01")
            return try await platform.http.call(.POST, "\(tickets)/\(ticketId)/assignment", json: ["officerId": officerId],
                                                token: head)
        }

        /// The tickets `officerId`'s own list shows, as they open it.
        func ownList(_ officerId: String) async throws -> [String] {
            let list = try await platform.http.call(.GET, "\(tickets)?assignedTo=\(officerId)",
                                                    token: try await officer(officerId)).expect(200)
            return (list["tickets"] as? [[String: Any]] ?? []).compactMap { $0["ticketId"] as? String }
        }

        /// `officerId` records their call to the customer of the ticket `id`.
        func recordContact(on id: String, by officerId: String) async throws -> HTTPAnswer {
            try await platform.http.call(.POST, "\(tickets)/\(id)/contact", json: ["note": "Đã gọi khách hàng"],
                                         token: try await officer(officerId))
        }

        /// The id of the contract-amendment ticket crm opened for `customerCode` (waits for it).
        func amendmentTicket(of customerCode: String) async throws -> String {
            var found: String?
            try await eventually("crm lists the amendment ticket of \(customerCode)") {
                let list = try await platform.http.call(.GET, tickets, token: try await officer("tk-cs-01")).json()
                found = (list["tickets"] as? [[String: Any]])?.first {
                    $0["customerCode"] as? String == customerCode && $0["kind"] as? String == "contract_amendment"
                }?["ticketId"] as? String
                return found != nil
            }
            return try #require(found)
        }

        /// The Vietnamese labels of the ticket's own timeline, as its detail shows them.
        func timeline(of id: String) async throws -> [String] {
            let detail = try await platform.http.call(.GET, "\(tickets)/\(id)", token: try await officer("tk-cs-01")).expect(200)
            return (detail["timeline"] as? [[String: Any]] ?? []).compactMap { ($0["label"] as? [String: Any])?["vi"] as? String }
        }

        private func officer(_ staffId: String) async throws -> String {
            try await platform.staff.token(.customerService, unit: "PC05TK", staffId: staffId)
        }
    }
}
