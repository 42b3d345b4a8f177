import Foundation
import Synchronization

/// A customer who asks for a new connection: valid, unique ID numbers, phone and e-mail, so
/// that many runs (and a benchmark's thousands of requests) never meet in the stores.
public struct SampleCustomer: Sendable {
    public let fullName: String
    /// 12-digit citizen ID (CCCD) with Quảng Nam's birth-province code.
    public let idNumber: String
    /// The phone as the customer types it (`0912 345 678`).
    public let phone: String
    /// The same number as the services store and send to it (`+84912345678`).
    public let phoneE164: String
    public let email: String
    /// The commune of the site: its branch and class decide routing and the SLA.
    public let communeCode: String
    /// The branch serving the commune (intake's built-in service areas).
    public let branchCode: String
    /// The other households sharing the meter: name and ID number each.
    public let extraHouseholds: [(fullName: String, idNumber: String)]

    /// A fresh customer at `communeCode` (default: Phường Tân Thạnh, Tam Kỳ, urban) with
    /// `households` households on the meter, the applicant's included.
    public static func make(
        communeCode: String = "20350", branchCode: String = "PC05TK", households: Int = 2, applicantID: String? = nil
    ) -> SampleCustomer {
        let subscriber = String(format: "%07d", (phoneOffset + serials.add(1, ordering: .relaxed).newValue) % 10_000_000)
        let tag = UUID().uuidString.prefix(8).lowercased()
        return SampleCustomer(
            fullName: "Nguyễn Văn An", idNumber: applicantID ?? freshCitizenID(),
            phone: "091\(subscriber)", phoneE164: "+8491\(subscriber)",
            email: "khach.\(tag)@khachhang.example.vn", communeCode: communeCode, branchCode: branchCode,
            extraHouseholds: (1..<max(households, 1)).map { index in
                (householdHeads[(index - 1) % householdHeads.count], freshCitizenID())
            })
    }

    /// Heads of the households sharing a meter with the applicant.
    static let householdHeads = ["Trần Thị Bích", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em"]

    /// A valid CCCD no other sample of this process has: birth province 049 (Quảng Nam), born
    /// 1960–1999. Unique, not merely random: a benchmark's thousands of customers would otherwise
    /// share numbers (a phone shared by two customers hands one the other's signing code).
    public static func freshCitizenID() -> String {
        let sexAndCentury = Int.random(in: 0...1)
        let year = Int.random(in: 60...99)
        return String(format: "049%d%02d%06d", sexAndCentury, year, (idOffset + serials.add(1, ordering: .relaxed).newValue) % 1_000_000)
    }

    /// Numbers handed out so far, and where this run starts counting (so that runs differ too).
    private static let serials = Atomic<Int>(0)
    private static let phoneOffset = Int.random(in: 0..<10_000_000)
    private static let idOffset = Int.random(in: 0..<1_000_000)

    /// The `POST /api/v1/requests` body the web portal sends for this customer.
    public func requestForm(kind: String = "new_lv_connection") -> [String: Any] {
        [
            "kind": kind,
            "channel": "web",
            "applicant": ["fullName": fullName, "idNumber": idNumber, "phone": phone, "email": email],
            "site": ["province": "Quảng Nam", "communeCode": communeCode, "street": "12 Phan Chu Trinh, tổ 3"],
            "purpose": "residential",
            "householdCount": extraHouseholds.count + 1,
            "extraHouseholds": extraHouseholds.map { ["fullName": $0.fullName, "idNumber": $0.idNumber] },
            "consent": true,
        ]
    }
}
