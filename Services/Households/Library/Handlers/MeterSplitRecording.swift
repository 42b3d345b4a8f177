import Contracts
import Foundation
import GRDB
import Logging
import Messaging
import ServiceKit
import WorkingCalendar

/// Handles `metering.meter.split`: the sub-household has its own meter and customer code now,
/// so it leaves the shared meter's dossier and the count falls (crm hears of it).
///
/// A repeat is harmless: a household already split changes nothing. An event naming a
/// household households does not know, or one of another meter, cannot be fixed by retrying
/// and goes to the dead-letter queue for an operator.
struct MeterSplitRecording: Sendable {
    let registry: DossierRegistry
    let logger: Logger

    func record(_ event: MeterSplit, cause: Envelope, in db: Database) throws {
        var metadata: Logger.Metadata = [
            "customer_code": "\(event.sharedCustomerCode)", "sub_household_id": "\(event.subHouseholdId)",
            "new_customer_code": "\(event.newCustomerCode)", "request_code": "\(event.requestCode)",
            "correlation_id": "\(cause.correlationId ?? event.requestCode)",
        ]
        guard let reference = SubHouseholdReference(event.subHouseholdId),
              let dossierId = try registry.dossierId(ofMember: reference.memberId, in: db),
              let dossier = try registry.dossier(id: dossierId, in: db),
              dossier.customerCode == event.sharedCustomerCode
        else {
            throw MessageHandlingError.permanent(
                "\(MeterSplit.type): \(event.subHouseholdId) is not a household of customer \(event.sharedCustomerCode)")
        }
        switch try registry.recordSplit(memberId: reference.memberId, newCustomerCode: event.newCustomerCode,
                                        meterSerial: event.newMeterSerial, at: event.splitAt,
                                        today: CalendarDay(event.splitAt), cause: cause, in: db) {
        case .changed(let dossier, _):
            metadata["households"] = "\(dossier.allowance.households)"
            logger.info("sub-household split onto its own meter", metadata: metadata)
        case .notCurrent, .notFound, .duplicates:
            logger.info("meter split already recorded or household no longer current; nothing changed", metadata: metadata)
        }
    }
}
