import Foundation
import GRDB
import Logging
import PersonalData
import ServiceKit
import VietnameseIdentity

/// Opens a stored request to whoever gives its code and the phone registered with it.
///
/// The code alone is not enough: it is printed on receipts and read out on the phone. An
/// unknown code and a wrong phone get the same 404, so an answer never tells which one was
/// wrong, and each is recorded against the code: after ``failureLimit`` failures within
/// ``failureWindow`` the code is refused with 429 for everyone, right phone included, until
/// the failures age out. Tracking, signing and asking for a new code share the count.
struct RequestAccess: Sendable {
    /// Failures that close a code.
    static let failureLimit = 10
    /// How long a failure counts: 15 minutes.
    static let failureWindow: TimeInterval = 15 * 60
    /// No request code is longer; a longer path segment is not recorded, only refused.
    static let maximumCodeLength = 64

    let database: DatabasePool
    let writer: GroupCommitWriter
    let personalData: PersonalDataProtector
    let clock: WallClock
    let logger: Logger

    /// The request with `code` whose applicant's phone is `phone`.
    ///
    /// - Throws: ``APIError`` 404 (``APIError/requestNotFound``) for an unknown code or a
    ///   wrong phone, 429 (``APIError/tooManyAccessFailures``) while the code is closed.
    func open(_ code: String, phone: VietnamesePhoneNumber) async throws -> RequestRecord {
        guard code.count <= Self.maximumCodeLength else { throw APIError.requestNotFound }
        let now = clock.now()
        let windowStart = now - Self.failureWindow
        let (failures, record) = try await database.read { db in
            (try AccessFailureLog.count(for: code, since: windowStart, in: db), try RequestRecord.find(code, in: db))
        }
        let metadata = Logger.Metadata.request(code)
        guard failures < Self.failureLimit else {
            logger.warning("request code closed after repeated wrong phones", metadata: metadata)
            throw APIError.tooManyAccessFailures
        }
        guard let record, personalData.matches(record.phoneFingerprint, of: phone.e164) else {
            try await writer.write { db in
                try AccessFailureLog.record(code, at: now, forgettingBefore: windowStart, in: db)
            }
            logger.info("request not opened: unknown code or wrong phone", metadata: metadata)
            throw APIError.requestNotFound
        }
        return record
    }
}
