import FlowDriver
import Foundation
import StaffAuth
import TestSupport
import Testing

/// The meter checks a customer asks for on intake's public API, across the real services and
/// the real broker: metering's visit measures the error, crm charges or waives the fee, and
/// the customer's texts say which.
@Suite(.serialized) struct MeterCheckFlowTests {
    /// Meter checks: a verification (5 working days) finds the meter accurate, so the fee is
    /// charged; the customer disputes it and the independent verification (15) finds it
    /// inaccurate, free of charge; a dispute of no verification is refused; an inspection (3).
    @Test func meterChecksMeasureTheErrorChargeOnlyAnAccurateMeterAndEscalateADispute() async throws {
        try await Platform.run("meter-checks") { platform in
            let holder = SampleCustomer.make(households: 1)
            let (_, customerCode, serial) = try await Journey.signedContract(holder, on: platform)

            let verification = try await ServiceRequestJourney.file(
                "meter_verification", customerCode: customerCode, by: holder,
                fields: ["note": "Hóa đơn tăng bất thường"], on: platform)
            let opened = try await verification.ticket(when: "metering is sent") { $0["stage"] as? String == "field_work" }
            #expect(opened["slaLimitWorkingDays"] as? Int == 5)
            try await eventually("metering knows the customer's meter") {
                try await verification.meterVisit()["meterSerial"] as? String == serial
            }
            let visit = try await verification.meterVisit()
            #expect(visit["purpose"] as? String == "verification")
            let visitId = try #require(visit["visitId"] as? String)
            let wrongMeter = try await verification.technicianCall(
                .POST, "/api/v1/meter-visits/\(visitId)/result",
                json: ["meterSerial": "VN1P00000000", "readingKWh": 10, "measuredErrorPercent": 1, "accuracyClass": 2])
            #expect(wrongMeter.status == 422)
            #expect(try wrongMeter.errorCodes() == ["meter.not_at_customer"])
            let incomplete = try await verification.recordVisit(["meterSerial": serial, "readingKWh": 10, "accuracyClass": 3])
            #expect(incomplete.status == 422)
            #expect(try Set(incomplete.errorFields()) == ["measuredErrorPercent", "accuracyClass"])
            let measured = try await verification.recordVisit(
                ["meterSerial": serial, "readingKWh": 2000, "measuredErrorPercent": 1.4, "accuracyClass": 2]).expect(200)
            let check = try #require(measured["check"] as? [String: Any])
            #expect(check["accurate"] as? Bool == true)
            #expect(check["feeVND"] as? Int == 135_000)
            _ = try await verification.recordVisit(["meterSerial": serial, "readingKWh": 2000, "measuredErrorPercent": 1,
                                                    "accuracyClass": 2]).expect(409)
            let verified = try await verification.ticket(when: "it is closed") { $0["closure"] != nil }
            #expect((verified["visit"] as? [String: Any])?["meterSerial"] as? String == serial)
            #expect(try await verification.timeline(showing: "Meter checked: within its accuracy class")
                .contains("Ticket closed"))
            let verificationTexts = try await verification.smsTexts(atLeast: 2)
            #expect(verificationTexts.contains { CustomerText.plain($0).contains("phi kiem dinh 135.000 dong") })

            let dispute = try await ServiceRequestJourney.file(
                "independent_verification", customerCode: customerCode, by: holder,
                fields: ["disputedRequestCode": verification.requestCode], on: platform)
            let escalated = try await dispute.ticket(when: "metering is sent") { $0["stage"] as? String == "field_work" }
            #expect(escalated["slaLimitWorkingDays"] as? Int == 15)
            #expect(try await dispute.meterVisit()["purpose"] as? String == "independent_verification")
            let independent = try await dispute.recordVisit(
                ["meterSerial": serial, "readingKWh": 2001, "measuredErrorPercent": -3.1, "accuracyClass": 2,
                 "findings": "Sai số vượt cấp chính xác"]).expect(200)
            #expect((independent["check"] as? [String: Any])?["accurate"] as? Bool == false)
            #expect((independent["check"] as? [String: Any])?["feeVND"] as? Int == 0)
            let disputeTexts = try await dispute.smsTexts(atLeast: 2)
            #expect(disputeTexts.contains { CustomerText.plain($0).contains("-3,1%") && CustomerText.plain($0).contains("khong thu phi") })

            let baseless = try await ServiceRequestJourney.file(
                "independent_verification", customerCode: customerCode, by: holder,
                fields: ["disputedRequestCode": "PC05TK-250101-000001"], on: platform)
            let refused = try await baseless.ticket(when: "it is refused") { $0["closure"] != nil }
            #expect((refused["closure"] as? [String: Any])?["resolution"] as? String == "refused")

            let inspection = try await ServiceRequestJourney.file("meter_inspection", customerCode: customerCode,
                                                                  by: holder, on: platform)
            #expect(try await inspection.ticket { $0["stage"] as? String == "field_work" }["slaLimitWorkingDays"] as? Int == 3)
            let inspected = try await inspection.recordVisit(
                ["meterSerial": serial, "readingKWh": 2002, "measuredErrorPercent": 0.3, "accuracyClass": 1]).expect(200)
            #expect((inspected["check"] as? [String: Any])?["feeVND"] as? Int == 0, "an inspection is free")
            _ = try await inspection.ticket(when: "it is closed") { $0["closure"] != nil }
        }
    }
}
