import JWTKit

/// The JWT body of a staff token: the registered `sub` and `exp` claims plus role and unit.
struct StaffTokenPayload: JWTPayload {
    var sub: SubjectClaim
    var exp: ExpirationClaim
    var role: StaffRole
    var unit: String

    func verify(using algorithm: some JWTAlgorithm) async throws {
        try exp.verifyNotExpired()
    }
}
