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
        try db.execute(sql: """
            INSERT INTO notification_contacts (request_code, phone_sealed, phone_masked, email_sealed, email_masked, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (request_code) DO UPDATE SET phone_sealed = excluded.phone_sealed,
                phone_masked = excluded.phone_masked, email_sealed = excluded.email_sealed,
                email_masked = excluded.email_masked, recorded_at = excluded.recorded_at
            """, arguments: [
                requestCode, personalData.seal(contact.phone), Recipient(channel: .sms, address: contact.phone).masked,
                email.map { personalData.seal($0.address) }, email?.masked, now.timeIntervalSince1970,
            ])
    }

    /// The contact kept for `requestCode`, `nil` when no ticket of it was seen.
    func contact(for requestCode: String, in db: Database) throws -> CustomerContact? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT phone_sealed, email_sealed FROM notification_contacts WHERE request_code = ?
            """, arguments: [requestCode]) else { return nil }
        let email: Data? = row["email_sealed"]
        return CustomerContact(phone: try personalData.open(row["phone_sealed"]),
                               email: try email.map { try personalData.open($0) })
    }
}
