import Contracts
import Foundation
import GRDB
import Logging
import Messaging
import ServiceKit
import WorkingCalendar

/// Handles `households.register-main-household`: a signed shared-meter contract becomes an
/// active dossier (holder as main household, the others as sub-households), once per contract.
///
/// The dossier is checked by the same rules as one typed in by unit staff; a contract that
/// breaks them cannot be fixed by retrying, so it goes to the dead-letter queue for an operator.
struct MainHouseholdRegistration: Sendable {
    /// Who registers dossiers from contracts, as recorded in `opened_by`.
    static let registrar = "crm"

    let registry: DossierRegistry
    let validator: DossierValidator
    let logger: Logger

    func register(_ message: IncomingMessage, at now: Date, in db: Database) throws {
        let command = try message.decode(RegisterMainHousehold.self)
        var metadata = Logger.Metadata.request(command.requestCode, ["contract_number": "\(command.contractNumber)"])
        if try registry.hasDossier(contractNumber: command.contractNumber, in: db) {
            logger.info("register-main-household repeated; the contract already has a dossier", metadata: metadata)
            return
        }
        let form = DossierForm(
            customerCode: command.customerCode, unit: command.site.branchCode, meterSerial: command.meterSerial,
            holder: .init(fullName: command.holder.fullName, idNumber: command.holder.idNumber),
            contactPhone: command.holderPhone,
            subHouseholds: command.subHouseholds.map { SubHouseholdForm(fullName: $0.fullName, idNumber: $0.idNumber) })
        var dossier: NewDossier
        do {
            dossier = try validator.validate(form, unit: nil, origin: .contract)
        } catch {
            let problems = error.errors.map { "\($0.field): \($0.code)" }.joined(separator: ", ")
            throw MessageHandlingError.permanent(
                "\(RegisterMainHousehold.type) for contract \(command.contractNumber) is not a valid dossier: \(problems)")
        }
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
}
