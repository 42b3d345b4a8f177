import Foundation
import Hummingbird
import Logging
import ServiceKit

/// `POST /api/webhooks/telephony/calls` `{"callId", "caller", "called", "extension"}`: the PBX (or
/// contact-centre suite) tells intake that a call rings at an agent's extension, signed with
/// `TELEPHONY_WEBHOOK_SECRET` (``WebhookSignature``). The consoles listening at that extension
/// (``CallCentreEvents``) open the caller's page.
///
/// Answers 202 `{"callId", "consoles"}`, the number of consoles told (0 when the agent has none
/// open: the call is not kept). 401 for a missing or wrong signature; 400/413 for a body that is
/// not the webhook's; 422 with every field error.
struct TelephonyWebhookEndpoint: Sendable {
    static let path = "api/webhooks/telephony/calls"
    static let maximumBodySize = 4 * 1024

    /// The 202 answer.
    struct Receipt: Encodable, Sendable {
        var callId: String
        var consoles: Int
    }

    let signature: WebhookSignature
    let alerts: CallAlerts
    let logger: Logger

    func register(on router: Router<ServiceRequestContext>) {
        router.post(RouterPath(Self.path)) { request, _ in
            let call = try await signature.validated(request, limit: Self.maximumBodySize) { body, _ in
                try Request.decodeJSON(IncomingCallForm.self, from: body).validated()
            }
            let consoles = await alerts.ring(call)
            logger.info("call ringing", metadata: [
                "call_id": "\(call.callId)", "extension": "\(call.agentExtension)", "called": "\(call.called)",
                "consoles": "\(consoles)",
                "caller": "\(call.callerMobile?.masked ?? "landline")",
            ])
            return try Response.json(Receipt(callId: call.callId, consoles: consoles), status: .accepted)
        }
    }
}
