import Contracts
import Foundation
import Messaging
import VietnameseIdentity

/// What outage consumes: reports from intake, and the portal's schedule look-up.
enum OutageMessageHandlers {
    static func make(desk: IncidentDesk) -> MessageHandlers {
        var handlers = MessageHandlers()
        handlers.onCommand(RecordOutageReport.routingKey) { message, db in
            let report = try message.decode(RecordOutageReport.self)
            guard let phone = try? VietnamesePhoneNumber(report.phone) else {
                throw MessageHandlingError.permanent("report \(report.reportCode) names no Vietnamese mobile number")
            }
            try desk.file(report, phone: phone, at: Date(), in: db)
        }
        handlers.onQuery(PlannedOutagesQuery.routingKey) { message, db in
            let query = try message.decode(PlannedOutagesQuery.self)
            let communeCode: String?
            if let customerCode = query.customerCode {
                communeCode = try SupplyPointRegistry.point(customerCode: customerCode, in: db)?.communeCode
            } else {
                communeCode = query.communeCode
            }
            guard let communeCode else {
                return try Envelope.encode(PlannedOutagesQuery.Reply(plannedOutages: [], known: false))
            }
            return try Envelope.encode(PlannedOutagesQuery.Reply(plannedOutages: try PlannedOutageReader.outages(
                communeCode: communeCode, from: query.from, to: query.to, in: db)))
        }
        return handlers
    }
}
