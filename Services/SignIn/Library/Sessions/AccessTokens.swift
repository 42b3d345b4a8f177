import Foundation
import StaffAuth
import StaffTokenIssuing

/// Issues the access token of a live session: the `staff_token` every console and API reads.
public struct AccessTokens: Sendable {
    /// Every service a staff token is for: the six services and the sign-in itself, so one
    /// sign-in reaches every console.
    public static let audience: Set<String> = ["intake", "crm", "metering", "households", "outage", "notification", "signin"]

    let issuer: StaffTokenIssuer
    let lifetime: TimeInterval

    public init(issuer: StaffTokenIssuer, lifetime: TimeInterval) {
        self.issuer = issuer
        self.lifetime = lifetime
    }

    /// A token of `session` issued at `now`, and when it expires: after ``lifetime``, or at the
    /// session's absolute end if that comes first.
    public func issue(for session: StaffSession, at now: Date) async throws -> (token: String, expiresAt: Date) {
        try await issue(subject: session.staffId, roles: session.roles, unit: session.unit, until: session.endsAt, at: now)
    }

    /// A token of the service account `account` issued at `now`, valid for ``lifetime``.
    public func issue(for account: ServiceAccount, at now: Date) async throws -> (token: String, expiresAt: Date) {
        try await issue(subject: account.clientId, roles: account.roles, unit: account.unit, until: .distantFuture, at: now)
    }

    /// A token of the wall-board device `id` of `unit` issued at `now`: role `wall_board` only.
    public func issue(forDevice id: String, of unit: String, at now: Date) async throws -> (token: String, expiresAt: Date) {
        try await issue(subject: "device-\(id)", roles: [.wallBoard], unit: unit, until: .distantFuture, at: now)
    }

    private func issue(subject: String, roles: Set<StaffRole>, unit: String, until end: Date, at now: Date)
        async throws -> (token: String, expiresAt: Date) {
        let expiresAt = min(now.addingTimeInterval(lifetime), end)
        let claims = StaffClaims(staffId: subject, roles: roles, unit: unit, expiresAt: expiresAt)
        return (try await issuer.issue(claims, audience: Self.audience, at: now), expiresAt)
    }
}
