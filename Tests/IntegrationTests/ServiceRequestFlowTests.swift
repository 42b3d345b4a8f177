import FlowDriver
import Foundation
import StaffAuth
import TestSupport
import Testing

/// Every request kind about an existing supply point but the meter checks (``MeterCheckFlowTests``),
/// and the meter-reading look-up, from the
/// customer's form on intake's public API to the branch's decision, metering's visit or
/// households' count, the customer's texts and the tracking page, across the real services
/// and the real broker.
@Suite(.serialized) struct ServiceRequestFlowTests {
    /// Contract changes: purpose (approved, the contract's tariff changes), holder (filed by the
    /// call centre, refused), renewal (approved), termination (approved, metering's final
    /// reading ends the contract and outage drops its supply point); and the reading schedule of
    /// the contract's meter.
    @Test func contractChangesAreDecidedTrackedAndTextedAndATerminationEndsTheContract() async throws {
        try await Platform.run("contract-changes", services: Platform.flowServices + ["outage"]) { platform in
            let holder = SampleCustomer.make(households: 1)
            let (connection, customerCode, serial) = try await Journey.signedContract(holder, on: platform)
            let intake = "\(platform.url("intake"))/api/v1"

            let schedule = try await Self.readingSchedule(customerCode, on: platform)
            #expect(schedule["meterSerial"] as? String == serial)
            let readingDay = try #require(schedule["readingDay"] as? Int)
            #expect((1...28).contains(readingDay))
            #expect((schedule["route"] as? String)?.isEmpty == false)
            #expect((schedule["nextReadingOn"] as? String)?.hasSuffix(String(format: "-%02d", readingDay)) == true)
            _ = try await platform.http.call(.GET, "\(intake)/reading-schedule?customerCode=PC05TK9999998").expect(404)
            let malformed = try await platform.http.call(.GET, "\(intake)/reading-schedule?customerCode=abc!")
            #expect(malformed.status == 422)
            #expect(try malformed.errorFields() == ["customerCode"])

            // Change of purpose, on the web: approved, and the contract bills under the new tariff.
            let purpose = try await ServiceRequestJourney.file(
                "change_of_purpose", customerCode: customerCode, by: holder, fields: ["purpose": "business"], on: platform)
            let review = try await purpose.ticket(when: "it waits for a decision") { $0["stage"] as? String == "review" }
            #expect(review["kind"] as? String == "service_request")
            #expect(review["requestKind"] as? String == "change_of_purpose")
            #expect(review["slaLimitWorkingDays"] as? Int == 3)
            #expect(review["branchCode"] as? String == "PC05TK")
            _ = try await purpose.approve().expect(200)
            let changed = try await purpose.ticket(when: "it is closed") { $0["closure"] != nil }
            #expect((changed["closure"] as? [String: Any])?["resolution"] as? String == "completed")
            #expect((changed["closure"] as? [String: Any])?["slaOutcome"] as? String == "met")
            #expect((changed["contract"] as? [String: Any])?["tariffGroup"] as? String == "business")
            let purposeVersion = ((changed["contract"] as? [String: Any])?["history"] as? [[String: Any]])?.last
            #expect(purposeVersion?["change"] as? String == "purpose_changed")
            #expect(purposeVersion?["tariffGroup"] as? String == "business")
            #expect(purposeVersion?["cause"] as? String == purpose.requestCode)
            let purposeSteps = try await purpose.timeline(showing: "Ticket closed")
            #expect(purposeSteps.contains("The branch approved the request") && purposeSteps.contains("Contract changed"))
            let purposeTexts = try await purpose.smsTexts(atLeast: 2)
            #expect(purposeTexts.contains { CustomerText.plain($0).contains("da doi muc dich su dung dien") })
            // Each notice names the kind and its stage, and ends with the link to the request's tracking form.
            let code = purpose.requestCode
            let received = try #require(purposeTexts.first { CustomerText.plain($0).contains(CustomerText.plain("\(code) đã được tiếp nhận")) })
            #expect(CustomerText.plain(received).contains(CustomerText.plain("Yêu cầu đổi mục đích sử dụng điện \(code) đã được tiếp nhận. "
                                                             + "Điện lực sẽ xem xét hồ sơ và báo kết quả.")))
            #expect(received.hasSuffix("\(platform.url("intake"))/track/\(code)"))
            let completed = CustomerText.plain("Yêu cầu đổi mục đích sử dụng điện \(code) đã hoàn thành: ")
            #expect(purposeTexts.contains { CustomerText.plain($0).contains(completed) })
            #expect(purposeTexts.allSatisfy { $0.hasSuffix("\(platform.url("intake"))/track/\(code)") }, "\(purposeTexts)")
            #expect(try await platform.http.call(.GET, "\(platform.url("intake"))/track/\(code)").text.contains(#"value="\#(code)""#))

            // Change of holder, by the call centre for the caller: refused with the branch's reason.
            let holderChange = try await ServiceRequestJourney.file(
                "change_of_holder", customerCode: customerCode, by: holder,
                fields: ["newHolder": ["fullName": "Trần Văn Bình", "idNumber": SampleCustomer.freshCitizenID(),
                                     "phone": "0987 654 321"]],
                operatorId: "cc-0042", on: platform)
            _ = try await holderChange.refuse("Thiếu giấy tờ chứng minh quyền sử dụng nhà").expect(200)
            let refused = try await holderChange.ticket(when: "it is closed") { $0["closure"] != nil }
            #expect((refused["closure"] as? [String: Any])?["resolution"] as? String == "refused")
            #expect(try await holderChange.timeline(showing: "Request refused").contains("Ticket closed"))
            let refusal = try await holderChange.smsTexts(atLeast: 2)
            #expect(refusal.contains { CustomerText.plain($0).contains("thieu giay to chung minh quyen su dung nha") })
            #expect(refusal.contains { CustomerText.plain($0).contains(CustomerText.plain(
                "yêu cầu đổi chủ hợp đồng \(holderChange.requestCode) của Quý khách chưa được chấp thuận")) })
            let again = try await holderChange.operatorCall(
                .POST, "/api/v1/tickets/\(refused["ticketId"] as! String)/decision", json: ["decision": "approve"])
            #expect(again.status == 409)
            #expect(try again.errorCodes() == ["ticket.closed"])

            // Renewal: approved at once.
            let renewal = try await ServiceRequestJourney.file("contract_renewal", customerCode: customerCode, by: holder,
                                                               on: platform)
            _ = try await renewal.approve().expect(200)
            let renewed = try await renewal.ticket(when: "it is closed") { $0["closure"] != nil }
            #expect((renewed["closure"] as? [String: Any])?["resolution"] as? String == "completed")

            // Termination: approved, metering takes the final reading, the contract ends.
            let plannedOutages = "\(intake)/planned-outages?customerCode=\(customerCode)"
            try await eventually("outage knows the signed contract's supply point") {
                try await platform.http.call(.GET, plannedOutages).status == 200
            }
            let termination = try await ServiceRequestJourney.file(
                "contract_termination", customerCode: customerCode, by: holder, fields: ["note": "Chuyển nhà"], on: platform)
            _ = try await termination.approve().expect(200)
            let visit = try await termination.meterVisit()
            #expect(visit["purpose"] as? String == "final_reading")
            #expect(visit["meterSerial"] as? String == serial)
            let recorded = try await termination.recordVisit(["meterSerial": serial, "readingKWh": 1234]).expect(200)
            #expect(recorded["status"] as? String == "done")
            let ended = try await termination.ticket(when: "it is closed") { $0["closure"] != nil }
            #expect(ended["contract"] == nil, "the customer code holds no signed contract any more")
            #expect(try await termination.timeline(showing: "Contract ended").contains("Final meter reading taken"))
            let terminationTexts = try await termination.smsTexts(atLeast: 3)
            #expect(terminationTexts.contains { CustomerText.plain($0).contains("1.234 kwh") })
            let original = try await connection.ticket()
            #expect((original["contract"] as? [String: Any])?["status"] as? String == "ended")
            // The refused change of holder and the renewal of an open-ended contract left no version.
            let versions = try #require((original["contract"] as? [String: Any])?["history"] as? [[String: Any]])
            #expect(versions.map { $0["change"] as? String } == ["signed", "purpose_changed", "ended"])
            #expect(versions.map { $0["status"] as? String } == ["signed", "signed", "ended"])
            #expect(versions.last?["cause"] as? String == termination.requestCode)
            try await eventually("outage dropped the ended contract's supply point: its look-up is an unknown code's") {
                try await platform.http.call(.GET, plannedOutages).status == 404
            }

            for service in Platform.flowServices {
                let log = try platform.service(service).log()
                #expect(!log.contains(holder.idNumber), "\(service) logged an ID number unmasked")
            }
        }
    }

    /// More households on a shared meter: screened and counted by households, the contract
    /// amended, the meter on the re-pricing list; then one sub-household's meter split off:
    /// metering installs it, households records the split, the customer gets the new code.
    @Test func aHouseholdChangeIsCountedAndAmendsTheContractAndASplitGivesANewCustomerCode() async throws {
        try await Platform.run("household-change") { platform in
            let holder = SampleCustomer.make(households: 2)
            let (_, customerCode, _) = try await Journey.signedContract(holder, on: platform)
            let households = "\(platform.url("households"))/api/v1"
            let corporation = try await platform.staff.token(.householdsOfficer, unit: StaffClaims.corporationUnit)
            let officer = try await platform.staff.token(.householdsOfficer, unit: "PC05TK")
            let export = "\u{FEFF}customer_code,name,address,branch,area_class,household_count\r\n"
                + "\(customerCode),Nguyễn Văn An,12 Phan Chu Trinh,PC05TK,urban,2\r\n"
            _ = try await platform.http.call(.POST, "\(households)/customer-imports", body: Data(export.utf8),
                                             token: corporation).expect(200)
            try await eventually("households registered the shared meter's dossier") {
                try await platform.http.call(.GET, "\(households)/dossiers?customerCode=\(customerCode)", token: officer)
                    .status == 200
            }

            let change = try await ServiceRequestJourney.file(
                "household_count_change", customerCode: customerCode, by: holder,
                fields: ["newHouseholds": [["fullName": "Lê Văn Cường", "idNumber": SampleCustomer.freshCitizenID()]]],
                on: platform)
            let screened = try await change.ticket(when: "screening is clear") {
                ($0["screening"] as? [String: Any])?["outcome"] as? String == "clear"
            }
            #expect(screened["stage"] as? String == "review")
            _ = try await change.approve().expect(200)
            let counted = try await change.ticket(when: "it is closed") { $0["closure"] != nil }
            #expect((counted["countedHouseholds"] as? [String: Any])?["households"] as? String == "3")
            #expect((counted["contract"] as? [String: Any])?["householdCount"] as? Int == 3)
            #expect(try await change.timeline(showing: "Contract amended to the new household count")
                .contains("Households sharing the meter counted"))
            let countTexts = try await change.smsTexts(atLeast: 3)
            #expect(countTexts.contains { CustomerText.plain($0).contains("so ho dung chung cong to nay la 3") })
            let repricing = try await platform.http.call(.GET, "\(households)/repricing", token: officer).expect(200)
            let line = try #require((repricing["entries"] as? [[String: Any]])?.first {
                $0["customerCode"] as? String == customerCode
            })
            #expect(line["billed"] as? Int == 8 && line["supported"] as? Int == 12)

            // The first sub-household asks for a meter of its own.
            let dossier = try await platform.http.call(.GET, "\(households)/dossiers?customerCode=\(customerCode)",
                                                       token: officer).expect(200)
            let member = try #require((dossier["members"] as? [[String: Any]])?.first { $0["role"] as? String == "sub" })
            let reference = try #require(member["subHouseholdId"] as? String)
            let newMeter = try await platform.receiveMeter(branch: "PC05TK")
            let split = try await ServiceRequestJourney.file(
                "meter_split", customerCode: customerCode, by: holder,
                fields: ["subHouseholdId": reference,
                         "site": ["province": "Quảng Nam", "communeCode": "20350", "street": "12A Phan Chu Trinh"]],
                on: platform)
            #expect(try await split.ticket { $0["stage"] as? String == "review" }["slaLimitWorkingDays"] as? Int == 3)
            _ = try await split.approve(phase: 1).expect(200)
            let technician = try await platform.staff.token(.fieldTechnician, unit: "PC05TK")
            var order: [String: Any]?
            try await eventually("metering opened the split's work order") {
                let answer = try await platform.http.call(
                    .GET, "\(platform.url("metering"))/api/v1/work-orders?requestCode=\(split.requestCode)", token: technician)
                order = (try answer.json()["workOrders"] as? [[String: Any]])?.first { $0["meterSerial"] is String }
                return order != nil
            }
            #expect(order?["meterSerial"] as? String == newMeter)
            _ = try await platform.http.call(
                .POST, "\(platform.url("metering"))/api/v1/work-orders/\(order!["workOrderId"] as! String)/completion",
                json: ["meterSerial": newMeter, "initialReadingKWh": 0, "sealNumbers": ["NP-1"]], token: technician
            ).expect(200)
            let splitDone = try await split.ticket(when: "it is closed") { $0["closure"] != nil }
            let newCode = try #require(splitDone["newCustomerCode"] as? String)
            #expect(newCode.hasPrefix("PC05TK") && newCode != customerCode)
            #expect(try await split.smsTexts(atLeast: 3).contains { $0.contains(newCode) })
            try await eventually("households marked the sub-household split") {
                let members = try await platform.http.call(
                    .GET, "\(households)/dossiers?customerCode=\(customerCode)", token: officer).json()["members"]
                return (members as? [[String: Any]])?.first { $0["subHouseholdId"] as? String == reference }?["status"]
                    as? String == "split"
            }
            #expect(try await Self.readingSchedule(newCode, on: platform)["meterSerial"] as? String == newMeter)
        }
    }

    /// A medium-voltage connection runs the connection flow against 30 working days, which a
    /// survey finding a pole or cable does not shorten.
    @Test func aMediumVoltageConnectionHasThirtyWorkingDays() async throws {
        try await Platform.run("mv-connection", services: ["intake", "crm", "households", "notification"]) { platform in
            let journey = try await Journey.file(SampleCustomer.make(households: 1), kind: "new_mv_connection", on: platform)
            let ticket = try await journey.ticket()
            #expect(ticket["requestKind"] as? String == "new_mv_connection")
            #expect(ticket["slaLimitWorkingDays"] as? Int == 30)
            let surveyed = try await journey.recordSurvey("needs_pole_or_cable", phase: 3).expect(200)
            #expect(surveyed["slaLimitWorkingDays"] as? Int == 30)
            let tracked = try await journey.track().expect(200)
            #expect(tracked["dueDate"] as? String == ticket["dueDate"] as? String)
        }
    }

    /// Bad service requests are refused with every field error at once, in both languages,
    /// and nothing is filed.
    @Test func aServiceRequestWithWrongFieldsIsRefusedFieldByField() async throws {
        try await Platform.run("service-request-input", services: ["intake"]) { platform in
            let holder = SampleCustomer.make()
            let url = "\(platform.url("intake"))/api/v1/service-requests"
            var form = ServiceRequestJourney.form("change_of_purpose", customerCode: "PC05TK0012345", by: holder,
                                                  fields: ["newHouseholds": [["fullName": "Lê Văn Cường", "idNumber": holder.idNumber]]])
            form["consent"] = false
            let answer = try await platform.http.call(.POST, url, json: form)
            #expect(answer.status == 422)
            #expect(try Set(answer.errorFields()) == ["purpose", "newHouseholds", "consent"])
            #expect(try answer.errorCodes().contains("field.not_for_kind"))
            #expect(answer.text.contains("Thông tin này không dùng cho loại yêu cầu"))

            let repeated = try await platform.http.call(.POST, url, json: ServiceRequestJourney.form(
                "household_count_change", customerCode: "PC05TK0012345", by: holder,
                fields: ["newHouseholds": [["fullName": "Lê Văn Cường", "idNumber": holder.idNumber]]]))
            #expect(try repeated.errorFields() == ["newHouseholds[0].idNumber"])
            #expect(try repeated.errorCodes() == ["id_number.repeated"])

            let connection = try await platform.http.call(.POST, url, json: ServiceRequestJourney.form(
                "new_lv_connection", customerCode: "XX99ZZ0012345", by: holder))
            #expect(try Set(connection.errorFields()) == ["kind", "customerCode"])
            #expect(try Set(connection.errorCodes()) == ["choice.invalid", "customer_code.not_served"])

            let split = try await platform.http.call(.POST, url, json: ServiceRequestJourney.form(
                "meter_split", customerCode: "PC05TK0012345", by: holder,
                fields: ["subHouseholdId": "SH 12", "site": ["province": "Quảng Nam", "communeCode": "20101", "street": "x"]]))
            #expect(try split.errorFields().contains("subHouseholdId"))
            #expect(split.status == 422)
            #expect(try platform.service("intake").log().contains("service request submitted") == false)
        }
    }

    /// intake's reading schedule of `customerCode`, once metering knows the meter (it learns it
    /// from the signed contract's event, so the first look-ups may answer 404).
    static func readingSchedule(_ customerCode: String, on platform: Platform) async throws -> [String: Any] {
        var found: [String: Any]?
        try await eventually("the reading schedule of \(customerCode) is known") {
            let answer = try await platform.http.call(
                .GET, "\(platform.url("intake"))/api/v1/reading-schedule?customerCode=\(customerCode)")
            if answer.status == 200 { found = try answer.json() }
            return found != nil
        }
        return try #require(found)
    }
}
