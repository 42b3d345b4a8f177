import Foundation
import ServiceKit
import VietnameseIdentity

/// The fields of the SMS gateway's incoming-message callback (`POST /api/webhooks/sms`), sent
/// as JSON or as an HTML form: `messageId`, `sender` (the customer's mobile, `84…`, `+84…` or
/// `0…`), `shortCode`, `text` and optionally `receivedAt` (ISO 8601).
struct InboundSMSForm: Decodable, Sendable {
    /// Ten concatenated segments: anything longer is not a customer typing a command.
    static let maximumTextLength = 1600

    var messageId: String?
    var sender: String?
    var shortCode: String?
    var text: String?
    var receivedAt: String?

    /// The message, or every field error at once.
    func validated() throws(ValidationFailure) -> InboundSMS {
        var validation = Validation()
        let messageId = validation.required("messageId", messageId, IntakeFields.partnerId)
        let sender = validation.required("sender", sender, VietnamesePhoneNumber.init)
        let text = text ?? ""
        if text.count > Self.maximumTextLength {
            validation.add(IntakeProblem.tooLong(maximum: Self.maximumTextLength), at: "text")
        }
        let receivedAt = receivedAt.flatMap { $0.isEmpty ? nil : $0 }
        let time = receivedAt.flatMap { try? Date.ISO8601FormatStyle().parse($0) }
        if receivedAt != nil, time == nil {
            validation.add(IntakeProblem.instantFormat, at: "receivedAt")
        }
        return try validation.finish {
            guard let messageId, let sender else { return nil }
            return InboundSMS(messageId: messageId, sender: sender, shortCode: shortCode?.trimmingCharacters(in: .whitespaces) ?? "",
                              text: text, receivedAt: time)
        }
    }
}
