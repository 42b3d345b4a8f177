import Contracts
import Foundation
import GRDB
import Messaging
import PersonalData
import ServiceKit

/// Stores an accepted outage report and its `outage.record-report` command in one transaction.
///
/// During a storm thousands of these arrive a second: the writer's group commit puts many
/// reports in one transaction, and nothing else is read or written on the way.
struct OutageReportStore: Sendable {
    let writer: GroupCommitWriter
    let outbox: Outbox
    let personalData: PersonalDataProtector

    /// The report's code, once stored. The restoration text it will cause is drawn from the
    /// phone's budget in the same transaction (``PhoneMessageBudget``): nobody signs in to report.
    ///
    /// - Throws: ``PhoneBudgetSpent`` when the phone's budget is spent; nothing is stored.
    func file(_ report: OutageReport, at now: Date) async throws -> String {
        let reportedAt = now.wholeSeconds
        let outbox = outbox
        let sealed = personalData.seal(report.phone.e164)
        let fingerprint = personalData.fingerprint(report.phone.e164)
        return try await writer.write { db in
            try PhoneMessageBudget.draw(for: fingerprint, filer: .anonymous, at: reportedAt, in: db)
            let code = try DailySequence.nextCode(branchCode: report.branch.code, at: reportedAt, in: db).value
            try OutageReportRow(report, code: code, phoneSealed: sealed, phoneFingerprint: fingerprint, at: reportedAt).insertRow(into: db)
            let command = RecordOutageReport(
                reportCode: code, channel: report.channel, operatorId: report.operatorId, branch: report.branch,
                communeCode: report.communeCode, customerCode: report.customerCode?.description, phone: report.phone.e164,
                note: report.note, reportedAt: reportedAt)
            try outbox.send(command, correlation: code, at: reportedAt, in: db)
            return code
        }
    }
}
