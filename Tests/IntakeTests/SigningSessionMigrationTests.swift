import Contracts
import Foundation
import GRDB
@testable import Intake
import PersonalData
import ServiceKit
import TestSupport
import Testing

/// `intake.signing-sessions-per-request` keeps every session and code issue of a store written
/// when a contract had one session, lets the same contract be signed again under another
/// request, and reseals a new holder's phone through a key rotation.
@Suite struct SigningSessionMigrationTests {
    static let firstKey = try! PersonalDataKey(id: "1", base64: Data(repeating: 3, count: 32).base64EncodedString())
    static let secondKey = try! PersonalDataKey(id: "2", base64: Data(repeating: 5, count: 32).base64EncodedString())
    static let contractNumber = "HĐ-TK-2025-000123"

    /// A store of the version before sessions were kept per request, holding a connection's
    /// signed session and the code issued for it.
    static func storeWithOneSessionPerContract() throws -> (DatabasePool, DatabaseMigrator) {
        let personalData = PersonalDataProtector(key: firstKey)
        let migrator = IntakeService.migrator(personalData: personalData)
        let pool = try TemporaryStore.earlierVersion(of: migrator, upTo: "intake.caller-lookup")
        try pool.write { db in
            try EarlierVersionRows.insertConnectionRequest(email: nil, extraHouseholds: "[]", personalData: personalData,
                                                           in: db)
        }
        try migrator.migrate(pool, upTo: "intake.attachments")
        try pool.write { db in
            try db.execute(sql: """
                INSERT INTO intake_signing_sessions (contract_number, request_code, branch, drafted_at, code_hash,
                    code_issued_at, code_expires_at, failed_attempts, signed_at, contract_sealed)
                VALUES (?, 'PC05TK-251124-000001', '{"code":"PC05TK","name":"Tam Kỳ","hotline":"0235 3852 999"}',
                    100, 'old-hash', 100, 700, 1, 200, ?);
                INSERT INTO intake_signing_code_issues (contract_number, issued_at) VALUES (?, 100);
                """, arguments: [contractNumber, personalData.seal("{}"), contractNumber])
        }
        return (pool, migrator)
    }

    static func drafted(under requestCode: String, signerPhone: String) -> ContractDrafted {
        ContractDrafted(
            contractNumber: contractNumber, requestCode: requestCode,
            branch: Branch(code: "PC05TK", name: "Tam Kỳ", hotline: "0235 3852 999"), holderName: "Trần Văn Bình",
            site: Site(province: "Quảng Nam", communeCode: "20350", street: "12 Phan Chu Trinh, tổ 3",
                       branchCode: "PC05TK", areaClass: .urban),
            meterSerial: "TK-1P-000042", purpose: .residential, tariffGroup: "residential-tiered", householdCount: 2,
            draftedAt: Date(timeIntervalSince1970: 1000), signerPhone: signerPhone)
    }

    @Test func existingSessionsAndIssuesAreKeptAndTheContractOpensASecondSession() throws {
        let (pool, migrator) = try Self.storeWithOneSessionPerContract()
        try migrator.migrate(pool)
        let personalData = PersonalDataProtector(key: Self.firstKey)

        try pool.write { db in
            let kept = try #require(try SigningSession.latest(forRequest: "PC05TK-251124-000001", in: db))
            #expect(kept.contractNumber == Self.contractNumber)
            #expect(kept.codeHash == "old-hash" && kept.failedAttempts == 1)
            #expect(kept.signedAt == Date(timeIntervalSince1970: 200))
            #expect(try kept.codesIssued(since: .distantPast, in: db) == [Date(timeIntervalSince1970: 100)])
            #expect(try SigningSession.signer(forRequest: "PC05TK-251124-000001", in: db) == nil,
                    "a connection's applicant signs with the registered phone")

            let signer = SigningSession.Signer(phoneFingerprint: personalData.fingerprint("+84987654321"),
                                               sealedPhone: personalData.seal("+84987654321"))
            try SigningSession.insert(Self.drafted(under: "PC05TK-251201-000007", signerPhone: "+84987654321"),
                                      signer: signer, sealedContract: personalData.seal("{}"), codeHash: "new-hash",
                                      issuedAt: Date(timeIntervalSince1970: 1000), in: db)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM intake_signing_sessions") == 2)
            #expect(try SigningSession.exists(contractNumber: Self.contractNumber, requestCode: "PC05TK-251201-000007", in: db))
            #expect(try SigningSession.signer(forRequest: "PC05TK-251201-000007", in: db) == signer)
            #expect(try db.foreignKeyViolations().next() == nil)
        }
    }

    @Test func aNewHoldersPhoneIsResealedAndStillOpensTheSessionUnderTheNewKey() async throws {
        let (pool, migrator) = try Self.storeWithOneSessionPerContract()
        try migrator.migrate(pool)
        let before = PersonalDataProtector(key: Self.firstKey)
        try await pool.write { db in
            try SigningSession.insert(
                Self.drafted(under: "PC05TK-251201-000007", signerPhone: "+84987654321"),
                signer: SigningSession.Signer(phoneFingerprint: before.fingerprint("+84987654321"),
                                              sealedPhone: before.seal("+84987654321")),
                sealedContract: before.seal("{}"), codeHash: "new-hash", issuedAt: Date(timeIntervalSince1970: 1000), in: db)
        }
        let rotating = PersonalDataProtector(key: Self.secondKey, previous: [Self.firstKey])

        let report = try await StoreResealer(database: pool, personalData: rotating, tables: IntakeSchema.personalDataTables,
                                             batchSize: 1).run()

        #expect(report.rewritten["intake_signing_sessions"] == 2)
        let rotated = PersonalDataProtector(key: Self.secondKey)
        let signer = try #require(try await pool.read { db in
            try SigningSession.signer(forRequest: "PC05TK-251201-000007", in: db)
        })
        #expect(rotated.matches(signer.phoneFingerprint, of: "+84987654321"))
        #expect(try rotated.open(signer.sealedPhone) == "+84987654321")
    }
}
