import Contracts
import Foundation
import GRDB
import Messaging
import PersonalData
import ServiceKit

/// Stores an accepted request, its idempotency key and its `intake.request.submitted`
/// event in one transaction: all three are written, or none is. The request's "received"
/// text is drawn from the phone's budget in the same transaction (``PhoneMessageBudget``).
struct SubmissionStore: Sendable {
    let writer: GroupCommitWriter
    let outbox: Outbox
    let personalData: PersonalDataProtector

    /// - Throws: ``PhoneBudgetSpent`` when an anonymous filing names a phone whose budget is
    ///   spent; nothing is stored.
    func submit(_ request: ConnectionRequest, by filer: Filer, idempotency: IdempotencyLedger.Claim?, at now: Date)
        async throws -> FilingOutcome {
        let submittedAt = now.wholeSeconds
        let outbox = outbox
        let phoneFingerprint = personalData.fingerprint(request.phone.e164)
        return try await writer.write { db in
            if let earlier = try IdempotencyLedger.earlierOutcome(of: idempotency, at: submittedAt, in: db) {
                return earlier
            }
            try PhoneMessageBudget.draw(for: phoneFingerprint, filer: filer, at: submittedAt, in: db)
            let branch = request.area.branch
            let code = try DailySequence.nextCode(branchCode: branch.code, at: submittedAt, in: db)
            try insert(request, code: code, phoneFingerprint: phoneFingerprint, at: submittedAt, in: db)
            let receipt = SubmissionReceipt(code: code, branch: branch, submittedAt: submittedAt, notices: request.notices)
            try IdempotencyLedger.record(idempotency, receipt: receipt, in: db)
            let event = request.submitted(code: code, at: submittedAt)
            try outbox.enqueue(.event(Envelope.intake(event, requestCode: code.value, at: submittedAt)), in: db)
            return .accepted(receipt)
        }
    }

    /// The request row: ID numbers masked; the phone masked, sealed and fingerprinted (E.164); names, e-mail
    /// and street sealed; the rest as validated.
    private func insert(_ request: ConnectionRequest, code: RequestCode, phoneFingerprint: String, at submittedAt: Date,
                        in db: Database) throws {
        let extraHouseholds = request.extraHouseholds.map { ["fullName": $0.name.value, "idNumberMasked": $0.id.masked] }
        try db.execute(sql: """
            INSERT INTO intake_requests (request_code, request_kind, channel, operator_id, applicant_name_sealed,
                applicant_id_masked, applicant_id_legacy, applicant_phone_masked, applicant_email_sealed, province,
                commune_code, street_sealed, branch_code, area_class, purpose, household_count, extra_households_sealed,
                consent_given_at, submitted_at, applicant_phone_sealed, applicant_phone_fingerprint, branch_name,
                branch_hotline)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [
                code.value, request.kind.rawValue, request.channel.rawValue, request.operatorId,
                personalData.seal(request.applicant.name.value), request.applicant.id.masked, request.applicant.id.isLegacy,
                request.phone.masked, request.email.map(personalData.seal), request.area.province, request.area.communeCode,
                personalData.seal(request.street), request.area.branch.code, request.area.areaClass.rawValue,
                request.purpose.rawValue, request.householdCount,
                personalData.seal(String(decoding: try JSONCoding.encoder.encode(extraHouseholds), as: UTF8.self)),
                submittedAt.timeIntervalSince1970, submittedAt.timeIntervalSince1970,
                personalData.seal(request.phone.e164), phoneFingerprint,
                request.area.branch.name, request.area.branch.hotline,
            ])
    }
}
