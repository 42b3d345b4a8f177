import Foundation
import GRDB
import Messaging

/// Where a request's customer is reached, as `notification_contacts` keeps it: phone and
/// e-mail sealed and masked. A later ticket for the same request replaces the whole row.
///
/// A ``ColumnRecord`` so that its insert can be the upsert that replacement needs.
struct ContactRow: ColumnRecord {
    static let databaseTableName = "notification_contacts"
    static let insertSQL = makeUpsertSQL(key: .requestCode)

    var requestCode: String
    var phoneSealed: Data
    var phoneMasked: String
    var emailSealed: Data?
    var emailMasked: String?
    var recordedAt: Double

    enum ColumnName: String, CodingKey, CaseIterable {
        case requestCode = "request_code", phoneSealed = "phone_sealed", phoneMasked = "phone_masked"
        case emailSealed = "email_sealed", emailMasked = "email_masked", recordedAt = "recorded_at"
    }

    subscript(_ column: ColumnName) -> (any DatabaseValueConvertible)? {
        switch column {
        case .requestCode: requestCode
        case .phoneSealed: phoneSealed
        case .phoneMasked: phoneMasked
        case .emailSealed: emailSealed
        case .emailMasked: emailMasked
        case .recordedAt: recordedAt
        }
    }
}
