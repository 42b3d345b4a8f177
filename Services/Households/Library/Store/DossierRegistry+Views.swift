import Contracts
import Foundation
import GRDB

/// The dossier as staff see it: names and addresses opened, ID numbers and books masked.
extension DossierRegistry {
    /// The dossier with its members, names and addresses opened, ID numbers and books masked.
    func dossier(id: String, in db: Database) throws -> DossierView? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM households_dossiers WHERE dossier_id = ?"), arguments: [id])
        else { return nil }
        let members = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT * FROM households_members WHERE dossier_id = ? ORDER BY role = 'sub', member_id
            """), arguments: [id]).map(view(of:))
        return DossierView(
            dossierId: row["dossier_id"], unit: row["unit"], customerCode: row["customer_code"],
            meterSerial: row["meter_serial"], contractNumber: row["contract_number"],
            origin: DossierOrigin(rawValue: row["origin"]) ?? .records,
            status: DossierStatus(rawValue: row["status"]) ?? .active,
            openedAt: Date(timeIntervalSince1970: row["opened_at"]),
            closedAt: (row["closed_at"] as Double?).map(Date.init(timeIntervalSince1970:)),
            maskedContactPhone: row["contact_phone_masked"],
            allowance: HouseholdQuarters(quarters: row["effective_quarters"]).shown, members: members)
    }

    private func view(of row: Row) throws -> SubHouseholdView {
        let details = try sealing.openDetails(row["details_sealed"])
        let issuedOn: String? = row["confirmation_issued_on"]
        let status: MemberStatus = switch row["left_reason"] as String? {
        case nil: .active
        case "split": .split
        default: .ended
        }
        let notSplit = (row["not_split_reason"] as String?).flatMap(NotSplitReason.init(rawValue:))
        let note: String? = row["not_split_note"]
        let wantsSplit: Bool = row["wants_split"]
        return SubHouseholdView(
            subHouseholdId: SubHouseholdReference(memberId: row["member_id"]).description,
            role: MemberRole(rawValue: row["role"]) ?? .sub,
            fullName: try sealing.personalData.open(row["name_sealed"]), maskedIdNumber: row["id_masked"],
            legacyIdNumber: row["id_legacy"], maskedHouseholdBook: row["book_masked"],
            permanentAddress: details?.permanentAddress,
            residenceConfirmation: issuedOn.map { issuedOn in
                ResidenceConfirmationForm(issuer: row["confirmation_issuer"], number: row["confirmation_number"],
                                          issuedOn: issuedOn, validUntil: row["confirmation_valid_until"])
            },
            // A household that left counts no more, whatever its flag kept from the recount before.
            persons: row["persons"], counting: status == .active && row["counting"], status: status,
            joinedAt: Date(timeIntervalSince1970: row["joined_at"]),
            leftAt: (row["left_at"] as Double?).map(Date.init(timeIntervalSince1970:)),
            splitCustomerCode: row["split_customer_code"],
            splitStatus: notSplit == nil && note == nil && !wantsSplit ? nil
                : SplitStatusView(notSplitReason: notSplit, note: note, wantsSplit: wantsSplit))
    }
}
