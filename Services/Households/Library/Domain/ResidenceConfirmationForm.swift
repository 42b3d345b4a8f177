/// A residence confirmation as sent (API body or a bulk file's columns), before any check.
public struct ResidenceConfirmationForm: Codable, Sendable {
    /// Who confirmed the residence, e.g. `Công an xã Tam Thăng`.
    public var issuer: String?
    public var number: String?
    /// `YYYY-MM-DD`.
    public var issuedOn: String?
    /// `YYYY-MM-DD`; absent for a permanent residence, which does not expire.
    public var validUntil: String?

    public init(issuer: String?, number: String?, issuedOn: String?, validUntil: String?) {
        self.issuer = issuer
        self.number = number
        self.issuedOn = issuedOn
        self.validUntil = validUntil
    }
}
