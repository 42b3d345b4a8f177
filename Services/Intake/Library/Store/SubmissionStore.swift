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
        let (outbox, personalData) = (outbox, personalData)
        let phoneFingerprint = personalData.fingerprint(request.phone.e164)
        return try await writer.write { db in
            if let earlier = try IdempotencyLedger.earlierOutcome(of: idempotency, at: submittedAt, in: db) {
                return earlier
            }
            try PhoneMessageBudget.draw(for: phoneFingerprint, filer: filer, at: submittedAt, in: db)
            let branch = request.area.branch
            let code = try DailySequence.nextCode(branchCode: branch.code, at: submittedAt, in: db)
            try ConnectionRequestRow(request, code: code, phoneFingerprint: phoneFingerprint, at: submittedAt,
                                     sealedWith: personalData).insert(db)
            let receipt = SubmissionReceipt(code: code, branch: branch, submittedAt: submittedAt, notices: request.notices)
            try IdempotencyLedger.record(idempotency, receipt: receipt, in: db)
            let event = request.submitted(code: code, at: submittedAt)
            try outbox.send(event, correlation: code.value, at: submittedAt, in: db)
            return .accepted(receipt)
        }
    }
}
