import Contracts
import Logging
import ServiceKit
import VietnameseIdentity

/// The customer's side of signing the drafted contract (flow step 7), each step opened with
/// the request's code and the signer's phone (``RequestAccess/Opener/signer``: the registered
/// phone, or a new holder's): reading the contract, asking for a new code, signing with the
/// code, and afterwards taking the signed copy. The API's and the portal's alike.
///
/// A new code replaces (and so invalidates) the previous one and has a full set of attempts,
/// at most ``SigningPolicy/maximumCodesPerHour`` an hour. A signature confirms the phone the
/// code went to. A code is never logged.
struct ContractSigning: Sendable {
    let access: RequestAccess
    let store: SigningStore
    let clock: WallClock
    let logger: Logger

    /// The contract drafted for request `code`: what the customer reads before signing, and may
    /// read again afterwards.
    func contract(_ code: String, form: AccessForm, from client: ClientOrigin) async throws
        -> Result<ContractDrafted, RequestRefusal> {
        try await open(code, form: form, from: client).then { record in
            guard let contract = try await store.contract(for: record) else { return .failure(.refused(.contractNotDrafted)) }
            return .success(contract)
        }
    }

    /// The contract of request `code` as its signer signed it, byte for byte, with its SHA-256.
    func signedCopy(_ code: String, form: AccessForm, from client: ClientOrigin) async throws
        -> Result<SignedDocument, RequestRefusal> {
        try await open(code, form: form, from: client).then { record in
            guard let copy = try await store.signedCopy(for: record) else { return .failure(.refused(.contractNotSigned)) }
            return .success(copy)
        }
    }

    /// Signs the contract of request `code` with the one-time code of `form`.
    func sign(_ code: String, form: SignatureForm, from client: ClientOrigin) async throws
        -> Result<SignatureReceipt, RequestRefusal> {
        try await Result(validating: form.validated).then { typed in
            try await access.open(code, phone: typed.phone, from: client, by: .signer).then { record in
                try await sign(record, with: typed.code)
            }
        }
    }

    private func sign(_ record: RequestRecord, with signingCode: SigningCode) async throws
        -> Result<SignatureReceipt, RequestRefusal> {
        var metadata = Logger.Metadata.request(record.requestCode)
        switch try await store.sign(record, with: signingCode, at: clock.now()) {
        case .signed(let receipt):
            metadata["contract_number"] = "\(receipt.contractNumber)"
            logger.info("contract signed with the one-time code", metadata: metadata)
            return .success(receipt)
        case .wrongCode(let attemptsLeft):
            metadata["attempts_left"] = "\(attemptsLeft)"
            logger.info("wrong signing code", metadata: metadata)
            return .failure(.refused(.wrongSigningCode(attemptsLeft: attemptsLeft)))
        case .locked:
            logger.warning("signing code locked after repeated wrong codes", metadata: metadata)
            return .failure(.refused(.signingCodeLocked))
        case .expired:
            logger.info("expired signing code", metadata: metadata)
            return .failure(.refused(.signingCodeExpired))
        case .notDrafted:
            return .failure(.refused(.contractNotDrafted))
        case .alreadySigned:
            return .failure(.refused(.contractAlreadySigned))
        }
    }

    /// Sends a new code for the contract of request `code` to the signer's phone.
    func newCode(_ code: String, form: AccessForm, from client: ClientOrigin) async throws
        -> Result<SigningCodeNotice, RequestRefusal> {
        try await open(code, form: form, from: client).then { record in
            var metadata = Logger.Metadata.request(record.requestCode)
            let reissue: SigningStore.Reissue
            do {
                reissue = try await store.reissue(for: record, at: clock.now())
            } catch let spent as PhoneBudgetSpent {
                return .failure(.throttled(.phoneBudget(spent)))
            }
            switch reissue {
            case .issued(let notice):
                metadata["contract_number"] = "\(notice.contractNumber)"
                logger.info("new signing code issued on the customer's request", metadata: metadata)
                return .success(notice)
            case .tooManyCodes(let wait):
                logger.warning("signing code refused: hourly limit reached", metadata: metadata)
                return .failure(.throttled(.signingCodes(retryAfter: wait)))
            case .notDrafted:
                return .failure(.refused(.contractNotDrafted))
            case .alreadySigned:
                return .failure(.refused(.contractAlreadySigned))
            }
        }
    }

    private func open(_ code: String, form: AccessForm, from client: ClientOrigin) async throws
        -> Result<RequestRecord, RequestRefusal> {
        try await Result(validating: form.validated).then { phone in
            try await access.open(code, phone: phone, from: client, by: .signer)
        }
    }
}
