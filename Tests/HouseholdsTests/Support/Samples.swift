import Contracts
import Foundation

/// People, units and bodies as the tests use them.
enum Samples {
    static let unit = "PC05TK"
    static let otherUnit = "PC05HA"

    static let holder = Person(fullName: "Nguyễn Văn An", idNumber: "049088012345")
    static let tenant = Person(fullName: "Trần Thị Bích", idNumber: "049195004321")
    static let stranger = Person(fullName: "Lê Văn Cường", idNumber: "048090001234")

    /// A `POST /api/v1/dossiers` body for an existing dossier from the billing system.
    static func dossier(customerCode: String, holder: Person = holder, subs: [Person] = [tenant],
                        unit: String? = nil) -> [String: Any] {
        var body: [String: Any] = [
            "customerCode": customerCode,
            "holder": ["fullName": holder.fullName, "idNumber": holder.idNumber],
            "subHouseholds": subs.map { ["fullName": $0.fullName, "idNumber": $0.idNumber] },
        ]
        if let unit { body["unit"] = unit }
        return body
    }

    static func registerMainHousehold(contractNumber: String, customerCode: String) -> RegisterMainHousehold {
        RegisterMainHousehold(
            requestCode: "PC05TK-251124-000123", contractNumber: contractNumber, customerCode: customerCode,
            meterSerial: "TK-1P-0001",
            site: Site(province: "Quảng Nam", communeCode: "20350", street: "12 Phan Chu Trinh, tổ 3",
                       branchCode: unit, areaClass: .urban),
            holder: holder, householdCount: 2, subHouseholds: [tenant],
            signedAt: Date(timeIntervalSince1970: 1_764_000_000))
    }
}
