import Contracts
import Foundation
import Logging
import Messaging
import ServiceKit
import VietnameseIdentity

/// What outage consumes: reports from intake, crm's signed contracts, their changes of holder and
/// their ends, and the portal's schedule look-up.
enum OutageMessageHandlers {
    /// - Parameters:
    ///   - clock: the time a report is filed at.
    ///   - logger: where a supply point passing to a new holder (its phone masked) or dropped is logged.
    static func make(desk: IncidentDesk, registry: SupplyPointRegistry, clock: WallClock,
                     logger: Logger) -> MessageHandlers {
        var handlers = MessageHandlers()
        handlers.on(ContractSigned.self) { contract, context in
            guard let communeCode = contract.communeCode else {
                throw MessageHandlingError.permanent("contract \(contract.contractNumber) names no commune")
            }
            let point = SupplyPoint(customerCode: contract.customerCode, branchCode: contract.branch.code,
                                    communeCode: communeCode, stationCode: nil)
            try registry.record(point, contractNumber: contract.contractNumber,
                                phone: try holderPhone(contract.holderPhone, of: contract.contractNumber),
                                signedAt: contract.signedAt, in: context.db)
        }
        handlers.on(ContractHolderChanged.self) { change, context in
            let phone = try holderPhone(change.holderContact?.phone, of: change.contractNumber)
            let branchCode = change.branch.code
            if try !registry.changeHolder(customerCode: change.customerCode, branchCode: branchCode,
                                          contractNumber: change.contractNumber, phone: phone,
                                          changedAt: change.changedAt, in: context.db) {
                guard let communeCode = change.communeCode else {
                    throw MessageHandlingError.permanent(
                        "contract \(change.contractNumber) changed holder at a supply point outage cannot place")
                }
                let point = SupplyPoint(customerCode: change.customerCode, branchCode: branchCode,
                                        communeCode: communeCode, stationCode: nil)
                try registry.record(point, contractNumber: change.contractNumber, phone: phone,
                                    signedAt: change.changedAt, in: context.db)
            }
            logger.info("supply point passed to a new holder", metadata: .request(
                change.requestCode, correlationId: context.envelope.correlationId, [
                    "customer_code": "\(change.customerCode)", "contract_number": "\(change.contractNumber)",
                    "phone": "\(phone?.masked ?? "none")",
                ]))
        }
        handlers.on(ContractEnded.self) { ended, context in
            let dropped = try registry.end(customerCode: ended.customerCode, branchCode: ended.branch.code,
                                           endedAt: ended.endedAt, in: context.db)
            logger.info(dropped ? "supply point dropped: its contract ended" : "ended contract: no supply point to drop",
                        metadata: .request(ended.requestCode, correlationId: context.envelope.correlationId, [
                            "customer_code": "\(ended.customerCode)", "contract_number": "\(ended.contractNumber ?? "none")",
                        ]))
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

    /// A contract's holder's mobile as outage keeps it; a number that is not a Vietnamese mobile
    /// is a message outage cannot act on.
    private static func holderPhone(_ number: String?, of contractNumber: String) throws
        -> (e164: String, masked: String)? {
        try number.map { number in
            guard let phone = try? VietnamesePhoneNumber(number) else {
                throw MessageHandlingError.permanent("contract \(contractNumber) names no Vietnamese mobile number")
            }
            return (e164: phone.e164, masked: phone.masked)
        }
    }
}
