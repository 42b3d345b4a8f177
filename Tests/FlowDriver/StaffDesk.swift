import Foundation
import StaffAuth
import StaffTokenIssuing

/// The staff sign-in in front of the staff tools: issues tokens with the run's own signing key,
/// whose public half the platform's services are given.
public struct StaffDesk: Sendable {
    /// The issuer name the services are configured to expect (`STAFF_TOKEN_ISSUER`).
    static let issuerName = "flow-staff-sign-in"

    private let issuer: StaffTokenIssuer
    private let services: Set<String>

    /// A desk signing with `signingKey` for `services`.
    init(signingKey: StaffTokenSigningKey, services: [String]) {
        issuer = StaffTokenIssuer(signingKey: signingKey, issuer: Self.issuerName)
        self.services = Set(services)
    }

    /// A token for `staffId`, working in `role` at `unit` (a branch code, or `CORP`), valid for an
    /// hour at every service of the platform.
    public func token(_ role: StaffRole, unit: String, staffId: String? = nil) async throws -> String {
        try await issuer.issue(StaffClaims(
            staffId: staffId ?? "\(unit.lowercased())-\(role.rawValue)", roles: [role], unit: unit,
            expiresAt: Date().addingTimeInterval(3600)), audience: services)
    }
}
