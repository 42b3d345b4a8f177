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
        let expiresAt = min(now.addingTimeInterval(lifetime), session.endsAt)
        let claims = StaffClaims(staffId: session.staffId, roles: session.roles, unit: session.unit, expiresAt: expiresAt)
        return (try await issuer.issue(claims, audience: Self.audience, at: now), expiresAt)
    }
}
