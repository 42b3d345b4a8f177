import Contracts
import Foundation
import Messaging
import ServiceKit
import VietnameseIdentity

/// What outage consumes: reports from intake, crm's signed contracts, and the portal's schedule look-up.
enum OutageMessageHandlers {
    /// - Parameter clock: the time a report is filed at.
    static func make(desk: IncidentDesk, registry: SupplyPointRegistry, clock: WallClock) -> MessageHandlers {
        var handlers = MessageHandlers()
        handlers.on(ContractSigned.self) { contract, context in
            guard let communeCode = contract.communeCode else {
                throw MessageHandlingError.permanent("contract \(contract.contractNumber) names no commune")
            }
            let phone: (e164: String, masked: String)? = try contract.holderPhone.map { number in
                guard let phone = try? VietnamesePhoneNumber(number) else {
                    throw MessageHandlingError.permanent(
                        "contract \(contract.contractNumber) names no Vietnamese mobile number")
                }
                return (e164: phone.e164, masked: phone.masked)
            }
            let point = SupplyPoint(customerCode: contract.customerCode, branchCode: contract.branch.code,
                                    communeCode: communeCode, stationCode: nil)
            try registry.record(point, contractNumber: contract.contractNumber, phone: phone,
                                signedAt: contract.signedAt, in: context.db)
        }
        handlers.on(RecordOutageReport.self) { report, context in
            guard let phone = try? VietnamesePhoneNumber(report.phone) else {
                throw MessageHandlingError.permanent("report \(report.reportCode) names no Vietnamese mobile number")
            }
            try desk.file(report, phone: phone, at: clock.preciseNow(), in: context.db)
        }
        handlers.answer(PlannedOutagesQuery.self) { query, db in
            let communeCode: String?
            if let customerCode = query.customerCode {
                communeCode = try SupplyPointRegistry.point(customerCode: customerCode, in: db)?.communeCode
            } else {
                communeCode = query.communeCode
            }
            guard let communeCode else { return PlannedOutagesQuery.Reply(plannedOutages: [], known: false) }
            return PlannedOutagesQuery.Reply(plannedOutages: try PlannedOutageReader.outages(
                communeCode: communeCode, from: query.from, to: query.to, in: db))
        }
        return handlers
    }
}
