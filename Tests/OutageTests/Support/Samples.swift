import Contracts
import Foundation
import WorkingCalendar

/// Branches, communes, reports and supply points as the tests use them (the built-in service areas).
enum Samples {
    static let branch = "PC05TK"
    static let otherBranch = "PC05HA"
    static let tamKy = Branch(code: "PC05TK", name: "Tam Kỳ", hotline: "1900 1909")
    /// Phường An Mỹ and Phường Tân Thạnh, served by Tam Kỳ.
    static let anMy = "20356"
    static let tanThanh = "20350"

    /// A report as intake sends it; `number` makes the code and the phone distinct.
    static func report(
        _ number: Int, communeCode: String? = anMy, customerCode: String? = nil, phone: String? = nil,
        at reportedAt: Date = Date()
    ) -> RecordOutageReport {
        RecordOutageReport(
            reportCode: "PC05TK-261202-\(String(format: "%06d", number))", channel: .web, branch: tamKy,
            communeCode: communeCode, customerCode: customerCode,
            phone: phone ?? "+8490\(String(format: "%07d", 1_000_000 + number))", note: "Mất điện cả xóm",
            reportedAt: Date(timeIntervalSince1970: reportedAt.timeIntervalSince1970.rounded(.down)))
    }

    /// The billing system's supply points: two in An Mỹ on station TBA-AM1 (one without a phone),
    /// one in Tân Thạnh, one of Hội An.
    static let supplyPoints = """
        customer_code,branch,commune_code,station_code,phone\r
        PC05TK0000001,PC05TK,20356,TBA-AM1,0905000001\r
        PC05TK0000002,PC05TK,20356,TBA-AM1,\r
        PC05TK0000003,PC05TK,20350,,0905000003\r
        PC05HA0000004,PC05HA,20395,,0905000004\r

        """

    /// An instant `days` days (and `hours` hours) from now, written with Vietnam's offset, whole minutes.
    static func instant(days: Double, hours: Double = 0) -> String {
        let date = Date().addingTimeInterval(days * 86_400 + hours * 3600)
        var style = Date.ISO8601FormatStyle(timeZone: CalendarDay.vietnamTimeZone)
        style = style.year().month().day().time(includingFractionalSeconds: false).timeZone(separator: .colon)
        return date.formatted(style)
    }

    /// A planned outage of An Mỹ, `days` from now, four hours long.
    static func plannedOutage(days: Double, communes: [String] = [anMy], urgentReason: String? = nil) -> [String: Any] {
        var body: [String: Any] = [
            "communeCodes": communes, "location": "Phường An Mỹ, Tam Kỳ", "reason": "Thay máy biến áp TBA-AM1",
            "startsAt": instant(days: days), "endsAt": instant(days: days, hours: 4),
        ]
        if let urgentReason { body["urgentReason"] = urgentReason }
        return body
    }
}
