import Contracts
import Foundation
import TestSupport
import Testing

/// The technicians' and stock keepers' pages as they use them: a meter received on the stock
/// page goes to the waiting order, the technician completes it from the day's list, and the
/// stock shows it installed; refused reports show each error beside its field.
@Suite struct FieldPagesTests {
    @Test func aTechnicianCompletesAnOrderFromTheDaysListAndTheStockShowsTheMeterInstalled() async throws {
        try await MeteringHarness.run { metering in
            let orderId = try await metering.openOrder("PC05TK-251124-000020", serial: "TK-1P-0020")
            let technician = try await metering.token(.fieldTechnician, unit: Samples.branch, staffId: "kt-0007")

            let list = try await metering.staffPage("lenh-cong-tac", token: technician)
            #expect(list.status == 200)
            let toDo = try #require(PageElement(id: "to-do", in: list.text)).inner
            #expect(toDo.contains(#"href="/lenh-cong-tac/\#(orderId)""#))
            #expect(toDo.contains("Chờ lắp đặt"))
            #expect(PageElement(id: "done-today", in: list.text)?.inner.contains(orderId) == false)

            let path = "lenh-cong-tac/\(orderId)"
            let order = try await metering.staffPage(path, token: technician)
            #expect(PageElement(id: "status", in: order.text)?.inner == "Chờ lắp đặt")
            #expect(PageElement(id: "reserved-meter", in: order.text)?.inner.contains("TK-1P-0020") == true)

            let refused = try await metering.staffForm(path, ["meterSerial": "TK-1P-9999", "initialReadingKWh": "-3"],
                                           token: technician)
            #expect(refused.status == 422)
            #expect(PageElement(id: "meterSerial-error", in: refused.text)?.inner
                    == "Công tơ này không phải công tơ đã dành cho lệnh công tác (công tơ TK-1P-0020)")
            #expect(PageElement(id: "initialReadingKWh-error", in: refused.text)?.inner
                    == "Chỉ số công tơ phải là số nguyên không âm (kWh)")
            #expect(PageElement(id: "sealNumbers-error", in: refused.text) != nil)
            #expect(refused.text.contains(#"value="TK-1P-9999""#), "what was typed is kept")
            let english = try await metering.staffForm("\(path)?lang=en", ["meterSerial": "TK-1P-0020",
                                                                         "initialReadingKWh": "12", "sealNumbers[0]": "NP-1",
                                                                         "sealNumbers[1]": " ", "sealNumbers[2]": "NP-3"],
                                           token: technician)
            #expect(english.status == 422)
            #expect(PageElement(id: "sealNumbers-1-error", in: english.text)?.inner
                    == "A seal number must not be blank nor longer than 32 characters")
            #expect(try await metering.sent(MeterInstalled.routingKey).isEmpty)

            let completed = try await metering.staffForm(path, ["meterSerial": "tk-1p-0020", "initialReadingKWh": "0",
                                                              "sealNumbers[0]": "NP-123456", "sealNumbers[1]": "NP-123457"],
                                             token: technician)
            #expect(completed.status == 200, "the form's 303 leads back to the order's page")
            #expect(PageElement(id: "status", in: completed.text)?.inner == "Đã nghiệm thu")
            #expect(PageElement(id: "seals", in: completed.text)?.inner == "NP-123456, NP-123457")
            #expect(PageElement(id: "reading-route", in: completed.text)?.inner.hasPrefix("TK-R07") == true)
            #expect(PageElement(id: "complete-form", in: completed.text) == nil, "a completed order has no form")
            let installed = try #require(try await metering.awaitSent(MeterInstalled.routingKey).first)
            #expect(installed["sealNumbers"] as? [String] == ["NP-123456", "NP-123457"])

            let after = try await metering.staffPage("lenh-cong-tac", token: technician)
            #expect(PageElement(id: "to-do", in: after.text)?.inner.contains(orderId) == false)
            #expect(PageElement(id: "done-today", in: after.text)?.inner.contains(#"href="/lenh-cong-tac/\#(orderId)""#) == true)
            let keeper = try await metering.token(.meterStock, unit: Samples.branch)
            let stock = try await metering.staffPage("kho-cong-to", token: keeper)
            #expect(PageElement(id: "meter-TK-1P-0020", in: stock.text)?.inner.contains("Đã lắp đặt · \(orderId)") == true)
        }
    }

    @Test func thePagesServeTheirRolesAndTheBranchesOwnOrdersOnly() async throws {
        try await MeteringHarness.run { metering in
            let orderId = try await metering.openOrder("PC05TK-251124-000021", serial: "TK-1P-0021")
            let keeper = try await metering.token(.meterStock, unit: Samples.branch)
            let technician = try await metering.token(.fieldTechnician, unit: Samples.branch)
            #expect(try await metering.staffPage("lenh-cong-tac", token: keeper).status == 403)
            #expect(try await metering.staffPage("kho-cong-to", token: technician).status == 403)

            let outsider = try await metering.token(.fieldTechnician, unit: Samples.otherBranch)
            let list = try await metering.staffPage("lenh-cong-tac", token: outsider)
            #expect(list.status == 200)
            #expect(!list.text.contains(orderId))
            #expect(try await metering.staffPage("lenh-cong-tac/\(orderId)", token: outsider).status == 403)
            let posted = try await metering.staffForm("lenh-cong-tac/\(orderId)", [
                "meterSerial": "TK-1P-0021", "initialReadingKWh": "0", "sealNumbers[0]": "NP-1",
            ], token: outsider)
            #expect(posted.status == 403)
            let otherKeeper = try await metering.token(.meterStock, unit: Samples.otherBranch)
            #expect(!(try await metering.staffPage("kho-cong-to", token: otherKeeper).text.contains("TK-1P-0021")))
            #expect(try await metering.staffPage("kho-cong-to?branchCode=\(Samples.branch)", token: otherKeeper).status == 403)
            #expect(try await metering.sent(MeterInstalled.routingKey).isEmpty)
        }
    }

    @Test func theStockPageShowsEachErrorBesideItsFieldAndEachMetersVerification() async throws {
        try await MeteringHarness.run { metering in
            let keeper = try await metering.token(.meterStock, unit: Samples.branch)
            let refused = try await metering.staffForm("kho-cong-to", [
                "serial": "", "phase": "2", "verifiedOn": Samples.day(3), "verificationValidUntil": "31/02/2026",
            ], token: keeper)
            #expect(refused.status == 422)
            for field in ["serial", "phase", "verifiedOn", "verificationValidUntil"] {
                #expect(PageElement(id: "\(field)-error", in: refused.text) != nil, "error beside \(field)")
            }
            #expect(PageElement(id: "meters", in: refused.text) == nil, "nothing was received")

            _ = try await metering.staffForm("kho-cong-to", [
                "serial": "TK-1P-0030", "phase": "1", "verifiedOn": Samples.day(-400), "verificationValidUntil": Samples.day(-1),
            ], token: keeper)
            let received = try await metering.staffForm("kho-cong-to", [
                "serial": "TK-3P-0031", "phase": "3", "verifiedOn": Samples.day(-10), "verificationValidUntil": Samples.day(700),
            ], token: keeper)
            #expect(received.status == 200)
            let stock = try await metering.staffPage("kho-cong-to?lang=en", token: keeper)
            #expect(PageElement(id: "meter-TK-1P-0030", in: stock.text)?.inner.contains("Verification expired") == true)
            #expect(PageElement(id: "meter-TK-3P-0031", in: stock.text)?.inner.contains("In stock") == true)
            #expect(PageElement(id: "meter-TK-3P-0031", in: stock.text)?.inner.contains("· Valid") == true)
            #expect(PageElement(id: "in-stock-count", in: stock.text)?.inner.contains("<strong>1</strong>") == true)

            let duplicate = try await metering.staffForm("kho-cong-to", [
                "serial": "TK-1P-0030", "phase": "1", "verifiedOn": Samples.day(-10), "verificationValidUntil": Samples.day(300),
            ], token: keeper)
            #expect(duplicate.status == 409)
            #expect(PageElement(id: "serial-error", in: duplicate.text)?.inner == "Công tơ có số chế tạo này đã được nhập kho")
        }
    }

    @Test func aTechnicianRecordsAVerificationFromTheDaysListAndReadsItsVerdict() async throws {
        try await MeteringHarness.run { metering in
            let code = "PC05TK-251124-000040"
            try await metering.publish(
                VisitMeter(requestCode: code, branchCode: Samples.branch, customerCode: "PC05TK0012345", purpose: .verification),
                correlationId: code, appId: "crm")
            let technician = try await metering.token(.fieldTechnician, unit: Samples.branch)
            try await eventually("the visit is open") { try await metering.count("metering_visits") == 1 }
            let visits = try await metering.get("api/v1/meter-visits?requestCode=\(code)", token: technician)
                .json()["meterVisits"] as? [[String: Any]]
            let visitId = try #require(visits?.first?["visitId"] as? String)

            let list = try #require(PageElement(id: "visits", in: try await metering.staffPage("lenh-cong-tac", token: technician).text))
            #expect(list.inner.contains(#"href="/kiem-tra-cong-to/\#(visitId)""#) && list.inner.contains("Kiểm định công tơ"))

            let path = "kiem-tra-cong-to/\(visitId)"
            let refused = try await metering.staffForm(path, ["meterSerial": "VN1P-240777", "measuredErrorPercent": "nhanh"],
                                                       token: technician)
            #expect(refused.status == 422)
            #expect(PageElement(id: "readingKWh-error", in: refused.text)?.inner == "Chỉ số công tơ phải là số nguyên không âm (kWh)")
            #expect(PageElement(id: "measuredErrorPercent-error", in: refused.text) != nil)
            #expect(PageElement(id: "accuracyClass-error", in: refused.text) != nil)
            #expect(try await metering.sent(MeterVisited.routingKey).isEmpty)

            let recorded = try await metering.staffForm(path, [
                "meterSerial": "VN1P-240777", "readingKWh": "1520", "measuredErrorPercent": "-0,4", "accuracyClass": "1",
            ], token: technician)
            #expect(recorded.status == 200, "the form's 303 leads back to the visit")
            #expect(PageElement(id: "status", in: recorded.text)?.inner == "Đã ghi nhận kết quả")
            #expect(PageElement(id: "verdict", in: recorded.text)?.inner == "Đạt: trong cấp chính xác")
            let result = try #require(PageElement(id: "result", in: recorded.text)?.inner)
            #expect(result.contains("sai số -0,4 % (cấp 1)") && result.contains("phí 135.000 đ"),
                    "the error and class as Vietnamese write them, as typed: \(result)")
            #expect(PageElement(id: "visit-form", in: recorded.text) == nil, "a recorded visit has no form")
            let visited = try #require(try await metering.awaitSent(MeterVisited.routingKey).first)
            #expect((visited["check"] as? [String: Any])?["measuredErrorPercent"] as? Double == -0.4)
            #expect((visited["check"] as? [String: Any])?["feeVND"] as? Int == 135_000)
            #expect(PageElement(id: "visits", in: try await metering.staffPage("lenh-cong-tac", token: technician).text)?
                .inner.contains(visitId) == false)
        }
    }
}
