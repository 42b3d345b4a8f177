import Foundation
import StaffAuth

/// Staff tokens for the platform's secret: the sign-on in front of the staff tools.
public struct StaffDesk: Sendable {
    private let authority: StaffTokenAuthority

    init(secret: String) async {
        authority = StaffTokenAuthority(secret: secret)
    }

    /// A token for `staffId`, working in `role` at `unit` (a branch code, or `CORP`), valid for an hour.
    public func token(_ role: StaffRole, unit: String, staffId: String? = nil) async throws -> String {
        try await authority.issue(StaffClaims(
            staffId: staffId ?? "\(unit.lowercased())-\(role.rawValue)", role: role, unit: unit,
            expiresAt: Date().addingTimeInterval(3600)))
    }
}
