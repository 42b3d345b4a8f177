import Contracts
import Foundation
import GRDB
import Messaging
import PersonalData
import ServiceKit

/// Stores an accepted service request and its `intake.service-request.submitted` event in one
/// transaction: both are written, or neither is.
struct ServiceRequestStore: Sendable {
    let writer: GroupCommitWriter
    let outbox: Outbox
    let personalData: PersonalDataProtector

    func submit(_ request: ServiceRequest, at now: Date) async throws -> SubmissionReceipt {
        let submittedAt = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        let (outbox, personalData) = (outbox, personalData)
        return try await writer.write { db in
            let code = try DailySequence.nextCode(branchCode: request.branch.code, at: submittedAt, in: db)
            try db.execute(sql: """
                INSERT INTO intake_service_requests (request_code, request_kind, channel, operator_id, customer_code,
                    branch_code, branch_name, branch_hotline, requester_name_sealed, requester_id_masked, phone_masked,
                    phone_sealed, phone_fingerprint, email_sealed, consent_given_at, submitted_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [
                    code.value, request.kind.rawValue, request.channel.rawValue, request.operatorId,
                    request.customerCode.description, request.branch.code, request.branch.name, request.branch.hotline,
                    personalData.seal(request.requester.name.value), request.requester.id.masked, request.phone.masked,
                    personalData.seal(request.phone.e164), personalData.fingerprint(request.phone.e164),
                    request.email.map(personalData.seal),
                    submittedAt.timeIntervalSince1970, submittedAt.timeIntervalSince1970,
                ])
            try outbox.send(request.submitted(code: code, at: submittedAt), from: .intake, correlationId: code.value,
                            cause: nil, at: submittedAt, in: db)
            return SubmissionReceipt(code: code, branch: request.branch, submittedAt: submittedAt,
                                     notices: request.notices)
        }
    }
}
