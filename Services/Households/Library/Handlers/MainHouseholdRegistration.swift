import Contracts
import Foundation
import GRDB
import Logging
import Messaging
import ServiceKit
import WorkingCalendar

/// Handles `households.register-main-household`: a signed shared-meter contract becomes an
/// active dossier (holder as main household, the others as sub-households), once per contract;
/// and `households.register-sub-households`: an approved request's households join the meter's dossier.
///
/// The dossier is checked by the same rules as one typed in by unit staff; a contract that
/// breaks them cannot be fixed by retrying, so it goes to the dead-letter queue for an operator.
struct MainHouseholdRegistration: Sendable {
    /// Who registers dossiers from contracts, as recorded in `opened_by`.
    static let registrar = "crm"

    let registry: DossierRegistry
    let validator: DossierValidator
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
    /// request adds join the meter's dossier, once per request; the count change names the request.
    func registerRequested(_ command: RegisterSubHouseholds, cause: Envelope, at now: Date, in db: Database) throws {
        var metadata = Logger.Metadata.request(command.requestCode, ["customer_code": "\(command.customerCode)"])
        if try registry.hasRequest(command.requestCode, in: db) {
            logger.info("register-sub-households repeated; the request is already counted", metadata: metadata)
            return
        }
        var dossier = try dossier(
            customerCode: command.customerCode, unit: command.unit, meterSerial: nil, holder: command.holder,
            holderPhone: command.holderPhone, subHouseholds: command.subHouseholds,
            of: "\(RegisterSubHouseholds.type) for request \(command.requestCode)", today: CalendarDay(now))
        dossier.requestCode = command.requestCode
        let dossierId = try registry.addRequestedHouseholds(
            dossier, requestCode: command.requestCode, by: Self.registrar, at: now, today: CalendarDay(now),
            cause: cause, in: db)
        metadata["dossier_id"] = "\(dossierId)"
        metadata["added"] = "\(dossier.subHouseholds.count)"
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
