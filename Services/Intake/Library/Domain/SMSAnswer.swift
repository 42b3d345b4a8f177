import Contracts
import Foundation
import NotificationText
import WebPages

/// The SMS that answers a customer's message: Vietnamese without diacritics (GSM-7), within
/// ``maximumSegments`` segments, as every answer of utilities' SMS services is.
///
/// Each case of ``SMSCommand`` has its answers here, so the wording is in one place and tests
/// can hold each to the segment budget. What comes from elsewhere (a branch's name, crm's step,
/// a planned outage's place) is written with diacritics and loses them with the rest.
struct SMSAnswer: Sendable, Equatable {
    /// Two concatenated segments, 306 GSM-7 characters: a longer answer is cut down, never split further.
    static let maximumSegments = 2
    /// The company's hotline, named where the customer should call instead.
    static let hotline = "1900 1909"

    /// The text as it is sent.
    let text: String

    private init(_ text: String) {
        self.text = SMSText(text).withoutDiacritics.text
    }

    /// How many segments the answer takes.
    var segments: Int { SMSText(text).segments }

    /// The syntax, for a message that is none of the commands.
    static func help(shortCode: String) -> SMSAnswer {
        let to = shortCode.isEmpty ? "" : " gui \(shortCode)"
        return SMSAnswer("EVN: Soan EVN TC <ma yeu cau> de tra cuu yeu cau; EVN MD <ma khach hang> de bao mat dien; "
            + "EVN LICH <ma khach hang> de xem lich tam ngung cap dien\(to). Tong dai \(hotline).")
    }

    /// Where a request stands: crm's latest step and the due date, when crm has them.
    static func status(of answer: TrackingAnswer) -> SMSAnswer {
        let step = answer.steps.last.map { " \($0.label.vi) (\(ShownTime.dayAndTime($0.at)))." } ?? ""
        let due = answer.dueDate.map { " Han giai quyet: \(ShownTime.day($0.description))." } ?? ""
        return SMSAnswer("EVN: Yeu cau \(answer.requestCode) - Dien luc \(answer.branch.name):\(step)\(due) "
            + "Hotline \(answer.branch.hotline).")
    }

    /// The same answer for an unknown code and for a phone that is not the request's.
    static func requestNotFound(_ code: String) -> SMSAnswer {
        SMSAnswer("EVN: Khong tim thay yeu cau \(code.prefix(RequestAccess.maximumCodeLength)) dang ky voi so dien thoai nay. "
            + "Vui long kiem tra ma yeu cau hoac goi \(hotline).")
    }

    /// The outage report was filed.
    static func outageReported(_ receipt: OutageReportReceipt, customerCode: String) -> SMSAnswer {
        SMSAnswer("EVN: Dien luc \(receipt.branch.name) da nhan bao mat dien cua KH \(customerCode), ma \(receipt.reportCode). "
            + "Quy khach se nhan tin nhan khi co dien tro lai. Hotline \(receipt.branch.hotline).")
    }

    /// A customer code that is malformed or of no branch of the company.
    static func customerCodeUnknown(_ code: String) -> SMSAnswer {
        SMSAnswer("EVN: Ma khach hang \(code.prefix(20)) khong dung. Ma khach hang in tren hoa don tien dien, "
            + "vi du PC05TK0012345. Tong dai \(hotline).")
    }

    /// The phone reported too often: nothing was filed.
    static func tooManyReports() -> SMSAnswer {
        SMSAnswer("EVN: So dien thoai nay da bao mat dien nhieu lan. Yeu cau truoc van dang duoc xu ly; "
            + "can gap xin goi \(hotline).")
    }

    /// The planned outages of the supply, soonest first; as many as the segments hold.
    static func plannedOutages(_ outages: [PlannedOutage], customerCode: String, days: Int) -> SMSAnswer {
        let scheduled = outages.filter { $0.status == .scheduled }
        guard !scheduled.isEmpty else {
            return SMSAnswer("EVN: KH \(customerCode) khong co lich tam ngung cap dien trong \(days) ngay toi.")
        }
        let head = "EVN: Lich tam ngung cap dien KH \(customerCode):"
        var listed: [String] = []
        for outage in scheduled {
            let line = " \(ShownTime.dayAndTime(outage.startsAt))-\(ShownTime.time(outage.endsAt)) \(outage.location.prefix(60));"
            let left = scheduled.count - listed.count - 1
            let more = left > 0 ? " va \(left) lich khac, xem tren website." : ""
            guard SMSAnswer(head + (listed + [line]).joined() + more).segments <= maximumSegments else { break }
            listed.append(line)
        }
        let left = scheduled.count - listed.count
        return SMSAnswer(head + listed.joined() + (left > 0 ? " va \(left) lich khac, xem tren website." : ""))
    }

    /// The look-up behind the answer did not answer in time.
    static func unavailable() -> SMSAnswer {
        SMSAnswer("EVN: He thong dang ban, quy khach vui long nhan lai sau it phut hoac goi \(hotline).")
    }
}
