import Contracts
import Foundation
import GRDB
import Logging
import Messaging
import ServiceKit
import WorkingCalendar

/// Handles `households.register-main-household`: a signed shared-meter contract becomes an
/// active dossier (holder as main household, the others as sub-households), once per contract;
/// and `households.register-sub-households`: an approved request's households join the meter's
/// dossier and those that left it end.
///
/// The dossier is checked by the same rules as one typed in by unit staff; a contract that
/// breaks them cannot be fixed by retrying, so it goes to the dead-letter queue for an operator.
struct MainHouseholdRegistration: Sendable {
    /// Who registers dossiers from contracts, as recorded in `opened_by`.
    static let registrar = "crm"

    let registry: DossierRegistry
    let validator: DossierValidator
    let messages: HouseholdsMessages
    let logger: Logger

    func register(_ command: RegisterMainHousehold, at now: Date, in db: Database) throws {
        var metadata = Logger.Metadata.request(command.requestCode, ["contract_number": "\(command.contractNumber)"])
        if try registry.hasDossier(contractNumber: command.contractNumber, in: db) {
            logger.info("register-main-household repeated; the contract already has a dossier", metadata: metadata)
            return
        }
        var dossier = try dossier(
            customerCode: command.customerCode, unit: command.site.branchCode, meterSerial: command.meterSerial,
            holder: command.holder, holderPhone: command.holderPhone, subHouseholds: command.subHouseholds,
            of: "\(RegisterMainHousehold.type) for contract \(command.contractNumber)", today: CalendarDay(now))
        dossier.contractNumber = command.contractNumber
        dossier.requestCode = command.requestCode
        // Staff already decided on the screening's conflicts before the contract was drafted.
        switch try registry.register(dossier, by: Self.registrar, at: now, today: CalendarDay(now), duplicates: .allow, in: db) {
        case .registered(let view):
            metadata["dossier_id"] = "\(view.dossierId)"
            metadata["unit"] = "\(view.unit)"
            metadata["sub_households"] = "\(view.members.count - 1)"
            metadata["households"] = "\(view.allowance.households)"
            logger.info("main household registered", metadata: metadata)
        case .customerCodeActive:
            throw MessageHandlingError.permanent(
                "\(RegisterMainHousehold.type) for contract \(command.contractNumber): customer \(command.customerCode) already has an active dossier")
        case .duplicates:
            throw MessageHandlingError.permanent(
                "\(RegisterMainHousehold.type) for contract \(command.contractNumber) was refused as a duplicate")
        }
    }

    /// Handles `households.register-sub-households`: the households a customer's approved
    /// request adds join the meter's dossier and those it names as left end, once per request, in
    /// one count change naming the request. A leaving reference that is not a current
    /// sub-household of that meter's dossier refuses the whole request back to crm.
    func registerRequested(_ command: RegisterSubHouseholds, cause: Envelope, at now: Date, in db: Database) throws {
        var metadata = Logger.Metadata.request(command.requestCode, ["customer_code": "\(command.customerCode)"])
        if try registry.hasRequest(command.requestCode, in: db) {
            logger.info("register-sub-households repeated; the request is already counted", metadata: metadata)
            return
        }
        var leaving: [Int64] = []
        if let references = command.leavingSubHouseholdIds, !references.isEmpty {
            switch try registry.leavingHouseholds(references, customerCode: command.customerCode, in: db) {
            case .unknown(let unknown):
                try messages.send(SubHouseholdsRefused(requestCode: command.requestCode, customerCode: command.customerCode,
                                                       unknownSubHouseholdIds: unknown, refusedAt: now),
                                  customerCode: command.customerCode, cause: cause, at: now, in: db)
                metadata["unknown_sub_households"] = "\(unknown.joined(separator: ","))"
                logger.notice("household change refused; a leaving sub-household is not the meter's", metadata: metadata)
                return
            case .found(let dossierId, let memberIds) where command.subHouseholds.isEmpty:
                try registry.endRequestedHouseholds(memberIds, of: dossierId, requestCode: command.requestCode, at: now,
                                                    today: CalendarDay(now), cause: cause, in: db)
                metadata["dossier_id"] = "\(dossierId)"
                metadata["ended"] = "\(memberIds.count)"
                logger.info("requested households ended", metadata: metadata)
                return
            case .found(_, let memberIds):
                leaving = memberIds
            }
        }
        var dossier = try dossier(
            customerCode: command.customerCode, unit: command.unit, meterSerial: nil, holder: command.holder,
            holderPhone: command.holderPhone, subHouseholds: command.subHouseholds,
            of: "\(RegisterSubHouseholds.type) for request \(command.requestCode)", today: CalendarDay(now))
        dossier.requestCode = command.requestCode
        let dossierId = try registry.addRequestedHouseholds(
            dossier, ending: leaving, requestCode: command.requestCode, by: Self.registrar, at: now, today: CalendarDay(now),
            cause: cause, in: db)
        metadata["dossier_id"] = "\(dossierId)"
        metadata["added"] = "\(dossier.subHouseholds.count)"
        metadata["ended"] = "\(leaving.count)"
        logger.info("requested households counted", metadata: metadata)
    }

    /// A command's people as a dossier, checked by the rules every dossier meets; one that
    /// breaks them cannot be fixed by retrying, so `command` (named in the error) is dead-lettered.
    private func dossier(
        customerCode: String, unit: String, meterSerial: String?, holder: Person, holderPhone: String?,
        subHouseholds: [Person], of command: String, today: CalendarDay
    ) throws -> NewDossier {
        let form = DossierForm(
            customerCode: customerCode, unit: unit, meterSerial: meterSerial,
            holder: .init(fullName: holder.fullName, idNumber: holder.idNumber), contactPhone: holderPhone,
            subHouseholds: subHouseholds.map { SubHouseholdForm(fullName: $0.fullName, idNumber: $0.idNumber) })
        do {
            return try validator.validate(form, unit: nil, origin: .contract, today: today)
        } catch {
            let problems = error.errors.map { "\($0.field): \($0.code)" }.joined(separator: ", ")
            throw MessageHandlingError.permanent("\(command) is not a valid dossier: \(problems)")
        }
    }
}
