import Hummingbird
import Logging
import ServiceKit

/// `POST /api/v1/requests/{code}/signature` `{"phone", "signingCode"}`: the customer signs the
/// drafted contract with the code sent to their phone (flow step 7).
///
/// 200 with a ``SignatureReceipt``, committed with `intake.signature.captured`; 422 for a wrong
/// code (field `signingCode`, the attempts left in the message); 423 once
/// ``SigningPolicy/maximumWrongAttempts`` wrong codes locked it; 410 for an expired code;
/// 409 when no contract waits for a signature or it is already signed; 404/429 as
/// ``RequestAccess`` decides. The code is never logged nor answered.
struct SignatureEndpoint: Sendable {
    static let path = "api/v1/requests/:code/signature"

    let access: RequestAccess
    let signing: SigningStore
    let clock: WallClock
    let logger: Logger

    func register(on router: Router<BasicRequestContext>) {
        router.post(RouterPath(Self.path)) { request, context in
            try await sign(request, code: context.parameters.require("code"))
        }
    }

    func sign(_ request: Request, code: String) async throws -> Response {
        var request = request
        let (phone, signingCode) = try await request.form(SignatureForm.self) { try $0.validated() }
        let record = try await access.open(code, phone: phone)
        let outcome = try await signing.sign(record, with: signingCode, at: clock.now())
        var metadata: Logger.Metadata = ["request_code": "\(record.requestCode)", "correlation_id": "\(record.requestCode)"]
        switch outcome {
        case .signed(let receipt):
            metadata["contract_number"] = "\(receipt.contractNumber)"
            logger.info("contract signed with the one-time code", metadata: metadata)
            return try Response.json(receipt)
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
}
