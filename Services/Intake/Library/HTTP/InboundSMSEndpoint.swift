import Foundation
import Hummingbird
import ServiceKit
import WebPages

/// `POST /api/webhooks/sms`: the SMS gateway's incoming-message (MO) callback, one message a
/// customer texted to the short code, as JSON or as an HTML form (``InboundSMSForm``), signed
/// with `SMS_INBOUND_SECRET` (``WebhookSignature``).
///
/// Answers 200 `{"messageId", "outcome"}` once the message is handled: `answered` (the answer
/// SMS is on its way through notification), `repeated` (a retried callback: nothing is done
/// again) or `limited` (the phone texted too often: kept, not answered). 401 for a missing or
/// wrong signature, before the body is read as anything; 400/413 for a body that is not the
/// callback; 422 with every field error. The gateway's address counts against nothing: one
/// gateway carries every customer, and each customer's phone has its own allowance (``SMSDesk``).
struct InboundSMSEndpoint: Sendable {
    static let path = "api/webhooks/sms"
    static let maximumBodySize = 8 * 1024

    /// The 200 answer.
    struct Receipt: Encodable, Sendable {
        var messageId: String
        var outcome: SMSDesk.Outcome
    }

    let signature: WebhookSignature
    let desk: SMSDesk

    func register(on router: Router<ServiceRequestContext>) {
        router.post(RouterPath(Self.path)) { request, _ in
            let message = try await signature.validated(request, limit: Self.maximumBodySize) { body, contentType in
                try Self.form(body, contentType: contentType).validated()
            }
            return try Response.json(Receipt(messageId: message.messageId, outcome: try await desk.receive(message)))
        }
    }

    /// The callback's fields, from a form body or a JSON one.
    private static func form(_ body: Data, contentType: String?) throws -> InboundSMSForm {
        guard contentType?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true else {
            return try Request.decodeJSON(InboundSMSForm.self, from: body)
        }
        let fields = WebForm(encoded: String(decoding: body, as: UTF8.self))
        return InboundSMSForm(messageId: fields["messageId"], sender: fields["sender"], shortCode: fields["shortCode"],
                              text: fields["text"], receivedAt: fields["receivedAt"])
    }
}
