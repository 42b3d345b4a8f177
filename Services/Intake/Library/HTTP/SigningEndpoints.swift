import Hummingbird
import ServiceKit

/// The customer's side of signing the drafted contract (flow step 7, ``ContractSigning``),
/// each call opened with the request's code and the phone registered with it:
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
/// - `POST /api/v1/requests/{code}/signed-copy` `{"phone"}` gives the signer the contract as
///   they signed it, byte for byte (`text/html`, as a download, its SHA-256 in `Repr-Digest`,
///   the `signedCopySHA256` of the signature's receipt); 409 `contract.not_signed` before the
///   signature. The phone is the signer's: the new holder's for a change of holder.
///
/// The first two answer 409 when no contract waits for a signature or it is already signed; all answer 404/429
/// as ``RequestAccess`` decides, and 429 over the client's allowance (``AbuseLimits``). A
/// code is never logged nor answered. A signature confirms the phone the code went to.
struct SigningEndpoints: Sendable {
    static let signaturePath = "api/v1/requests/:code/signature"
    static let signingCodePath = "api/v1/requests/:code/signing-code"
    static let signedCopyPath = "api/v1/requests/:code/signed-copy"

    let signing: ContractSigning
    let limits: AbuseLimits

    func register(on router: Router<ServiceRequestContext>) {
        router.post(RouterPath(Self.signaturePath)) { request, context in
            let client = try limits.admit(.access, request, context)
            var request = request
            let form = try await request.decodeJSON(SignatureForm.self)
            return try Response.json(try await signing.sign(context.parameters.require("code"), form: form, from: client)
                .answered())
        }
        router.post(RouterPath(Self.signingCodePath)) { request, context in
            let client = try limits.admit(.access, request, context)
            var request = request
            let form = try await request.decodeJSON(AccessForm.self)
            return try Response.json(try await signing.newCode(context.parameters.require("code"), form: form, from: client)
                .answered(), status: .accepted)
        }
        router.post(RouterPath(Self.signedCopyPath)) { request, context in
            let client = try limits.admit(.access, request, context)
            var request = request
            let form = try await request.decodeJSON(AccessForm.self)
            let code = try context.parameters.require("code")
            return Response.signedCopy(try await signing.signedCopy(code, form: form, from: client).answered(),
                                       requestCode: code)
        }
    }
}
