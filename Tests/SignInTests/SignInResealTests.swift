import Foundation
import PersonalData
import ServiceKit
import SignIn
import StaffDirectory
import TestSupport
import Testing

/// `evnctl reseal signin` moves the sign-in's sealed names, usernames and addresses, and the
/// fingerprints lock-outs are counted by, to a new personal-data key.
@Suite struct SignInResealTests {
    static let first = TemporaryStore.protector(1, id: "1")
    static let policy = LockoutPolicy(accountFailures: 5, clientFailures: 20, window: 900, lockout: 900)

    @Test func afterTheResealTheNewKeyAloneReadsTheAuditAndKeepsCountingFailures() async throws {
        let store = try TemporaryStore { migrator in SignInService.migrations(&migrator, personalData: Self.first) }
        let now = Date()
        let person = DirectoryPerson(uid: "tk-cs-01", displayName: "Trần Thị Mai", mail: nil, unit: "PC05TK", roles: [.customerService])
        try await store.pool.write { db in
            _ = try SessionBook(idleTimeout: 1800, maxAge: 36_000, personalData: Self.first).open(for: person, at: now, in: db)
            for _ in 1...4 {
                _ = try SignInLedger(policy: Self.policy, personalData: Self.first).recordFailure(
                    SignInEvent(at: now, outcome: .failed, username: "TK-CS-01", staffId: "tk-cs-01", unit: "PC05TK",
                                clientAddress: "203.0.113.7"), in: db)
            }
        }
        let second = try PersonalDataKey(id: "2", base64: Data(repeating: 2, count: 32).base64EncodedString())
        let report = try await StoreResealer(database: store.pool, personalData: PersonalDataProtector(key: second, previous: [
            try PersonalDataKey(id: "1", base64: Data(repeating: 1, count: 32).base64EncodedString()),
        ]), tables: SignInService.personalDataTables).run()
        #expect(report.rewritten == ["staff_session": 1, "sign_in_event": 4])

        let rotated = SignInLedger(policy: Self.policy, personalData: PersonalDataProtector(key: second))
        let (events, fifth) = try await store.pool.write { db in
            (try rotated.events(of: "PC05TK", limit: 10, in: db),
             try rotated.recordFailure(SignInEvent(at: now, outcome: .failed, username: "tk-cs-01", staffId: "tk-cs-01",
                                                   unit: "PC05TK", clientAddress: "198.51.100.9"), in: db))
        }
        #expect(events.map(\.username) == Array(repeating: "TK-CS-01", count: 4))
        #expect(fifth == .lockedOut)
    }
}
