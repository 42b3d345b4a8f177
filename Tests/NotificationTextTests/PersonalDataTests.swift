import Contracts
import Foundation
import Testing
import NotificationText

/// An SMS can be read by anyone holding the phone, so no notice may carry the customer's
/// ID number (Decree 13/2023/NĐ-CP): the contexts have no field for one, and the one
/// free-text value masks anything that looks like one.
@Suite("Personal data")
struct PersonalDataTests {
    private static let contexts: [any NotificationContext] = [
        try! RequestReceivedContext(
            requestKind: .newLowVoltageConnection, requestCode: "PC05TK2025000123", branchName: "Tam Kỳ",
            branchHotline: "0235 3852 999",
            trackingLink: URL(string: "https://cskh.dienluc.vn/tra-cuu/PC05TK2025000123")!),
        try! SurveyRefusedContext(requestCode: "PC05TK2025000123", branchName: "Tam Kỳ", reason: "Cần thêm cột",
                                  trackingLink: NoticeExpectations.trackingLink),
        try! ContractReadyContext(requestCode: "PC05TK2025000123", branchName: "Tam Kỳ", signingCode: "048213", validityMinutes: 10,
                                  signingLink: NoticeExpectations.signingLink),
        try! ContractSignedContext(requestCode: "PC05TK2025000123", branchName: "Tam Kỳ", contractNumber: "HĐ-TK-2025-000123",
                                   trackingLink: NoticeExpectations.trackingLink),
    ]

    private static let personalWords = ["citizen", "idnumber", "identity", "cccd", "cmnd", "passport", "national", "birth", "address", "customername", "phone"]

    private func fieldNames(of context: some NotificationContext) -> [String] {
        type(of: context).Field.allCases.map(\.rawValue)
    }

    @Test func noContextStoresAnIDNumberOrOtherPersonalData() {
        for context in Self.contexts {
            let names = Mirror(reflecting: context).children.compactMap(\.label) + fieldNames(of: context)
            #expect(!names.isEmpty)
            for name in names {
                let lowered = name.lowercased()
                #expect(!Self.personalWords.contains { lowered.contains($0) }, "\(type(of: context)).\(name)")
            }
        }
    }

    @Test(arguments: [
        ("Trùng CCCD 049088001234 với hồ sơ khác", "Trùng CCCD *** với hồ sơ khác"),
        ("CCCD 079 088 001 234 đã đăng ký", "CCCD *** đã đăng ký"),
        ("CMND 123456789", "CMND ***"),
        ("Gọi 0912.345.678 không được", "Gọi *** không được"),
    ])
    func masksIDAndPhoneNumbersQuotedInAReason(reason: String, shown: String) throws {
        let context = try SurveyRefusedContext(requestCode: "PC05TK2025000123", branchName: "Tam Kỳ", reason: reason,
                                               trackingLink: NoticeExpectations.trackingLink)
        #expect(context.reason == shown)
        let notice = context.render()
        #expect(notice.sms.text.contains("Lý do: \(shown). Chi tiết:"))
        #expect(notice.smsWithoutDiacritics.text.contains(GSM7Transliterator.transliterate("Lý do: \(shown). Chi tiết:")))
        #expect(notice.email.body.contains("Lý do: \(shown)."))
    }

    @Test func leavesShortNumbersAndCodesInAReason() throws {
        let reason = "Cần 2 cột, 150 m cáp (phiếu PC05TK2025000123, ngày 09.08.2025)"
        #expect(try SurveyRefusedContext(requestCode: "PC05TK2025000123", branchName: "Tam Kỳ", reason: reason,
                                         trackingLink: NoticeExpectations.trackingLink).reason == reason)
    }
}
