import Contracts
import Foundation
import TestSupport
import Testing

/// A connection request may ask for a fixed contract term (temporary supply), 1 to 60 months,
/// on the API and on the portal's form; crm hears it in `intake.request.submitted`, and the
/// contract page read before signing says how long the contract runs.
@Suite struct ContractTermSubmissionTests {
    @Test func aTermOfOneToSixtyMonthsTravelsWithTheRequestAndNoneMeansOpenEnded() async throws {
        try await IntakeHarness.run { intake in
            var form = SampleForms.web()
            form["purpose"] = "business"
            form["termMonths"] = 18
            #expect(try await intake.submit(form).status == 201)
            #expect(try await intake.submit(SampleForms.web(phoneNumber: 2)).status == 201)

            try await eventually("both are on the wire") { try await intake.sent(RequestSubmitted.self).count == 2 }
            let sent = try await intake.sent(RequestSubmitted.self)
            #expect(sent.map(\.termMonths) == [18, nil])
        }
    }

    @Test(arguments: [0, 61, -3])
    func aTermOutsideOneToSixtyMonthsIsRefusedAtItsField(months: Int) async throws {
        try await IntakeHarness.run { intake in
            var form = SampleForms.web()
            form["termMonths"] = months

            let answer = try await intake.submit(form)

            #expect(answer.status == 422)
            #expect(try answer.errorFields() == ["termMonths"])
            let error = try #require((try answer.json()["errors"] as? [[String: Any]])?.first)
            #expect(error["code"] as? String == "term.out_of_range")
            let message = try #require(error["message"] as? [String: String])
            #expect(message["vi"]?.hasPrefix("Thời hạn hợp đồng phải từ 1 đến 60 tháng") == true)
            #expect(message["en"]?.hasPrefix("The contract's term must be from 1 to 60 months") == true)
            #expect(try await intake.count("intake_requests") == 0)
        }
    }

    @Test func aHouseholdCannotAskForATermSinceItsContractIsOpenEnded() async throws {
        try await IntakeHarness.run { intake in
            var form = SampleForms.web()
            form["termMonths"] = 12

            let answer = try await intake.submit(form)

            #expect(answer.status == 422)
            #expect(try answer.errorFields() == ["termMonths"])
            let error = try #require((try answer.json()["errors"] as? [[String: Any]])?.first)
            #expect(error["code"] as? String == "term.not_for_households")
            let message = try #require(error["message"] as? [String: String])
            #expect(message["vi"] == "Hợp đồng mua bán điện sinh hoạt không có thời hạn; vui lòng để trống thời hạn hợp đồng")
            #expect(message["en"] == "A household's electricity contract has no end date; please leave the contract's term empty")
            #expect(try await intake.count("intake_requests") == 0)
        }
    }

    @Test func thePortalFormTakesTheTermAndShowsItsErrorBesideIt() async throws {
        try await IntakeHarness.run { intake in
            var fields = [
                "kind": "new_lv_connection", "applicant.fullName": "Nguyễn Văn An", "applicant.idNumber": "049088012345",
                "applicant.phone": "0912 345 678", "site.communeCode": "20350", "site.street": "Lô 12, khu công nghiệp",
                "purpose": "business", "consent": "true", "termMonths": "hai năm",
            ]
            let blank = try await intake.get("yeu-cau/cap-dien-moi")
            #expect(blank.text.contains(#"name="termMonths""#), "the form has the field")
            #expect(blank.text.contains("Thời hạn hợp đồng, số tháng (không bắt buộc)"))

            let refused = try await intake.submitPage("yeu-cau/cap-dien-moi", fields)
            #expect(refused.status == 422)
            #expect(refused.text.contains(#"id="termMonths-error""#), "the error sits beside the field")
            #expect(refused.text.contains("Thời hạn hợp đồng phải từ 1 đến 60 tháng"))
            #expect(try await intake.count("intake_requests") == 0)

            fields["termMonths"] = "24"
            let filed = try await intake.submitPage("yeu-cau/cap-dien-moi", fields)
            #expect(filed.status == 200)
            #expect(filed.text.contains("PC05TK-"), "the receipt names the request's code")
            try await eventually("the request is on the wire") { try await intake.sent(RequestSubmitted.self).count == 1 }
            #expect(try await intake.sent(RequestSubmitted.self).first?.termMonths == 24)
        }
    }

    @Test func theContractPageSaysHowLongTheContractRuns() async throws {
        try await IntakeHarness.run { intake in
            let code = try await intake.submitSample()
            let drafted = ContractDrafted(
                contractNumber: "HĐ-TK-2025-000124", requestCode: code,
                branch: Branch(code: "PC05TK", name: "Tam Kỳ", hotline: "0235 3852 999"), holderName: "Nguyễn Văn An",
                site: Site(province: "Quảng Nam", communeCode: "20350", street: "Lô 12, khu công nghiệp",
                           branchCode: "PC05TK", areaClass: .urban),
                meterSerial: "TK-3P-000043", purpose: .business, tariffGroup: "business", householdCount: 1,
                termMonths: 6, draftedAt: Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down)))
            _ = try await intake.publish(drafted, correlationId: code, appId: ServiceName.crm.rawValue)
            _ = try await intake.signingCode(number: 1)

            let page = try await intake.submitPage("ky-hop-dong/xem", ["code": code, "phone": "0912 345 678"])
            #expect(page.status == 200)
            #expect(page.text.contains(#"id="term">6 tháng kể từ ngày ký<"#))
            #expect(page.text.contains("trước khi hết hạn, Bên mua điện có thể đề nghị gia hạn thêm 6 tháng"),
                    "the terms say how it is renewed")
            let english = try await intake.submitPage("ky-hop-dong/xem?lang=en", ["code": code, "phone": "0912 345 678"])
            #expect(english.text.contains(#"id="term">6 months from the day it is signed<"#))
        }
    }

    @Test func aContractTakenOverAsItStandsShowsTheDayItEnds() async throws {
        try await IntakeHarness.run { intake in
            let code = try await intake.submitSample()
            let drafted = ContractDrafted(
                contractNumber: "HĐ-TK-2025-000125", requestCode: code,
                branch: Branch(code: "PC05TK", name: "Tam Kỳ", hotline: "0235 3852 999"), holderName: "Trần Thị Bình",
                site: Site(province: "Quảng Nam", communeCode: "20350", street: "Lô 12, khu công nghiệp",
                           branchCode: "PC05TK", areaClass: .urban),
                meterSerial: "TK-3P-000043", purpose: .business, tariffGroup: "business", householdCount: 1,
                termMonths: 12, endsOn: CalendarDate("2026-09-30"),
                draftedAt: Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down)))
            _ = try await intake.publish(drafted, correlationId: code, appId: ServiceName.crm.rawValue)
            _ = try await intake.signingCode(number: 1)

            let page = try await intake.submitPage("ky-hop-dong/xem", ["code": code, "phone": "0912 345 678"])
            #expect(page.text.contains(#"id="term">Đến hết ngày 30/09/2026<"#), "the contract keeps its end")
            #expect(page.text.contains("Trước khi hợp đồng hết hạn, Bên mua điện có thể đề nghị gia hạn thêm 12 tháng"))
            #expect(!page.text.contains("kể từ ngày ký"), "no term counts from this signature")
        }
    }

    @Test func aHouseholdsContractPageSaysItHasNoEndDate() async throws {
        try await IntakeHarness.run { intake in
            let code = try await intake.submitSample()
            _ = try await intake.announceContractDrafted(for: code)
            _ = try await intake.signingCode(number: 1)

            let page = try await intake.submitPage("ky-hop-dong/xem", ["code": code, "phone": "0912 345 678"])
            #expect(page.text.contains(#"id="term">Không thời hạn<"#))
            #expect(!page.text.contains("gia hạn thêm"), "an open-ended contract has nothing to renew")
        }
    }
}
