import Contracts
import Foundation
import GRDB
import Logging
import Messaging
import PersonalData
import ServiceKit
import VietnameseIdentity

/// Files reports under incidents and carries incidents to their restoration; every change
/// and the messages it causes commit in one transaction.
///
/// A report joins the newest unrestored incident of its ``OutageArea`` whose last report is
/// at most ``window`` before it, else it opens a new one: a storm's thousands of reports from
/// one area become one incident, and a fault in the same area next week becomes another. A
/// reporter (customer code, else phone) counts once per incident however often they call.
struct IncidentDesk: Sendable {
    /// How an action on an incident ended.
    enum Outcome: Sendable, Equatable {
        case done
        case notFound
        /// Already restored: nothing more can change.
        case restored
    }

    let outbox: Outbox
    let personalData: PersonalDataProtector
    /// How far apart two reports of one area may be and still belong to one incident.
    let window: TimeInterval
    let logger: Logger

    /// Handles `outage.record-report`: the report under exactly one incident; a repeated report code changes nothing.
    func file(
        _ report: RecordOutageReport, phone: VietnamesePhoneNumber, at now: Date, in db: Database
    ) throws {
        let exists = try db.cachedStatement(sql: "SELECT 1 FROM outage_reports WHERE report_code = ?")
        guard try Bool.fetchOne(exists, arguments: [report.reportCode]) == nil else { return }

        let supplyPoint = try report.customerCode.flatMap { try SupplyPointRegistry.point(customerCode: $0, in: db) }
        let area = OutageArea.of(communeCode: report.communeCode, supplyPoint: supplyPoint)
        let reporterKey = report.customerCode ?? "phone:\(personalData.fingerprint(phone.e164))"
        // The same phone may have reported under a previous key's fingerprint during a rotation.
        let reporterKeys = report.customerCode.map { [$0] } ?? personalData.fingerprints(phone.e164).map { "phone:\($0)" }
        let reportedAt = report.reportedAt.timeIntervalSince1970

        let taking = try db.cachedStatement(sql: """
            SELECT incident_id FROM outage_incidents
            WHERE branch_code = ? AND area = ? AND status != 'restored' AND last_report_at >= ?
            ORDER BY last_report_at DESC LIMIT 1
            """)
        let incidentId: String
        var counted = true
        if let existing = try String.fetchOne(taking, arguments: [report.branch.code, area.description, reportedAt - window]) {
            incidentId = existing
            let seen = try db.cachedStatement(sql: """
                SELECT 1 FROM outage_reports
                WHERE incident_id = ? AND reporter_key IN (\(databaseQuestionMarks(count: reporterKeys.count))) AND counted = 1
                """)
            counted = try Bool.fetchOne(seen, arguments: StatementArguments([incidentId] + reporterKeys)) == nil
            try db.cachedStatement(sql: """
                UPDATE outage_incidents SET report_count = report_count + 1, reporter_count = reporter_count + ?,
                    last_report_at = MAX(last_report_at, ?)
                WHERE incident_id = ?
                """).execute(arguments: [counted ? 1 : 0, reportedAt, incidentId])
        } else {
            incidentId = try OutageSequence.nextIncidentId(branchCode: report.branch.code, in: db)
            try IncidentRow(id: incidentId, branch: report.branch, area: area, firstReportedAt: reportedAt).insert(db)
            logger.notice("incident opened", metadata: .request(report.reportCode, [
                "incident_id": "\(incidentId)", "branch": "\(report.branch.code)", "area": "\(area)",
            ]))
        }
        try OutageReportRow(
            reportCode: report.reportCode, incidentId: incidentId, reporterKey: reporterKey, counted: counted,
            channel: report.channel.rawValue, operatorId: report.operatorId, customerCode: report.customerCode,
            communeCode: report.communeCode ?? supplyPoint?.communeCode, phoneSealed: personalData.seal(phone.e164),
            phoneMasked: phone.masked, note: report.note, reportedAt: reportedAt, receivedAt: now.timeIntervalSince1970
        ).insertRow(into: db)
        logger.info("outage report filed", metadata: .request(report.reportCode, [
            "incident_id": "\(incidentId)", "area": "\(area)", "counted": "\(counted)",
        ]))
    }

    /// Records the crew sent to an unrestored incident (again to change it).
    func assignCrew(_ crew: String, to incidentId: String, by staffId: String, at now: Date, in db: Database) throws -> Outcome {
        guard let status = try Self.status(of: incidentId, in: db) else { return .notFound }
        guard status != .restored else { return .restored }
        try db.cachedStatement(sql: """
            UPDATE outage_incidents SET status = 'crew_assigned', crew = ?, crew_assigned_at = ?, crew_assigned_by = ?
            WHERE incident_id = ?
            """).execute(arguments: [crew, now.timeIntervalSince1970, staffId, incidentId])
        logger.info("crew assigned", metadata: ["incident_id": "\(incidentId)", "crew": "\(crew)", "staff_id": "\(staffId)"])
        return .done
    }

    /// Records that power is back, announces it, and asks notification to tell each counted reporter once.
    func restore(_ incidentId: String, cause: String, by staffId: String, at now: Date, in db: Database) throws -> Outcome {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT branch_code, branch_name, branch_hotline, area, status, opened_at, reporter_count
            FROM outage_incidents WHERE incident_id = ?
            """), arguments: [incidentId]) else { return .notFound }
        guard IncidentStatus(rawValue: row["status"]) != .restored else { return .restored }
        let restoredAt = now.wholeSeconds
        try db.cachedStatement(sql: """
            UPDATE outage_incidents SET status = 'restored', cause = ?, restored_at = ?, restored_by = ? WHERE incident_id = ?
            """).execute(arguments: [cause, restoredAt.timeIntervalSince1970, staffId, incidentId])
        let branch = Branch(code: row["branch_code"], name: row["branch_name"], hotline: row["branch_hotline"])
        try outbox.send(IncidentRestored(
            incidentId: incidentId, branchCode: branch.code, area: row["area"], cause: cause,
            reporterCount: row["reporter_count"], openedAt: Date(timeIntervalSince1970: row["opened_at"]),
            restoredAt: restoredAt), correlation: incidentId, at: restoredAt, in: db)
        let reporters = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT report_code, phone_sealed FROM outage_reports WHERE incident_id = ? AND counted = 1 ORDER BY reported_at
            """), arguments: [incidentId])
        for reporter in reporters {
            let reportCode: String = reporter["report_code"]
            try outbox.send(SendOutageNotice(
                noticeId: "\(incidentId)-\(reportCode)", notice: .restored, reference: incidentId,
                phone: try personalData.open(reporter["phone_sealed"]), branch: branch, reason: cause,
                issuedAt: restoredAt), correlation: reportCode, at: restoredAt, in: db)
        }
        logger.notice("incident restored; reporters are told", metadata: [
            "incident_id": "\(incidentId)", "branch": "\(branch.code)", "reporters": "\(reporters.count)",
            "staff_id": "\(staffId)",
        ])
        return .done
    }

    private static func status(of incidentId: String, in db: Database) throws -> IncidentStatus? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT status FROM outage_incidents WHERE incident_id = ?"), arguments: [incidentId])
            .flatMap(IncidentStatus.init(rawValue:))
    }
}
