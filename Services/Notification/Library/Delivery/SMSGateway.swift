import AsyncHTTPClient
import Foundation
import NIOCore

/// Sends one SMS through a Vietnamese brandname gateway's JSON API (eSMS.vn style).
///
/// `POST <SMS_GATEWAY_URL>` with `{"ApiKey","SecretKey","Phone","Content","Brandname",
/// "SmsType":"2","IsUnicode","RequestId","Sandbox":"0"}`; the gateway answers HTTP 200
/// `{"CodeResult":"100","SMSID":"…"}` when it took the message. `SmsType` 2 is the
/// customer-care brandname route; `RequestId` is the delivery's id, so a gateway that
/// already took the message drops a repeat. `Phone` is the number in international form
/// without `+` (`84912345678`).
struct SMSGateway: Sendable {
    let settings: SMSGatewaySettings
    private let client: HTTPClient

    init(settings: SMSGatewaySettings, client: HTTPClient = .shared) {
        self.settings = settings
        self.client = client
    }

    /// The request body; the field names are the gateway's.
    private struct SendRequest: Encodable {
        var ApiKey: String
        var SecretKey: String
        var Phone: String
        var Content: String
        var Brandname: String
        var SmsType = "2"
        var IsUnicode: String
        var RequestId: String
        var Sandbox = "0"
    }

    /// The answer body; only `CodeResult` is always there.
    private struct Answer: Decodable {
        var CodeResult: String
        var SMSID: String?
        var ErrorMessage: String?
    }

    /// Sends `text` to `phone` (E.164) and returns the gateway's message id.
    ///
    /// - Throws: ``DeliveryFailure``: transient for HTTP 5xx, 429, time-outs and connection
    ///   errors; configuration for any other refusal (wrong key, brandname, balance).
    func send(_ text: String, to phone: String, unicode: Bool, requestId: String) async throws(DeliveryFailure) -> String {
        var request = HTTPClientRequest(url: settings.url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Accept", value: "application/json")
        let body = SendRequest(
            ApiKey: settings.apiKey, SecretKey: settings.secretKey,
            Phone: phone.hasPrefix("+") ? String(phone.dropFirst()) : phone, Content: text,
            Brandname: settings.brandname, IsUnicode: unicode ? "1" : "0", RequestId: requestId
        )
        do {
            request.body = .bytes(ByteBuffer(bytes: try JSONEncoder().encode(body)))
        } catch {
            throw DeliveryFailure(kind: .configuration, reason: "the SMS request could not be encoded: \(error)")
        }
        let status: UInt
        let bytes: ByteBuffer
        do {
            let response = try await client.execute(request, timeout: .seconds(settings.timeout.components.seconds))
            status = response.status.code
            bytes = try await response.body.collect(upTo: 64 * 1024)
        } catch {
            throw DeliveryFailure(kind: .transient, reason: "the SMS gateway could not be reached: \(error)")
        }
        guard status == 200 else {
            let transient = status >= 500 || status == 429 || status == 408
            throw DeliveryFailure(kind: transient ? .transient : .configuration,
                                  reason: "the SMS gateway answered HTTP \(status)")
        }
        guard let answer = try? JSONDecoder().decode(Answer.self, from: Data(bytes.readableBytesView)) else {
            throw DeliveryFailure(kind: .transient, reason: "the SMS gateway's answer is not its JSON")
        }
        guard answer.CodeResult == "100" else {
            let detail = answer.ErrorMessage.map { ": \($0)" } ?? ""
            throw DeliveryFailure(kind: answer.CodeResult == "99" ? .transient : .configuration,
                                  reason: "the SMS gateway refused the message (CodeResult \(answer.CodeResult)\(detail))")
        }
        return answer.SMSID ?? ""
    }
}
