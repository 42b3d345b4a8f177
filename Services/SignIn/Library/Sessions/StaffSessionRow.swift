import Foundation
import GRDB
import Messaging
import PersonalData

/// A session as `staff_session` keeps it when it opens: only its id's hash, the display name
/// sealed, the roles comma-separated. Renewals and the end change the row later, column by
/// column (``SessionBook``).
struct StaffSessionRow: SnakeCaseRecord {
    static let databaseTableName = "staff_session"

    var idHash: String
    var staffId: String
    var displayNameSealed: Data
    /// The roles' raw values, sorted, joined by commas.
    var roles: String
    var unit: String
    var startedAt: Date
    var lastActiveAt: Date
    var endsAt: Date

    init(_ session: StaffSession, id: OpaqueSecret, sealedWith personalData: PersonalDataProtector) {
        idHash = id.hash
        staffId = session.staffId
        displayNameSealed = personalData.seal(session.displayName)
        roles = session.roles.map(\.rawValue).sorted().joined(separator: ",")
        unit = session.unit
        startedAt = session.startedAt
        lastActiveAt = session.lastActiveAt
        endsAt = session.endsAt
    }
}
