import Contracts
import Foundation
import TestSupport
import Testing

/// A branch head gives work orders and meter visits to field technicians of the branch, as the
/// staff directory (`deploy/directory/staff.ldif`, started by `scripts/test.sh`) has them, and
/// may give them to another; each technician's list then holds their own jobs.
@Suite(.enabled(if: StaffDirectoryUnderTest.isRunning, "STAFF_DIRECTORY_URL is unset: run scripts/test.sh"))
struct JobAssignmentTests {
    @Test func theBranchHeadGivesAnOrderToATechnicianOfTheBranchAndGivesItAgainKeepingTheHistory() async throws {
        try await MeteringHarness.run { metering in
            let orderId = try await metering.openOrder("PC05TK-251124-000060", serial: "TK-1P-0060")
            let path = "api/v1/work-orders/\(orderId)/assignment"
            let head = try await metering.token(.branchHead, unit: Samples.branch, staffId: "tk-gd-01")

            let officer = try await metering.post(path, ["technicianId": "tk-cs-01"], token: head)
            #expect(officer.status == 422, "a customer-service officer of the branch is no field technician")
            #expect(try officer.errorFields() == ["technicianId"])
            #expect(try officer.errorCodes() == ["technicianId.not_branch_technician"])
            #expect(try officer.englishMessage() == "The technician must be a field technician of the job's branch")
            #expect(officer.text.contains("Người được giao phải là công nhân kỹ thuật của điện lực quản lý công việc"))
            #expect(try await metering.post(path, ["technicianId": "ha-kt-01"], token: head).status == 422,
                    "a technician of another branch is not this branch's")
            #expect(try await metering.post(path, ["technicianId": "no-such-person"], token: head).status == 422)
            #expect(try await metering.post(path, ["technicianId": " "], token: head).errorFields() == ["technicianId"])
            let technician = try await metering.token(.fieldTechnician, unit: Samples.branch, staffId: "tk-kt-01")
            #expect(try await metering.post(path, ["technicianId": "tk-kt-01"], token: technician).status == 403,
                    "a technician does not give out jobs")
            let otherHead = try await metering.token(.branchHead, unit: Samples.otherBranch, staffId: "ha-gd-01")
            #expect(try await metering.post(path, ["technicianId": "tk-kt-01"], token: otherHead).status == 403)
            #expect(try await metering.count("metering_assignments") == 0)

            let given = try await metering.post(path, ["technicianId": "tk-kt-01"], token: head).expect(200)
            #expect(given["assignedTo"] as? String == "tk-kt-01")
            let again = try await metering.post(path, ["technicianId": "tk-kt-02"], token: head).expect(200)
            #expect(again["assignedTo"] as? String == "tk-kt-02")
            let history = try #require(again["history"] as? [[String: Any]])
            #expect(history.map { $0["technicianId"] as? String } == ["tk-kt-01", "tk-kt-02"])
            #expect(history.map { $0["assignedBy"] as? String } == ["tk-gd-01", "tk-gd-01"])

            let order = try await orders(metering, "?requestCode=PC05TK-251124-000060", token: technician).first
            #expect(order?["assignedTo"] as? String == "tk-kt-02")
            #expect(try await orders(metering, "?assignedTo=tk-kt-02", token: technician).map { $0["workOrderId"] as? String }
                    == [orderId])
            #expect(try await orders(metering, "?assignedTo=tk-kt-01", token: technician).isEmpty,
                    "the order given to someone else is no longer tk-kt-01's")
        }
    }

    @Test func aVisitIsGivenLikeAnOrderAndNotOnceItsResultIsRecorded() async throws {
        try await MeteringHarness.run { metering in
            let visitId = try await metering.openVisit("PC05TK-251124-000061")
            let path = "api/v1/meter-visits/\(visitId)/assignment"
            let head = try await metering.token(.branchHead, unit: Samples.branch, staffId: "tk-gd-01")
            #expect(try await metering.post(path, ["technicianId": "ha-kt-01"], token: head).errorCodes()
                    == ["technicianId.not_branch_technician"])
            let given = try await metering.post(path, ["technicianId": "tk-kt-01"], token: head).expect(200)
            #expect(given["assignedTo"] as? String == "tk-kt-01")

            let technician = try await metering.token(.fieldTechnician, unit: Samples.branch, staffId: "tk-kt-01")
            let theirs = try await metering.get("api/v1/meter-visits?assignedTo=tk-kt-01", token: technician)
                .json()["meterVisits"] as? [[String: Any]]
            #expect(theirs?.map { $0["visitId"] as? String } == [visitId])
            #expect(theirs?.first?["assignedTo"] as? String == "tk-kt-01")
            let others = try await metering.get("api/v1/meter-visits?assignedTo=tk-kt-02", token: technician)
                .json()["meterVisits"] as? [[String: Any]]
            #expect(others?.isEmpty == true)

            _ = try await metering.post("api/v1/meter-visits/\(visitId)/result", [
                "meterSerial": "VN1P-240777", "readingKWh": 1520, "measuredErrorPercent": 0.4, "accuracyClass": 1.0,
            ], token: technician).expect(200)
            let done = try await metering.post(path, ["technicianId": "tk-kt-02"], token: head)
            #expect(done.status == 409, "a visit whose result is recorded is not given to anyone any more")
            #expect(try done.errorCodes() == ["meter_visit.already_recorded"])
            #expect(try await metering.count("metering_assignments") == 1)
        }
    }

    @Test func whileTheDirectoryDoesNotAnswerNobodyIsGivenAJobAndThePageAsksForAStaffId() async throws {
        let closed = try LoopbackSocket(listening: false)
        defer { withExtendedLifetime(closed) {} }
        try await MeteringHarness.run(environment: ["STAFF_DIRECTORY_URL": "ldap://127.0.0.1:\(closed.port)"]) { metering in
            let orderId = try await metering.openOrder("PC05TK-251124-000062", serial: "TK-1P-0062")
            let head = try await metering.token(.branchHead, unit: Samples.branch, staffId: "tk-gd-01")
            let refused = try await metering.post("api/v1/work-orders/\(orderId)/assignment", ["technicianId": "tk-kt-01"],
                                                  token: head)
            #expect(refused.status == 503)
            #expect(try refused.errorCodes() == ["directory.unavailable"])
            #expect(try await metering.count("metering_assignments") == 0)

            let page = try await metering.staffPage("giao-viec", token: head)
            #expect(page.status == 200)
            let row = try #require(PageElement(id: orderId, in: page.text)).inner
            #expect(row.contains(#"<input type="text" id="\#(orderId)-technicianId" name="technicianId""#),
                    "no list of technicians to choose from: a staff-id field")
            #expect(PageElement(id: "\(orderId)-technicianId-hint", in: page.text)?.inner
                    == "Danh bạ nhân viên chưa phản hồi: nhập mã nhân viên")
        }
    }

    /// `GET /api/v1/work-orders` with `query`, as the holder of `token`.
    private func orders(_ metering: MeteringHarness, _ query: String, token: String) async throws -> [[String: Any]] {
        try #require(try await metering.get("api/v1/work-orders\(query)", token: token).json()["workOrders"] as? [[String: Any]])
    }
}
