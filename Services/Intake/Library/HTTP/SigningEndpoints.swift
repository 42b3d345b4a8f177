import Contracts
import Hummingbird
import Logging
import ServiceKit
import VietnameseIdentity

/// The customer's side of signing the drafted contract (flow step 7), each call opened with
/// the request's code and the phone registered with it:
///
/// - `POST /api/v1/requests/{code}/signature` `{"phone", "signingCode"}` signs with the code
///   sent to the phone: 200 with a ``SignatureReceipt``, committed with
///   `intake.signature.captured`; 422 for a wrong code (field `signingCode`, the attempts left
///   in the message); 423 once ``SigningPolicy/maximumWrongAttempts`` wrong codes locked it;
///   410 for an expired code.
/// - `POST /api/v1/requests/{code}/signing-code` `{"phone"}` sends a new code, which replaces
///   (and so invalidates) the previous one and has a full set of attempts: 202 with a
///   ``SigningCodeNotice`` (never the code); 429 beyond ``SigningPolicy/maximumCodesPerHour``
///   codes for the contract within an hour, the first included, or when the phone is
///   unconfirmed and has had its texts for the day (``PhoneMessageBudget``).
///
/// Both answer 409 when no contract waits for a signature or it is already signed, 404/429
/// as ``RequestAccess`` decides, and 429 over the client's allowance (``AbuseLimits``). A
/// code is never logged nor answered. A signature confirms the phone the code went to.
struct SigningEndpoints: Sendable {
    static let signaturePath = "api/v1/requests/:code/signature"
    static let signingCodePath = "api/v1/requests/:code/signing-code"

    let access: RequestAccess
    let signing: SigningStore
    let limits: AbuseLimits
    let clock: WallClock
    let logger: Logger

    func register(on router: Router<ServiceRequestContext>) {
        router.post(RouterPath(Self.signaturePath)) { request, context in
            let client = try limits.admit(.access, request, context)
            return try await sign(request, code: context.parameters.require("code"), from: client)
        }
        router.post(RouterPath(Self.signingCodePath)) { request, context in
            let client = try limits.admit(.access, request, context)
            return try await reissue(request, code: context.parameters.require("code"), from: client)
        }
    }

    func sign(_ request: Request, code: String, from client: ClientOrigin) async throws -> Response {
        var request = request
        let (phone, signingCode) = try await request.form(SignatureForm.self) { try $0.validated() }
        return try Response.json(try await sign(code, phone: phone, with: signingCode, from: client))
    }

    /// Signs the contract of request `code`, opened with `phone` by `client`, with the one-time
    /// code; the API's and the portal's signature alike.
    ///
    /// - Throws: ``APIError`` or ``TooManyRequests`` as the type's comment lists them.
    func sign(_ code: String, phone: VietnamesePhoneNumber, with signingCode: SigningCode,
              from client: ClientOrigin) async throws -> SignatureReceipt {
        let record = try await access.open(code, phone: phone, from: client)
        var metadata = Logger.Metadata.request(record.requestCode)
        switch try await signing.sign(record, with: signingCode, at: clock.now()) {
        case .signed(let receipt):
            metadata["contract_number"] = "\(receipt.contractNumber)"
            logger.info("contract signed with the one-time code", metadata: metadata)
            return receipt
        case .wrongCode(let attemptsLeft):
            metadata["attempts_left"] = "\(attemptsLeft)"
            logger.info("wrong signing code", metadata: metadata)
            throw APIError.wrongSigningCode(attemptsLeft: attemptsLeft)
        case .locked:
            logger.warning("signing code locked after repeated wrong codes", metadata: metadata)
            throw APIError.signingCodeLocked
        case .expired:
            logger.info("expired signing code", metadata: metadata)
            throw APIError.signingCodeExpired
        case .notDrafted:
            throw APIError.contractNotDrafted
        case .alreadySigned:
            throw APIError.contractAlreadySigned
        }
    }

    func reissue(_ request: Request, code: String, from client: ClientOrigin) async throws -> Response {
        var request = request
        let phone = try await request.form(AccessForm.self) { try $0.validated() }
        return try Response.json(try await reissue(code, phone: phone, from: client), status: .accepted)
    }

    /// The contract drafted for request `code`, opened with `phone` by `client`: what the
    /// customer reads before signing, and may read again afterwards.
    ///
    /// - Throws: ``APIError/contractNotDrafted`` before crm drafted it; as ``RequestAccess``.
    func contract(_ code: String, phone: VietnamesePhoneNumber, from client: ClientOrigin) async throws -> ContractDrafted {
        let record = try await access.open(code, phone: phone, from: client)
        guard let contract = try await signing.contract(for: record) else { throw APIError.contractNotDrafted }
        return contract
    }

    /// Sends a new code for the contract of request `code`, opened with `phone` by `client`;
    /// the API's and the portal's "send me a new code" alike.
    ///
    /// - Throws: ``APIError`` or ``TooManyRequests`` as the type's comment lists them.
    func reissue(_ code: String, phone: VietnamesePhoneNumber, from client: ClientOrigin) async throws -> SigningCodeNotice {
        let record = try await access.open(code, phone: phone, from: client)
        var metadata = Logger.Metadata.request(record.requestCode)
        switch try await PhoneBudgetSpent.answered({ try await signing.reissue(for: record, at: clock.now()) }) {
        case .issued(let notice):
            metadata["contract_number"] = "\(notice.contractNumber)"
            logger.info("new signing code issued on the customer's request", metadata: metadata)
            return notice
        case .tooManyCodes(let wait):
            logger.warning("signing code refused: hourly limit reached", metadata: metadata)
            throw TooManyRequests.tooManySigningCodes(retryAfter: wait)
        case .notDrafted:
            throw APIError.contractNotDrafted
        case .alreadySigned:
            throw APIError.contractAlreadySigned
        }
    }
}
