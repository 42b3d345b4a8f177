import Foundation

/// One line of the sign-in audit: who, when, from where, and what came of it.
public struct SignInEvent: Sendable, Equatable {
    public let at: Date
    public let outcome: SignInOutcome
    /// The username as typed, or the session's staff id for a renewal or a sign-out.
    public let username: String
    /// The directory uid, when the account is known.
    public let staffId: String?
    /// The person's unit, when the account is known.
    public let unit: String?
    /// The client's IP address (``ClientOrigin``).
    public let clientAddress: String

    public init(at: Date, outcome: SignInOutcome, username: String, staffId: String?, unit: String?, clientAddress: String) {
        self.at = at
        self.outcome = outcome
        self.username = username
        self.staffId = staffId
        self.unit = unit
        self.clientAddress = clientAddress
    }

    /// The username as logs show it: its first two characters, the rest starred, so a password
    /// typed into the username field by mistake never reaches a log whole.
    public var maskedUsername: String {
        String(username.prefix(2)) + "***"
    }

    /// The client address as logs and the audit show it: an IPv4 address without its last
    /// number (`203.0.113.x`), an IPv6 address with its first four groups only (`2001:db8:1:2::x`).
    public var maskedClientAddress: String {
        if clientAddress.contains(":") {
            return clientAddress.split(separator: ":", omittingEmptySubsequences: false).prefix(4)
                .joined(separator: ":") + "::x"
        }
        let parts = clientAddress.split(separator: ".")
        guard parts.count == 4 else { return clientAddress }
        return parts.prefix(3).joined(separator: ".") + ".x"
    }
}
