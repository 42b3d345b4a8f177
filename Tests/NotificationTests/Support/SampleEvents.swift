import Contracts
import Foundation

/// The flow's messages as crm and intake send them, for one customer per test.
enum SampleEvents {
    static let branch = Branch(code: "PC05TK", name: "Tam Kỳ", hotline: "0235 3852 999")
    static let phone = "+84912345678"

    /// A request code no other test uses.
    static func requestCode() -> String {
        "PC05TK-251124-\(String(Int.random(in: 100_000...999_999)))"
    }

    /// An e-mail address no other test uses, so the shared mail folder can be searched by it.
    static func email() -> String {
        "kh-\(UUID().uuidString.prefix(8).lowercased())@example.vn"
    }

    static func ticketOpened(_ requestCode: String, email: String?,
                             kind: RequestKind? = .newLowVoltageConnection) -> TicketOpened {
        TicketOpened(ticketId: "T-\(requestCode)", requestCode: requestCode, requestKind: kind, branch: branch,
                     contact: CustomerContact(phone: phone, email: email), slaLimitWorkingDays: 3,
                     dueDate: CalendarDate("2025-11-27")!, openedAt: Date(timeIntervalSince1970: 1_764_000_000))
    }

    static func signingCode(_ requestCode: String, code: String) -> SendSigningCode {
        SendSigningCode(requestCode: requestCode, contractNumber: "HĐ-TK-2025-000123", branch: branch, phone: phone,
                        signingCode: code, validityMinutes: 15, issuedAt: Date(timeIntervalSince1970: 1_764_100_000))
    }

    static func contractSigned(_ requestCode: String) -> ContractSigned {
        ContractSigned(contractNumber: "HĐ-TK-2025-000123", requestCode: requestCode, branch: branch,
                       customerCode: "PC05TK0012345", meterSerial: "M-1", householdCount: 1,
                       signedAt: Date(timeIntervalSince1970: 1_764_200_000))
    }

    /// households' reminder about the shared meter `PC05TK0012345`, with a reminder id no other test uses.
    static func residenceReminder(_ threshold: SendResidenceReminder.Threshold, phone: String = phone) -> SendResidenceReminder {
        SendResidenceReminder(reminderId: "RM-\(UUID().uuidString.prefix(8).lowercased())-\(threshold.rawValue)",
                              customerCode: "PC05TK0012345", unit: branch.code, phone: phone, threshold: threshold,
                              validUntil: CalendarDate("2025-12-31")!, issuedAt: Date(timeIntervalSince1970: 1_764_300_000))
    }

    static func refused(_ requestCode: String) -> RequestRefused {
        RequestRefused(ticketId: "T-\(requestCode)", requestCode: requestCode, requestKind: .newLowVoltageConnection,
                       branch: branch, ground: .siteInfeasible, reason: "Khu vực chưa có lưới điện hạ áp",
                       refusedAt: Date(timeIntervalSince1970: 1_764_050_000))
    }
}
