import Contracts
import Foundation
import GRDB
import PersonalData

/// Where each request's customer is reached, kept from `crm.ticket.opened` for the notices
/// of that request that follow (their events name the request only).
struct ContactBook: Sendable {
    let personalData: PersonalDataProtector

    /// Keeps `contact` for `requestCode`; a later ticket for the same request replaces it.
    func record(_ contact: CustomerContact, for requestCode: String, at now: Date, in db: Database) throws {
        let email = contact.email.map { Recipient(channel: .email, address: $0) }
        try ContactRow(
            requestCode: requestCode, phoneSealed: personalData.seal(contact.phone),
            phoneMasked: Recipient(channel: .sms, address: contact.phone).masked,
            emailSealed: email.map { personalData.seal($0.address) }, emailMasked: email?.masked,
            recordedAt: now.timeIntervalSince1970
        ).insertRow(into: db)
    }

    /// The contact kept for `requestCode`, `nil` when no ticket of it was seen.
    func contact(for requestCode: String, in db: Database) throws -> CustomerContact? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT phone_sealed, email_sealed FROM notification_contacts WHERE request_code = ?
            """), arguments: [requestCode]) else { return nil }
        let email: Data? = row["email_sealed"]
        return CustomerContact(phone: try personalData.open(row["phone_sealed"]),
                               email: try email.map { try personalData.open($0) })
    }
}
