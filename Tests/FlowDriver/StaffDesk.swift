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
    private let signedIn = SignedInStaff()

    /// A desk signing with `signingKey` for `services`.
    init(signingKey: StaffTokenSigningKey, services: [String]) {
        issuer = StaffTokenIssuer(signingKey: signingKey, issuer: Self.issuerName)
        self.services = Set(services)
    }

    /// A token for `staffId`, working in `role` at `unit` (a branch code, or `CORP`), valid for an
    /// hour at every service of the platform.
    ///
    /// The same staff member gets the same token while it has more than half an hour left, as a
    /// real one signs in once and works with it: a benchmark then measures what the services do
    /// for a working officer, not a fresh signature check for every call.
    public func token(_ role: StaffRole, unit: String, staffId: String? = nil) async throws -> String {
        let staffId = staffId ?? "\(unit.lowercased())-\(role.rawValue)"
        let key = "\(role.rawValue) \(unit) \(staffId)"
        if let token = await signedIn.token(key, validPast: Date().addingTimeInterval(1800)) { return token }
        let expiresAt = Date().addingTimeInterval(3600)
        let token = try await issuer.issue(StaffClaims(staffId: staffId, roles: [role], unit: unit, expiresAt: expiresAt),
                                           audience: services)
        await signedIn.keep(token, for: key, until: expiresAt)
        return token
    }
}

/// The tokens the desk has issued, by staff member, role and unit.
private actor SignedInStaff {
    private var tokens: [String: (token: String, expiresAt: Date)] = [:]

    func token(_ key: String, validPast date: Date) -> String? {
        tokens[key].flatMap { $0.expiresAt > date ? $0.token : nil }
    }

    func keep(_ token: String, for key: String, until expiresAt: Date) {
        tokens[key] = (token, expiresAt)
    }
}
