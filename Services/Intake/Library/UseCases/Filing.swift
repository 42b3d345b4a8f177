import Contracts
import Logging
import ServiceKit
import StaffAuth
import VietnameseIdentity

/// Who files a request on the portal or the API, and what that asks of the phone it names.
enum FilingParty: Sendable {
    /// Anyone on the internet: the filing counts against the phone's allowance
    /// (``AbuseLimits``) and its texts against the phone's budget (``PhoneMessageBudget``).
    case anonymous
    /// A call-centre operator signed in to the console, filing for a caller: for their own
    /// branch only unless they are the corporation's hotline, vouching for the caller's phone.
    case callCentre(StaffClaims)
    /// A customer's e-mail read from the customer-care mailbox: counted as anyone's on the
    /// internet (nobody has shown the phone it names is theirs); the request's channel is e-mail.
    case mailbox

    /// The channel the party's filings are recorded under, whatever the form says; nil: the form's.
    var channel: Channel? {
        if case .mailbox = self { .email } else { nil }
    }

    var operatorId: String? {
        if case .callCentre(let claims) = self { claims.staffId } else { nil }
    }

    /// Whether this party may file for the branch `branchCode`.
    func mayFile(for branchCode: String) -> Bool {
        if case .callCentre(let claims) = self { claims.mayAccess(unit: branchCode) } else { true }
    }
}

/// The steps every filing takes once its form is valid, whatever it files.
struct FilingGate: Sendable {
    let limits: AbuseLimits

    /// Stores a valid filing with `submit`, for `party`, naming `phone`: an anonymous party's
    /// filing is counted against the phone's allowance first, and refused when the phone's
    /// budget of texts is spent.
    func store<Stored>(naming phone: VietnamesePhoneNumber, by party: FilingParty,
                       _ submit: (Filer) async throws -> Stored) async throws -> Result<Stored, FilingRefusal> {
        let filer: Filer
        switch party {
        case .anonymous, .mailbox:
            if let throttle = limits.admitFiling(naming: phone) { return .failure(.throttled(throttle)) }
            filer = .anonymous
        case .callCentre:
            filer = .signedInOperator
        }
        do {
            return .success(try await submit(filer))
        } catch let spent as PhoneBudgetSpent {
            return .failure(.throttled(.phoneBudget(spent)))
        }
    }
}

extension FilingGate {
    /// Stores a valid filing of a `noun` (`request`, `service request`) with `submit`, as
    /// ``store(naming:by:_:)`` does, and logs what came of it: filed (with its branch and
    /// `details`), or sent again with the same key and nothing filed.
    func file(_ noun: String, naming phone: VietnamesePhoneNumber, by party: FilingParty, details: Logger.Metadata,
              logger: Logger, _ submit: (Filer) async throws -> FilingOutcome) async throws
        -> Result<FilingOutcome, FilingRefusal> {
        let outcome = try await store(naming: phone, by: party, submit)
        switch outcome {
        case .success(.accepted(let receipt)):
            logger.info("\(noun) submitted", metadata: .request(receipt.requestCode, details.merging([
                "branch": "\(receipt.branch.code)",
            ]) { $1 }))
        case .success(.replayed(let receipt)):
            logger.info("\(noun) sent again with the same key, nothing filed", metadata: .request(receipt.requestCode))
        case .success(.keyReused), .failure:
            break
        }
        return outcome
    }
}
