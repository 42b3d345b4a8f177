import StaffAuth

/// A named machine account (an integration, a script): what it may do and for which unit, as
/// its tokens say it.
public struct ServiceAccount: Sendable, Equatable {
    /// The client id, the `sub` of its tokens, e.g. `svc-billing-export`.
    public let clientId: String
    public let roles: Set<StaffRole>
    /// A branch code, or `CORP`.
    public let unit: String

    public init(clientId: String, roles: Set<StaffRole>, unit: String) {
        self.clientId = clientId
        self.roles = roles
        self.unit = unit
    }
}
