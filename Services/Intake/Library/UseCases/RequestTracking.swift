import Logging
import ServiceKit
import VietnameseIdentity

/// Where a request stands, for whoever gives its code and registered phone: the API's
/// tracking, the portal's and an SMS's alike.
///
/// The answer is crm's timeline, or intake's own first step while crm has no ticket or does
/// not answer.
struct RequestTracking: Sendable {
    let access: RequestAccess
    let timeline: TimelineLookup
    let logger: Logger

    /// Request `code` opened by `client` with the phone of `form`, as typed.
    func track(_ code: String, form: AccessForm, from client: ClientOrigin) async throws
        -> Result<TrackingAnswer, RequestRefusal> {
        try await Result(validating: form.validated).then { phone in try await track(code, phone: phone, from: client) }
    }

    /// Request `code` opened by `client` with `phone`.
    func track(_ code: String, phone: VietnamesePhoneNumber, from client: ClientOrigin) async throws
        -> Result<TrackingAnswer, RequestRefusal> {
        try await access.open(code, phone: phone, from: client).then { record in
            let answer = await timeline.timeline(of: record.requestCode).map { TrackingAnswer($0, of: record) }
                ?? TrackingAnswer(received: record)
            logger.info("request tracked", metadata: .request(record.requestCode, ["steps": "\(answer.steps.count)"]))
            return .success(answer)
        }
    }
}
