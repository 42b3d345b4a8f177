import Foundation
import GRDB
import Messaging

/// A household head's row (`households_members`) as it joins a dossier: sealed personal data,
/// fingerprints and masked forms from ``MemberSealing``, and a sub-household's confirmation.
/// Leaving, splitting and the split status change it later, column by column; the store
/// numbers it (`member_id`).
struct MemberRecord: Codable, FetchableRecord, ColumnRecord {
    static let databaseTableName = "households_members"
    static let insertSQL = makeInsertSQL()

    var dossierId: String
    var role: String
    var nameSealed: Data
    var idSealed: Data
    var idFingerprint: String
    var idMasked: String
    var idLegacy: Bool
    /// Whole seconds since 1970.
    var joinedAt: Double
    var detailsSealed: Data?
    var bookFingerprint: String?
    var bookMasked: String?
    var confirmationIssuer: String?
    var confirmationNumber: String?
    /// `YYYY-MM-DD`.
    var confirmationIssuedOn: String?
    var confirmationValidUntil: String?
    var persons: Int?
    /// Whether the household counts towards the dossier's allowance today.
    var counting: Bool
    /// The supervisor's override that let it in, if one did.
    var overrideId: Int64?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case dossierId = "dossier_id", role, nameSealed = "name_sealed", idSealed = "id_sealed"
        case idFingerprint = "id_fingerprint", idMasked = "id_masked", idLegacy = "id_legacy", joinedAt = "joined_at"
        case detailsSealed = "details_sealed", bookFingerprint = "book_fingerprint", bookMasked = "book_masked"
        case confirmationIssuer = "confirmation_issuer", confirmationNumber = "confirmation_number"
        case confirmationIssuedOn = "confirmation_issued_on", confirmationValidUntil = "confirmation_valid_until"
        case persons, counting, overrideId = "override_id"
    }

    /// The row of `sealed` joining `dossierId`; `sub` is `nil` for the main household.
    init(_ sealed: MemberSealing.Sealed, sub: SubHousehold?, dossierId: String, joinedAt: Double, counting: Bool,
         overrideId: Int64?) {
        self.dossierId = dossierId
        role = sub == nil ? MemberRole.main.rawValue : MemberRole.sub.rawValue
        nameSealed = sealed.name
        idSealed = sealed.id
        idFingerprint = sealed.idFingerprint
        idMasked = sealed.idMasked
        idLegacy = sealed.idLegacy
        self.joinedAt = joinedAt
        detailsSealed = sealed.details
        bookFingerprint = sealed.bookFingerprint
        bookMasked = sealed.bookMasked
        confirmationIssuer = sub?.confirmation?.issuer
        confirmationNumber = sub?.confirmation?.number
        confirmationIssuedOn = sub?.confirmation?.issuedOn.description
        confirmationValidUntil = sub?.confirmation?.validUntil?.description
        persons = sub?.persons
        self.counting = counting
        self.overrideId = overrideId
    }

    subscript(_ column: CodingKeys) -> (any DatabaseValueConvertible)? {
        switch column {
        case .dossierId: dossierId
        case .role: role
        case .nameSealed: nameSealed
        case .idSealed: idSealed
        case .idFingerprint: idFingerprint
        case .idMasked: idMasked
        case .idLegacy: idLegacy
        case .joinedAt: joinedAt
        case .detailsSealed: detailsSealed
        case .bookFingerprint: bookFingerprint
        case .bookMasked: bookMasked
        case .confirmationIssuer: confirmationIssuer
        case .confirmationNumber: confirmationNumber
        case .confirmationIssuedOn: confirmationIssuedOn
        case .confirmationValidUntil: confirmationValidUntil
        case .persons: persons
        case .counting: counting
        case .overrideId: overrideId
        }
    }
}
