import Contracts
import Foundation
import GRDB
import Logging
import Messaging
import ServiceKit
import VietnameseIdentity

/// Handles `households.screen-identities`: looks every ID number up in the active dossiers of
/// every unit and answers `households.screening.completed`, clear or with each conflict.
///
/// A conflict names the masked ID number, the unit and the customer code of the other
/// dossier, never who is in it. A household change's leaving references are checked against
/// its meter's dossier too: one the dossier does not hold refuses the change at once
/// (`households.sub-households.refused`), so the branch never approves a change that cannot
/// be carried out. A redelivered command is stopped by the inbox; a command sent twice is
/// screened twice, against the registry as it is then.
struct IdentityScreening: Sendable {
    let sealing: MemberSealing
    let duplicates: DuplicateIndex
    let registry: DossierRegistry
    let outbox: Outbox
    let logger: Logger

    func screen(_ command: ScreenIdentities, cause: Envelope, at now: Date, in db: Database) throws {
        let ids = try command.idNumbers.enumerated().map { index, text in
            do throws(CitizenIDError) {
                return try CitizenID(text, asOf: now)
            } catch {
                throw MessageHandlingError.permanent(
                    "\(ScreenIdentities.type) for \(command.requestCode): idNumbers[\(index)] is not an ID number (\(error.code))")
            }
        }
        let fingerprints = ids.map { Set(sealing.idFingerprints($0)) }
        let hits = try duplicates.hits(idFingerprints: fingerprints.flatMap { $0 }, bookFingerprints: [], in: db)
        var conflicts: [ScreeningConflict] = []
        for (id, fingerprints) in zip(ids, fingerprints) {
            for hit in hits where fingerprints.contains(hit.fingerprint) {
                let conflict = ScreeningConflict(maskedIdNumber: id.masked, unit: hit.holding.unit,
                                                 customerCode: hit.holding.customerCode ?? "")
                if !conflicts.contains(conflict) { conflicts.append(conflict) }
            }
        }
        let event = ScreeningCompleted(
            requestCode: command.requestCode, requestKind: command.requestKind, outcome: conflicts.isEmpty ? .clear : .conflict, conflicts: conflicts,
            screenedAt: now.wholeSeconds)
        try refuseUnknownLeaving(command, cause: cause, at: now, in: db)
        try outbox.send(event, cause: cause, at: now, in: db)
        logger.info("identities screened", metadata: .request(command.requestCode, [
            "outcome": "\(event.outcome.rawValue)", "screened": "\(ids.count)", "conflicts": "\(conflicts.count)",
        ]))
    }

    /// Refuses a household change naming a leaving reference its meter's dossier does not hold.
    private func refuseUnknownLeaving(_ command: ScreenIdentities, cause: Envelope, at now: Date,
                                      in db: Database) throws {
        guard let customerCode = command.customerCode, let references = command.leavingSubHouseholdIds,
              !references.isEmpty,
              case .unknown(let unknown) = try registry.leavingHouseholds(references, customerCode: customerCode, in: db)
        else { return }
        try outbox.send(SubHouseholdsRefused(requestCode: command.requestCode, customerCode: customerCode,
                                             unknownSubHouseholdIds: unknown, refusedAt: now.wholeSeconds),
                        cause: cause, at: now, in: db)
        logger.notice("household change refused while screening; a leaving sub-household is not the meter's",
                      metadata: .request(command.requestCode, [
                          "customer_code": "\(customerCode)", "unknown_sub_households": "\(unknown.joined(separator: ","))",
                      ]))
    }
}
