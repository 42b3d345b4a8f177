import Hummingbird
import Logging
import ServiceKit

/// `POST /api/v1/requests/{code}/signing-code` `{"phone"}`: sends a new signing code, which
/// replaces (and so invalidates) the previous one and has a full set of attempts.
///
/// 202 with a ``SigningCodeNotice`` (never the code); 429 beyond
/// ``SigningPolicy/maximumCodesPerHour`` codes for the contract within an hour, the first
/// included; 409 when no contract waits for a signature or it is already signed; 404/429 as
/// ``RequestAccess`` decides.
struct SigningCodeEndpoint: Sendable {
    static let path = "api/v1/requests/:code/signing-code"

    let access: RequestAccess
    let signing: SigningStore
    let clock: WallClock
    let logger: Logger

    func register(on router: Router<BasicRequestContext>) {
        router.post(RouterPath(Self.path)) { request, context in
            try await reissue(request, code: context.parameters.require("code"))
        }
    }

    func reissue(_ request: Request, code: String) async throws -> Response {
        var request = request
        let phone = try await request.form(AccessForm.self) { try $0.validated() }
        let record = try await access.open(code, phone: phone)
        let metadata: Logger.Metadata = ["request_code": "\(record.requestCode)", "correlation_id": "\(record.requestCode)"]
        switch try await signing.reissue(for: record, at: clock.now()) {
        case .issued(let notice):
            logger.info("new signing code issued on the customer's request", metadata: metadata.merging(
                ["contract_number": "\(notice.contractNumber)"]) { $1 })
            return try Response.json(notice, status: .accepted)
        case .tooManyCodes:
            logger.warning("signing code refused: hourly limit reached", metadata: metadata)
            throw APIError.tooManySigningCodes
        case .notDrafted:
            throw APIError.contractNotDrafted
        case .alreadySigned:
            throw APIError.contractAlreadySigned
        }
    }
}
