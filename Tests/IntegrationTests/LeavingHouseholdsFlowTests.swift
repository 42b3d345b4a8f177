import FlowDriver
import Foundation
import StaffAuth
import TestSupport
import Testing

/// A landlord whose tenants left reports it on intake's public API, by the sub-household's
/// reference on the dossier: the branch approves, households ends it, the contract takes the
/// lower count and the customer is texted it; a reference the meter does not hold is refused
/// with the reason while the request is screened, before the branch head is asked. Across the
/// real services and the real broker.
@Suite(.serialized) struct LeavingHouseholdsFlowTests {
    @Test func tenantsThatLeftLowerTheContractsCountAndAnUnknownReferenceIsRefused() async throws {
        try await Platform.run("households-leave") { platform in
            let holder = SampleCustomer.make(households: 2)
            let (_, customerCode, _) = try await Journey.signedContract(holder, on: platform)
            let households = "\(platform.url("households"))/api/v1"
            let officer = try await platform.staff.token(.householdsOfficer, unit: "PC05TK")
            var members: [[String: Any]] = []
            try await eventually("households registered the shared meter's dossier with its sub-household") {
                let answer = try await platform.http.call(.GET, "\(households)/dossiers?customerCode=\(customerCode)",
                                                          token: officer)
                members = (try? answer.json()["members"] as? [[String: Any]]) ?? []
                return members.contains { $0["role"] as? String == "sub" }
            }
            let reference = try #require(members.first { $0["role"] as? String == "sub" }?["subHouseholdId"] as? String)

            // The landlord reads the same reference on the portal, by their own phone; another
            // phone reads nothing.
            let listed = try await Self.meterHouseholds(customerCode, phone: holder.phone, on: platform)
            #expect(listed.status == 200)
            #expect(listed.text.contains(#"id="household-\#(reference)""#), "the portal lists \(reference)")
            let stranger = try await Self.meterHouseholds(customerCode, phone: "0987654321", on: platform)
            #expect(stranger.status == 404 && !stranger.text.contains(reference))
            #expect(stranger.text.contains("Không tìm thấy hồ sơ hộ dùng chung công tơ của mã khách hàng này"))

            let unknown = try await ServiceRequestJourney.file(
                "household_count_change", customerCode: customerCode, by: holder,
                fields: ["leavingSubHouseholdIds": ["SH-999999"]], on: platform)
            let refused = try await unknown.ticket(when: "it is closed") { $0["closure"] != nil }
            #expect((refused["closure"] as? [String: Any])?["resolution"] as? String == "refused")
            let refusedId = try #require(refused["ticketId"] as? String)
            #expect(try await unknown.operatorCall(.POST, "/api/v1/tickets/\(refusedId)/decision",
                                                   json: ["decision": "approve"]).status == 409,
                    "refused before the branch head was asked: nothing is left to decide")
            let refusalTexts = try await unknown.smsTexts(atLeast: 2)
            #expect(refusalTexts.contains { $0.contains("SH-999999") },
                    "the customer is told which reference the dossier does not hold: \(refusalTexts)")

            let leaving = try await ServiceRequestJourney.file(
                "household_count_change", customerCode: customerCode, by: holder,
                fields: ["leavingSubHouseholdIds": [reference]], on: platform)
            _ = try await leaving.ticket(when: "screening is clear") { $0["stage"] as? String == "review" }
            _ = try await leaving.approve().expect(200)
            let counted = try await leaving.ticket(when: "it is closed") { $0["closure"] != nil }
            #expect((counted["countedHouseholds"] as? [String: Any])?["households"] as? String == "1")
            #expect((counted["contract"] as? [String: Any])?["householdCount"] as? Int == 1)
            #expect(try await leaving.smsTexts(atLeast: 3).contains {
                CustomerText.plain($0).contains("so ho dung chung cong to nay la 1")
            })
            let dossier = try await platform.http.call(.GET, "\(households)/dossiers?customerCode=\(customerCode)",
                                                       token: officer).expect(200)
            let ended = (dossier["members"] as? [[String: Any]])?.first { $0["subHouseholdId"] as? String == reference }
            #expect(ended?["status"] as? String == "ended")
        }
    }

    /// The portal's list of the households sharing `customerCode`'s meter, asked with `phone`.
    static func meterHouseholds(_ customerCode: String, phone: String, on platform: Platform) async throws -> HTTPAnswer {
        let form = "customerCode=\(customerCode)&phone=\(phone.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        return try await platform.http.call(.POST, "\(platform.url("intake"))/ho-dung-chung", body: Data(form.utf8),
                                            headers: ["Content-Type": "application/x-www-form-urlencoded"])
    }
}
