import Foundation
import VietnameseIdentity

/// The PBX's ringing-call webhook body (`POST /api/webhooks/telephony/calls`):
/// `{"callId", "caller", "called", "extension"}`.
struct IncomingCallForm: Decodable, Sendable {
    var callId: String?
    var caller: String?
    var called: String?
    var `extension`: String?

    /// The call, or every field error at once.
    func validated() throws(ValidationFailure) -> IncomingCall {
        var validation = Validation()
        let callId = validation.required("callId", callId, IntakeFields.partnerId)
        let caller = validation.required("caller", caller, Self.number)
        let called = validation.optional("called", called, Self.number) ?? ""
        let agentExtension = validation.required("extension", `extension`, Self.agentExtension)
        return try validation.finish {
            guard let callId, let caller, let agentExtension else { return nil }
            return IncomingCall(callId: callId, caller: caller, callerMobile: try? VietnamesePhoneNumber(caller),
                                called: called, agentExtension: agentExtension)
        }
    }

    /// A telephone number: digits, an optional leading `+`, at most 20.
    static func number(_ text: String) throws(IntakeProblem) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.hasPrefix("+") ? trimmed.dropFirst() : Substring(trimmed)
        guard (3...20).contains(digits.count), digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else {
            throw .invalidCharacters
        }
        return trimmed
    }

    /// An agent's extension: 2 to 8 digits.
    static func agentExtension(_ text: String) throws(IntakeProblem) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard (2...8).contains(trimmed.count), trimmed.allSatisfy(\.isASCII), trimmed.allSatisfy(\.isNumber) else {
            throw .extensionFormat
        }
        return trimmed
    }
}
