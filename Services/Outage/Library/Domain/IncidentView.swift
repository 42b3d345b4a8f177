import Foundation

/// An incident as dispatch sees it; with its reports on the detail page.
struct IncidentView: Codable, Sendable {
    /// One report, the phone masked.
    struct Report: Codable, Sendable {
        var reportCode: String
        var channel: String
        var operatorId: String?
        var customerCode: String?
        var communeCode: String?
        var phone: String
        var note: String?
        /// `false` for a repeat by a reporter already counted in the incident.
        var counted: Bool
        var reportedAt: Date
    }

    /// Customers must be told within 24 hours of an emergency outage (Circular 22/2020/TT-BCT).
    static let informWithin: TimeInterval = 24 * 3600

    var incidentId: String
    var branchCode: String
    var area: String
    var status: IncidentStatus
    var openedAt: Date
    var lastReportAt: Date
    /// Every report received, repeats included.
    var reportCount: Int
    /// Distinct reporters: each is told once when power is back.
    var reporterCount: Int
    var crew: String?
    var crewAssignedAt: Date?
    var cause: String?
    var restoredAt: Date?
    /// The latest the reporters may be told: 24 hours after the first report.
    var informBy: Date
    var reports: [Report]?
}
