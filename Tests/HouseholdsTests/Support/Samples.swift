import Contracts
import Foundation
import WorkingCalendar

/// People, units and bodies as the tests use them.
enum Samples {
    static let unit = "PC05TK"
    static let otherUnit = "PC05HA"

    static let holder = Person(fullName: "Nguyễn Văn An", idNumber: "049088012345")
    static let tenant = Person(fullName: "Trần Thị Bích", idNumber: "049195004321")
    static let stranger = Person(fullName: "Lê Văn Cường", idNumber: "048090001234")
    static let neighbour = Person(fullName: "Phạm Thị Dung", idNumber: "049192007788")

    /// A person with an ID number no other sample has: `049088` and six digits from `n`.
    static func person(_ n: Int, name: String = "Trần Văn Hộ") -> Person {
        Person(fullName: name, idNumber: "049088" + String(format: "%06d", 100_000 + n))
    }

    /// A dossier's allowance as the API shows it, `quarters = households`: `8 = 2`.
    static func allowance(_ dossier: [String: any Sendable]) -> String {
        let allowance = dossier["allowance"] as? [String: any Sendable]
        return "\(allowance?["quarters"] as? Int ?? -1) = \(allowance?["households"] as? String ?? "?")"
    }

    /// The last day of a confirmation that holds in every test, whenever it runs: five years
    /// after today in Vietnam, the day households counts by (a fixed date would expire). Read
    /// once, so that a test running across midnight sends and expects the same day.
    static let longValidDay = CalendarDay(Date()).adding(days: 5 * 365)
    /// ``longValidDay`` as the API takes it, `YYYY-MM-DD`.
    static var longValid: String { longValidDay.description }
    /// ``longValidDay`` as the pages show it, `dd/MM/yyyy`.
    static var longValidShown: String {
        String(format: "%02d/%02d/%04d", longValidDay.day, longValidDay.month, longValidDay.year)
    }

    /// A residence confirmation valid until `validUntil` (`nil`: permanent residence).
    static func confirmation(validUntil: String? = longValid, issuedOn: String = "2025-01-15") -> [String: Any] {
        var confirmation: [String: Any] = ["issuer": "Công an phường An Mỹ", "number": "XN-2025-0117", "issuedOn": issuedOn]
        if let validUntil { confirmation["validUntil"] = validUntil }
        return confirmation
    }

    /// A sub-household body: `person` with a permanent address and a residence confirmation.
    static func subHousehold(_ person: Person, validUntil: String? = longValid, persons: Int? = nil,
                             householdBook: String? = nil) -> [String: Any] {
        var body: [String: Any] = [
            "fullName": person.fullName, "idNumber": person.idNumber,
            "permanentAddress": "Thôn Phú Mỹ, xã Tam Thăng, Quảng Nam",
            "residenceConfirmation": confirmation(validUntil: validUntil),
        ]
        if let persons { body["persons"] = persons }
        if let householdBook { body["householdBook"] = householdBook }
        return body
    }

    /// A `POST /api/v1/dossiers` body for an existing dossier from the billing system.
    static func dossier(customerCode: String, holder: Person = holder, subs: [Person] = [tenant],
                        unit: String? = nil, contactPhone: String? = nil) -> [String: Any] {
        var body: [String: Any] = [
            "customerCode": customerCode,
            "holder": ["fullName": holder.fullName, "idNumber": holder.idNumber],
            "subHouseholds": subs.map { subHousehold($0) },
        ]
        if let unit { body["unit"] = unit }
        if let contactPhone { body["contactPhone"] = contactPhone }
        return body
    }

    static func registerMainHousehold(contractNumber: String, customerCode: String) -> RegisterMainHousehold {
        RegisterMainHousehold(
            requestCode: "PC05TK-251124-000123", contractNumber: contractNumber, customerCode: customerCode,
            meterSerial: "TK-1P-0001",
            site: Site(province: "Quảng Nam", communeCode: "20350", street: "12 Phan Chu Trinh, tổ 3",
                       branchCode: unit, areaClass: .urban),
            holder: holder, holderPhone: "+84905123456", householdCount: 2, subHouseholds: [tenant],
            signedAt: Date(timeIntervalSince1970: 1_764_000_000))
    }
}
