import Contracts
import Foundation
@testable import Intake
import Testing

/// The SMS syntax as customers type it, and the answers' length.
@Suite struct SMSCommandTests {
    @Test(arguments: [
        ("EVN TC PC05TK-261203-000001", SMSCommand.track(requestCode: "PC05TK-261203-000001")),
        ("  evn   tc  pc05tk-261203-000001 ", .track(requestCode: "PC05TK-261203-000001")),
        ("EVNTC PC05TK-261203-000001", .track(requestCode: "PC05TK-261203-000001")),
        ("Evn Md PC05TK 0012345", .reportOutage(customerCode: "PC05TK0012345")),
        ("EVN LỊCH PC05TK0012345", .plannedOutages(customerCode: "PC05TK0012345")),
        ("evn\nlich\tpc05tk0012345", .plannedOutages(customerCode: "PC05TK0012345")),
        ("EVN TC", .help),
        ("EVN XYZ PC05TK0012345", .help),
        ("TC PC05TK-261203-000001", .help),
        ("Xin chào, nhà tôi mất điện", .help),
        ("", .help),
    ])
    func theCommandIsReadWithoutRegardToCaseSpacesOrDiacritics(text: String, expected: SMSCommand) {
        #expect(SMSCommand(text: text) == expected)
    }

    @Test func everyAnswerIsGSM7WithinTwoSegmentsEvenForAFullSchedule() {
        let branch = Branch(code: "PC05TK", name: "Tam Kỳ", hotline: "0235 3852 999")
        let outages = (0..<8).map { index in
            PlannedOutage(plannedOutageId: "KH-PC05TK-00000\(index)", branch: branch, communeCodes: ["20356"],
                          location: "Phường An Mỹ (tổ 1–5, khu dân cư phía bắc đường Phan Chu Trinh), Tam Kỳ",
                          reason: "Thay máy biến áp", startsAt: Date(timeIntervalSince1970: 1_765_000_000 + Double(index) * 86_400),
                          endsAt: Date(timeIntervalSince1970: 1_765_018_000 + Double(index) * 86_400), status: .scheduled, revision: 1)
        }
        let schedule = SMSAnswer.plannedOutages(outages, customerCode: "PC05TK0012345", days: 30)
        #expect(schedule.text.contains("Phuong An My"), "\(schedule.text)")
        #expect(schedule.text.hasSuffix("lich khac, xem tren website."), "\(schedule.text)")
        let answers = [
            schedule, .help(shortCode: "8088"), .requestNotFound(String(repeating: "X", count: 300)),
            .customerCodeUnknown(String(repeating: "9", count: 300)), .tooManyReports(), .unavailable(),
            .plannedOutages([], customerCode: "PC05TK0012345", days: 30),
        ]
        for answer in answers {
            #expect(answer.segments <= SMSAnswer.maximumSegments, "\(answer.text)")
            #expect(answer.text.unicodeScalars.allSatisfy { $0.isASCII }, "\(answer.text)")
        }
    }
}
