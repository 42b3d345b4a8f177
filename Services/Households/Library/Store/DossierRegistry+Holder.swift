import Contracts
import Foundation
import GRDB
import WorkingCalendar

/// The meter's households as its holder sees them on the portal (`households.meter-households`):
/// the references a household change names, opened only to the phone the dossier was
/// registered with.
extension DossierRegistry {
    /// The current sub-households of `customerCode`'s active dossier, or `nil` when it has none
    /// or `holderPhone` is not the phone it was registered with (the portal says the same for both).
    func meterHouseholds(customerCode: String, holderPhone: String, in db: Database) throws -> MeterHouseholds? {
        guard let dossierId = try activeDossierId(customerCode: customerCode, in: db),
              let sealedPhone = try Data.fetchOne(db.cachedStatement(sql: """
                  SELECT contact_phone_sealed FROM households_dossiers WHERE dossier_id = ?
                  """), arguments: [dossierId]),
              try sealing.personalData.open(sealedPhone) == holderPhone,
              let dossier = try dossier(id: dossierId, in: db)
        else { return nil }
        return MeterHouseholds(customerCode: customerCode, households: dossier.members.filter {
            $0.role == .sub && $0.status == .active
        }.map {
            MeterHouseholds.Household(subHouseholdId: $0.subHouseholdId, shortName: Self.shortName($0.fullName),
                                      counting: $0.counting, joinedOn: CalendarDate(CalendarDay($0.joinedAt).description)!)
        })
    }

    /// Every name but the last reduced to its initial: `Lý Thị Sương` → `L. T. Sương`.
    static func shortName(_ fullName: String) -> String {
        let names = fullName.split(separator: " ")
        return (names.dropLast().compactMap { $0.first.map { "\($0)." } } + names.suffix(1).map(String.init))
            .joined(separator: " ")
    }
}
