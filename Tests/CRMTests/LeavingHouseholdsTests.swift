@testable import CRM
import Contracts
import Foundation
import Messaging
import TestSupport
import Testing

/// A landlord reports that tenants left: crm passes the leaving sub-households to households on
/// approval, records the lower count households answers as the contract's next version and
/// tells the customer the new count; or, when households does not know one, refuses the request
/// naming it.
@Suite struct LeavingHouseholdsTests {
    static let connection = "PC05TK-250908-000001"
    static let request = "PC05TK-250911-000004"

    @Test func approvalAsksHouseholdsToEndThemAndTheLowerCountBecomesTheContractsNextVersion() async throws {
        try await Self.run { crm in
            let number = try await ContractFlowTests.signedContract(crm, Self.connection)
            try await Self.approvedLeaving(crm, ["SH-2"])

            let command = try #require(try await crm.awaitSent(RegisterSubHouseholds.routingKey).first)
            #expect(command["leavingSubHouseholdIds"] as? [String] == ["SH-2"])
            #expect((command["subHouseholds"] as? [Any])?.isEmpty == true, "nobody joins")
            #expect(command["customerCode"] as? String == "PC05TK0000001")

            var counted = Samples.countChanged("HC-000010", at: vietnamTime("2025-09-11 10:00"), contractNumber: number,
                                               previousQuarters: 8, newQuarters: 4)
            counted.reason = .subHouseholdEnded
            counted.requestCode = Self.request
            try await crm.publish(counted, correlationId: Self.request)
            try await eventually("the request is closed") { try await crm.ticket(Self.request)["closure"] != nil }

            let contract = try #require(try await crm.ticket(Self.connection)["contract"] as? [String: Any])
            #expect(contract["version"] as? Int == 2)
            let history = try #require(contract["history"] as? [[String: Any]])
            #expect(history.map { $0["change"] as? String } == ["signed", "households_changed"])
            #expect(history.map { $0["cause"] as? String } == [Self.connection, Self.request])
            #expect(history.map { ($0["households"] as? [String: Any])?["households"] as? String } == ["2", "1"],
                    "the tenants' household no longer counts")
            try await eventually("the customer is told the new count") {
                try await crm.sent(RequestProgressed.routingKey).contains { $0["stage"] as? String == "completed" }
            }
            let completed = try await crm.sent(RequestProgressed.routingKey).first { $0["stage"] as? String == "completed" }
            let summary = try #require(completed?["summary"] as? [String: Any])
            #expect(summary["vi"] as? String == "Số hộ dùng chung công tơ nay là 1; hợp đồng đã được điều chỉnh")
            #expect(summary["en"] as? String == "The meter is now shared by 1 households; the contract was amended")
        }
    }

    @Test func aSubHouseholdHouseholdsDoesNotKnowRefusesTheRequestOnceNamingIt() async throws {
        try await Self.run { crm in
            _ = try await ContractFlowTests.signedContract(crm, Self.connection)
            try await Self.approvedLeaving(crm, ["SH-2", "SH-9"])
            _ = try await crm.awaitSent(RegisterSubHouseholds.routingKey)

            let refusal = SubHouseholdsRefused(requestCode: Self.request, customerCode: "PC05TK0000001",
                                               unknownSubHouseholdIds: ["SH-9"], refusedAt: vietnamTime("2025-09-11 10:00"))
            try await crm.publish(refusal, correlationId: Self.request)
            try await crm.publish(refusal, correlationId: Self.request)
            try await eventually("the request is closed") { try await crm.ticket(Self.request)["closure"] != nil }

            let refused = try await crm.awaitSent(RequestRefused.routingKey)
            #expect(refused.count == 1, "a second refusal of a closed request tells the customer nothing more")
            #expect(refused.first?["ground"] as? String == "refused_by_branch")
            #expect(refused.first?["requestKind"] as? String == "household_count_change")
            #expect(refused.first?["reason"] as? String
                    == "Hồ sơ hộ dùng chung của công tơ không có hộ SH-9; vui lòng kiểm tra lại mã hộ trên hồ sơ")
            let closure = try #require(try await crm.ticket(Self.request)["closure"] as? [String: Any])
            #expect(closure["resolution"] as? String == "refused")
            let contract = try #require(try await crm.ticket(Self.connection)["contract"] as? [String: Any])
            #expect(contract["version"] as? Int == 1, "the contract keeps its count")
        }
    }

    /// households refuses an unknown reference while screening: the request is refused before
    /// the branch head is asked, and a decision then finds nothing to decide.
    @Test func aReferenceRefusedWhileScreeningNeverReachesTheBranchHead() async throws {
        try await Self.run { crm in
            _ = try await ContractFlowTests.signedContract(crm, Self.connection)
            crm.clock.set(vietnamTime("2025-09-11 09:00"))
            try await crm.publish(Self.leavingRequest(["SH-9"]), correlationId: Self.request)
            _ = try await crm.awaitSent(ScreenIdentities.routingKey, count: 2)

            try await crm.publish(SubHouseholdsRefused(requestCode: Self.request, customerCode: "PC05TK0000001",
                                                       unknownSubHouseholdIds: ["SH-9"], refusedAt: vietnamTime("2025-09-11 09:01")),
                                  correlationId: Self.request)
            try await eventually("the request is closed") { try await crm.ticket(Self.request)["closure"] != nil }

            let refused = try #require(try await crm.awaitSent(RequestRefused.routingKey).first)
            #expect(refused["reason"] as? String
                    == "Hồ sơ hộ dùng chung của công tơ không có hộ SH-9; vui lòng kiểm tra lại mã hộ trên hồ sơ")
            let head = try await crm.token(.branchHead, unit: "PC05TK", staffId: "tk-gd-01")
            #expect(try await crm.post("api/v1/tickets/CRM-\(Self.request)/decision", ["decision": "approve"],
                                       token: head).status == 409)
            #expect(try await crm.sent(RegisterSubHouseholds.routingKey).isEmpty, "nothing goes to households")
        }
    }

    /// crm as ``CRMHarness/run(at:_:)`` starts it, on 8 September 2025, with the commands to
    /// households on the observer queue too.
    static func run(_ body: (CRMHarness) async throws -> Void) async throws {
        let observer = ObserverQueue("crm-test.observer", events: ["crm.#"],
                                     commands: [ScreenIdentities.routingKey, RegisterSubHouseholds.routingKey])
        let clock = ManualClock(vietnamTime("2025-09-08 10:00"))
        try await ClockedCRM.$clock.withValue(clock) {
            try await CRMHarness.run(observing: [observer], environment: StaffDirectoryUnderTest.settings, clock: clock.wallClock, body)
        }
    }

    @Test func aRefusalOfManyReferencesNamesTheFirstAndCountsTheOthersWithinANoticesReason() {
        let refusal = SubHouseholdsRefused(requestCode: Self.request, customerCode: "PC05TK0000001",
                                           unknownSubHouseholdIds: (1...8).map { "SH-" + String(repeating: "9", count: 37) + "\($0)" },
                                           refusedAt: vietnamTime("2025-09-11 10:00"))
        let reason = ServiceRequestWorkflow.unknownSubHouseholds(refusal)
        #expect(reason.contains("SH-" + String(repeating: "9", count: 37) + "1 (và 7 mã khác)"))
        #expect(reason.count <= 150, "crm.request.refused's reason is written into a notice of at most 150 characters")
    }

    /// The holder's request that `leaving` left the meter, screened (no one joins, so no one to
    /// screen) and approved by the branch head.
    static func approvedLeaving(_ crm: CRMHarness, _ leaving: [String]) async throws {
        crm.clock.set(vietnamTime("2025-09-11 09:00"))
        try await crm.publish(leavingRequest(leaving), correlationId: request)
        let screening = try await crm.awaitSent(ScreenIdentities.routingKey, count: 2)
        #expect((screening.last?["idNumbers"] as? [Any])?.isEmpty == true)
        #expect(screening.last?["customerCode"] as? String == "PC05TK0000001")
        #expect(screening.last?["leavingSubHouseholdIds"] as? [String] == leaving, "households checks them while screening")
        try await crm.publish(Samples.clear(request, at: vietnamTime("2025-09-11 08:40"), kind: .householdCountChange),
                              correlationId: request)
        try await eventually("the screening is recorded") { try await crm.ticket(request)["screening"] != nil }
        let details = try await crm.ticket(request)["details"] as? [String: Any]
        #expect(details?["leavingSubHouseholdIds"] as? [String] == leaving, "the branch sees who left before deciding")
        let head = try await crm.token(.branchHead, unit: "PC05TK", staffId: "tk-gd-01")
        _ = try await crm.post("api/v1/tickets/CRM-\(request)/decision", ["decision": "approve"], token: head).expect(200)
    }

    /// The holder's request that `leaving` left the meter.
    static func leavingRequest(_ leaving: [String]) -> ServiceRequestSubmitted {
        ServiceRequestSubmitted(
            requestCode: request, requestKind: .householdCountChange, channel: .web, customerCode: "PC05TK0000001",
            branch: Samples.branch,
            requester: Applicant(fullName: "Nguyễn Văn An", idNumber: "049088012345", phone: "+84912345678", email: nil),
            details: ServiceRequestDetails(leavingSubHouseholdIds: leaving),
            consentGivenAt: vietnamTime("2025-09-11 08:30"), submittedAt: vietnamTime("2025-09-11 08:30"))
    }
}
