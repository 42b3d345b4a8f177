import Foundation
import GRDB
import Logging
import PersonalData
import ServiceKit
import VietnameseIdentity

/// Opens a stored request to whoever gives its code and the phone registered with it.
///
/// The code alone is not enough: it is printed on receipts and read out on the phone. An
/// unknown code and a wrong phone are refused alike (404 on the API), so an answer never tells which one was
/// wrong, and each is recorded against the code and the client's address: after
/// ``failureLimit`` failures within ``failureWindow`` the code is closed (429 on the API) to that
/// client, right phone included, until the failures age out; the applicant calling from
/// another address still gets in. Tracking, signing and asking for a new code share the count.
///
/// The count is read, checked and bumped in one write transaction, so parallel guesses are
/// evaluated one after another: however many arrive at once, no more than ``failureLimit``
/// are compared with the phone.
///
/// Signing steps are opened by the contract's signer (``Opener/signer``): the applicant, or
/// the person whose phone `crm.contract.drafted` named (a change of holder's new holder). The
/// applicant then tracks the request but no longer reads, re-codes or signs its contract.
struct RequestAccess: Sendable {
    /// Whose phone opens the request.
    enum Opener: Sendable {
        /// The phone registered with the request: tracking, papers.
        case applicant
        /// The phone that signs the request's latest drafted contract: reading it, a new code, signing.
        case signer
    }


    /// Failures that close a code to a client.
    static let failureLimit = 10
    /// How long a failure counts: 15 minutes.
    static let failureWindow: TimeInterval = 15 * 60
    /// No request code is longer; a longer path segment is not recorded, only refused.
    static let maximumCodeLength = 64

    /// How one attempt ended.
    private enum Attempt: Sendable {
        case opened(RequestRecord)
        case wrong
        case closed
    }

    let writer: GroupCommitWriter
    let personalData: PersonalDataProtector
    let clock: WallClock
    let logger: Logger

    /// The request with `code` whose `opener`'s phone is `phone`, asked by `client`; or
    /// ``RequestProblem/notFound`` for an unknown code or a wrong phone alike, and
    /// ``Throttle/accessFailures`` while the code is closed to `client`. Opened by the signer,
    /// the record carries the signer's phone (``RequestRecord/signedBy(_:)``).
    func open(_ code: String, phone: VietnamesePhoneNumber, from client: ClientOrigin, by opener: Opener = .applicant)
        async throws -> Result<RequestRecord, RequestRefusal> {
        guard code.count <= Self.maximumCodeLength else { return .failure(.refused(.notFound)) }
        let now = clock.now()
        let windowStart = now - Self.failureWindow
        let attempt = try await writer.write { db -> Attempt in
            guard try AccessFailureLog.count(for: code, client: client.address, since: windowStart, in: db)
                < Self.failureLimit else { return .closed }
            if var record = try RequestRecord.find(code, in: db) {
                if opener == .signer { record = record.signedBy(try SigningSession.signer(forRequest: code, in: db)) }
                if personalData.matches(record.phoneFingerprint, of: phone.e164) { return .opened(record) }
            }
            try AccessFailureLog.record(code, client: client.address, at: now, forgettingBefore: windowStart, in: db)
            return .wrong
        }
        let metadata = Logger.Metadata.request(code, ["client": "\(client.address)"])
        switch attempt {
        case .opened(let record):
            return .success(record)
        case .wrong:
            logger.info("request not opened: unknown code or wrong phone", metadata: metadata)
            return .failure(.refused(.notFound))
        case .closed:
            logger.warning("request code closed to a client after repeated wrong phones", metadata: metadata)
            return .failure(.throttled(.accessFailures))
        }
    }
}
