import Foundation
import ServiceKit
import StaffAuth

/// Records why a sub-household has not split onto its own meter, and whether it wants to.
struct RecordSplitStatus: Sendable {
    let writer: GroupCommitWriter
    let access: UnitAccess
    let registry: DossierRegistry
    let clock: WallClock

    func callAsFunction(_ status: SplitStatusView, reference: SubHouseholdReference,
                        by claims: StaffClaims) async throws -> SubHouseholdView {
        let (access, registry) = (access, registry)
        let now = clock.preciseNow()
        return try await writer.write { db in
            try access.require(reference, claims, in: db)
            return try registry.recordSplitStatus(memberId: reference.memberId, status, at: now, in: db)
        }.household()
    }
}
