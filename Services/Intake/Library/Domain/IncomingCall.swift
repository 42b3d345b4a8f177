import Foundation
import VietnameseIdentity

/// A call ringing at an agent's extension, as the PBX reports it.
struct IncomingCall: Sendable, Equatable {
    /// The PBX's id of the call.
    var callId: String
    /// The caller's number as the PBX shows it (digits, perhaps a leading `+`).
    var caller: String
    /// The caller as a mobile number, when it is one: requests and reports are found by it.
    var callerMobile: VietnamesePhoneNumber?
    /// The number dialled, e.g. the hotline `19001909`.
    var called: String
    /// The agent's extension the call rings at.
    var agentExtension: String
}
