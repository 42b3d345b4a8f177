import Contracts
import Foundation
import GRDB
import Messaging
import PersonalData
import ServiceKit

/// The documents customers signed, as intake fixed them at the signature, each kept with the
/// contract version its signature made and the SHA-256 of what was signed; the document sealed.
enum SignedCopyStore {
    /// A kept copy as the ticket page names it, without the document.
    struct Kept: Sendable, Equatable {
        var contractNumber: String
        var contractVersion: Int?
        var sha256: String
        var signedAt: Date
    }

    /// Keeps the document of `signature`, which made the current version of its contract, once
    /// however often the signature is delivered; nothing for a signature that carries none.
    static func keep(_ signature: SignatureCaptured, personalData: PersonalDataProtector, in db: Database) throws {
        guard let document = signature.document else { return }
        let sealed = try personalData.seal(json: document)
        try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO crm_signed_copies
                (request_code, contract_number, contract_version, sha256, document_sealed, signed_at)
            VALUES (?, ?, (SELECT version FROM crm_contracts WHERE contract_number = ?), ?, ?, ?)
            """).execute(arguments: [signature.requestCode, signature.contractNumber, signature.contractNumber,
                                     document.sha256.lowercased(), sealed, signature.signedAt.timeIntervalSince1970])
    }

    /// The copy signed under request `requestCode`, without the document; `nil` when there is none.
    static func kept(requestCode: String, in db: Database) throws -> Kept? {
        try Row.fetchOne(db.cachedStatement(sql: """
            SELECT contract_number, contract_version, sha256, signed_at FROM crm_signed_copies WHERE request_code = ?
            """), arguments: [requestCode]).map { row in
            Kept(contractNumber: row["contract_number"], contractVersion: row["contract_version"], sha256: row["sha256"],
                 signedAt: Date(timeIntervalSince1970: row["signed_at"]))
        }
    }

    /// The document signed under request `requestCode`, opened; `nil` when there is none.
    static func document(requestCode: String, personalData: PersonalDataProtector, in db: Database) throws
        -> SignedDocument? {
        guard let sealed = try Data.fetchOne(db.cachedStatement(sql: "SELECT document_sealed FROM crm_signed_copies WHERE request_code = ?"),
                                             arguments: [requestCode]) else { return nil }
        return try personalData.open(SignedDocument.self, json: sealed)
    }
}
