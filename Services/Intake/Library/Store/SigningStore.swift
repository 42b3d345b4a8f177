import Contracts
import Foundation
import GRDB
import Messaging
import PersonalData
import ServiceAreas
import ServiceKit

/// Issues and checks the one-time codes that sign drafted contracts (flow steps 6–7).
///
/// Every change commits with the message it causes: a new code with its
/// `notification.send-signing-code` command, a signature with `intake.signature.captured`.
/// A refusal that counts (a wrong code) is committed too, and only then reported. A signature
/// keeps the document signed (``SignedContractDocument``), sealed, and sends it with its hash.
struct SigningStore: Sendable {
    /// How handling a `crm.contract.drafted` ended.
    enum Opening: Sendable, Equatable {
        /// A session was opened and its first code sent.
        case issued
        /// The contract already has a session (the event came again): no second code.
        case alreadyOpen
    }

    /// How a request for a new code ended.
    enum Reissue: Sendable, Equatable {
        case issued(SigningCodeNotice)
        case notDrafted
        case alreadySigned
        /// ``SigningPolicy/maximumCodesPerHour`` codes were sent within the hour; the next may
        /// be asked for after this many seconds.
        case tooManyCodes(retryAfter: TimeInterval)
    }

    /// How a signature attempt ended.
    enum Signing: Sendable, Equatable {
        case signed(SignatureReceipt)
        case notDrafted
        case alreadySigned
        case expired
        /// Locked after ``SigningPolicy/maximumWrongAttempts`` wrong codes, this one possibly the last.
        case locked
        case wrongCode(attemptsLeft: Int)
    }

    let writer: GroupCommitWriter
    let outbox: Outbox
    let personalData: PersonalDataProtector
    /// Where the signed document finds a commune's name.
    let areas: ServiceAreaTable

    /// Opens the signing session of a drafted contract under its request and sends its first
    /// code, inside the transaction of the inbox that received `cause`: to the signer's phone
    /// when crm names one (a new holder's), else to the phone registered with the request.
    ///
    /// - Throws: `MessageHandlingError.permanent` when intake has no request with the contract's
    ///   request code and a registered phone: there is nobody to send a code to.
    func open(_ drafted: ContractDrafted, cause: Envelope, at now: Date, in db: Database) throws -> Opening {
        guard try !SigningSession.exists(contractNumber: drafted.contractNumber, requestCode: drafted.requestCode,
                                         in: db) else { return .alreadyOpen }
        guard let request = try RequestRecord.find(drafted.requestCode, in: db) else {
            throw MessageHandlingError.permanent("no request \(drafted.requestCode) with a registered phone")
        }
        let signer = drafted.signerPhone.map {
            SigningSession.Signer(phoneFingerprint: personalData.fingerprint($0), sealedPhone: personalData.seal($0))
        }
        let code = SigningCode.random()
        let contract = try personalData.seal(json: drafted)
        try SigningSession.insert(drafted, signer: signer, sealedContract: contract,
                                  codeHash: code.hash(for: drafted.contractNumber, with: personalData), issuedAt: now, in: db)
        let command = try sendCommand(code, contractNumber: drafted.contractNumber, branch: drafted.branch,
                                      to: request.signedBy(signer), at: now)
        try outbox.send(command, cause: cause, at: now, in: db)
        return .issued
    }

    /// The contract drafted for `request`, as crm drafted it; `nil` before one is drafted.
    func contract(for request: RequestRecord) async throws -> ContractDrafted? {
        let personalData = personalData
        guard let sealed = try await writer.write({ db in
            try SigningSession.sealedContract(forRequest: request.requestCode, in: db)
        }) else { return nil }
        return try personalData.open(ContractDrafted.self, json: sealed)
    }

    /// The document the signer of `request`'s contract signed, as signed; `nil` before the
    /// signature, or for a contract signed before copies were kept.
    func signedCopy(for request: RequestRecord) async throws -> SignedDocument? {
        let personalData = personalData
        guard let sealed = try await writer.write({ db in
            try SigningSession.sealedSignedCopy(forRequest: request.requestCode, in: db)
        }) else { return nil }
        return try personalData.open(SignedDocument.self, json: sealed)
    }

    /// Replaces the code of the request's contract with a new one and sends it; the text is
    /// drawn from the phone's budget (``PhoneMessageBudget``), as anyone with the code and the
    /// phone may ask.
    ///
    /// - Throws: ``PhoneBudgetSpent`` when the phone is unconfirmed and its budget is spent.
    func reissue(for request: RequestRecord, at now: Date) async throws -> Reissue {
        let outbox = outbox
        return try await writer.write { db in
            guard let session = try SigningSession.latest(forRequest: request.requestCode, in: db) else { return .notDrafted }
            guard session.signedAt == nil else { return .alreadySigned }
            let sentThisHour = try session.codesIssued(since: now - 3600, in: db)
            guard sentThisHour.count < SigningPolicy.maximumCodesPerHour else {
                return .tooManyCodes(retryAfter: sentThisHour[0].timeIntervalSince(now) + 3600)
            }
            try PhoneMessageBudget.draw(for: request.phoneFingerprint, filer: .anonymous, at: now, in: db)
            let code = SigningCode.random(replacing: session.codeHash, for: session.contractNumber, with: personalData)
            try session.replaceCode(with: code.hash(for: session.contractNumber, with: personalData), issuedAt: now, in: db)
            let command = try sendCommand(code, contractNumber: session.contractNumber, branch: session.branch,
                                          to: request, at: now)
            try outbox.send(command, correlation: request.requestCode, at: now, in: db)
            return .issued(SigningCodeNotice(requestCode: request.requestCode, contractNumber: session.contractNumber,
                                             validityMinutes: SigningPolicy.codeValidityMinutes,
                                             expiresAt: now + SigningPolicy.codeValidity))
        }
    }

    /// Checks `code` against the request's contract and, when it is right, records the signature
    /// and confirms the phone: the code reached it, so its holder is the applicant.
    func sign(_ request: RequestRecord, with code: SigningCode, at now: Date) async throws -> Signing {
        let outbox = outbox
        return try await writer.write { db in
            guard let session = try SigningSession.latest(forRequest: request.requestCode, in: db) else { return .notDrafted }
            guard session.signedAt == nil else { return .alreadySigned }
            guard session.failedAttempts < SigningPolicy.maximumWrongAttempts else { return .locked }
            guard now < session.codeExpiresAt else { return .expired }
            guard code.matches(session.codeHash, for: session.contractNumber, with: personalData) else {
                try session.recordWrongAttempt(in: db)
                let attemptsLeft = SigningPolicy.maximumWrongAttempts - session.failedAttempts - 1
                return attemptsLeft > 0 ? .wrongCode(attemptsLeft: attemptsLeft) : .locked
            }
            let document = try signedDocument(forRequest: request.requestCode, at: now, in: db)
            try session.markSigned(at: now, copy: try document.map { document in
                (try personalData.seal(json: document), document.sha256)
            }, in: db)
            try PhoneMessageBudget.confirm(request.phoneFingerprint, by: .signingCode, at: now, in: db)
            let event = SignatureCaptured(requestCode: request.requestCode, contractNumber: session.contractNumber,
                                          method: .smsOneTimeCode, signedAt: now, document: document)
            try outbox.send(event, correlation: request.requestCode, at: now, in: db)
            return .signed(SignatureReceipt(requestCode: request.requestCode, contractNumber: session.contractNumber,
                                            signedAt: now, signedCopySHA256: document?.sha256))
        }
    }

    /// The request's drafted contract as signed at `now`; `nil` for a session opened before
    /// contracts were kept, which has no contract to render.
    private func signedDocument(forRequest code: String, at now: Date, in db: Database) throws -> SignedDocument? {
        guard let sealed = try SigningSession.sealedContract(forRequest: code, in: db) else { return nil }
        let contract = try personalData.open(ContractDrafted.self, json: sealed)
        return SignedContractDocument(contract: contract, areas: areas).signed(at: now)
    }

    /// The command that sends `code` to the phone that opens `request` for signing (the
    /// applicant's, or the signer's: ``RequestRecord/signedBy(_:)``), opened from its seal.
    private func sendCommand(
        _ code: SigningCode, contractNumber: String, branch: Branch, to request: RequestRecord, at now: Date
    ) throws -> SendSigningCode {
        SendSigningCode(requestCode: request.requestCode, contractNumber: contractNumber, branch: branch,
                        phone: try personalData.open(request.sealedPhone), signingCode: code.digits,
                        validityMinutes: SigningPolicy.codeValidityMinutes, issuedAt: now)
    }
}
