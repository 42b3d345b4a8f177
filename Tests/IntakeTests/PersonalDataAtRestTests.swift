import Foundation
import GRDB
@testable import Intake
import PersonalData
import ServiceKit
import TestSupport
import Testing

/// Intake's store as someone holding a copy of its files sees it, and through a key rotation:
/// names, e-mail and street addresses sealed (rows written before that too), and every sealed
/// value and phone look-up working under the old key, both keys, and the new key alone once
/// `evnctl reseal` has run.
@Suite struct PersonalDataAtRestTests {
    static let firstKey = try! PersonalDataKey(id: "1", base64: Data(repeating: 3, count: 32).base64EncodedString())
    static let secondKey = try! PersonalDataKey(id: "2", base64: Data(repeating: 5, count: 32).base64EncodedString())
    static let plainTexts = ["Nguyễn Văn An", "an.nguyen@example.vn", "12 Phan Chu Trinh", "Trần Thị Bích", "Lê Văn Cường",
                             "cuong.le@example.vn"]

    /// A store migrated up to the last migration before names were sealed, holding a request
    /// and a service request as intake wrote them then, under `firstKey`'s phone seal.
    static func storeOfAnEarlierVersion() throws -> (DatabasePool, DatabaseMigrator) {
        let before = PersonalDataProtector(key: firstKey)
        let migrator = IntakeService.migrator(personalData: before)
        let pool = try TemporaryStore.earlierVersion(of: migrator, upTo: "intake.caller-lookup")
        try pool.write { db in
            try EarlierVersionRows.insertConnectionRequest(
                email: "an.nguyen@example.vn",
                extraHouseholds: #"[{"fullName":"Trần Thị Bích","idNumberMasked":"049*******21"}]"#,
                personalData: before, in: db)
            try db.execute(sql: """
                INSERT INTO intake_service_requests (request_code, request_kind, channel, customer_code, branch_code,
                    branch_name, branch_hotline, requester_name, requester_id_masked, phone_masked, phone_sealed,
                    phone_fingerprint, email, consent_given_at, submitted_at)
                VALUES ('PC05TK-251124-000002', 'meter_inspection', 'web', 'PC05TK0000001', 'PC05TK', 'Điện lực Tam Kỳ',
                    '0235 3851 234', 'Lê Văn Cường', '049*******77', '+8498****321', ?, ?, 'cuong.le@example.vn', 0, 1)
                """, arguments: [before.seal("+84987654321"), before.fingerprint("+84987654321")])
        }
        return (pool, migrator)
    }

    /// Every sealed value of every row, opened with `personalData`.
    static func openedValues(in pool: DatabasePool, with personalData: PersonalDataProtector) throws -> [String] {
        try pool.read { db in
            try IntakeSchema.personalDataTables.flatMap { table in
                try Row.fetchAll(db, sql: "SELECT \(table.sealed.joined(separator: ", ")) FROM \(table.name)").flatMap { row in
                    try table.sealed.compactMap { column in try (row[column] as Data?).map(personalData.open) }
                }
            }
        }
    }

    /// The request codes the call-centre console finds for `phone`.
    static func requests(calling phone: String, in pool: DatabasePool, with personalData: PersonalDataProtector) async throws -> [String] {
        try await CallerDirectory(database: pool, personalData: personalData)
            .requests(phoneE164: phone, customerCode: nil, unit: nil).map(\.requestCode)
    }

    @Test func namesEmailsAndStreetsOfEarlierRowsAreSealedAndNoLongerInTheFile() throws {
        let (pool, migrator) = try Self.storeOfAnEarlierVersion()
        #expect(try StoreFileScan.plainTexts(Self.plainTexts, in: pool) == Self.plainTexts)

        try migrator.migrate(pool)

        #expect(try StoreFileScan.plainTexts(Self.plainTexts, in: pool).isEmpty)
        let opened = try Self.openedValues(in: pool, with: PersonalDataProtector(key: Self.firstKey))
        for text in ["Nguyễn Văn An", "an.nguyen@example.vn", "12 Phan Chu Trinh, tổ 3", "Lê Văn Cường", "cuong.le@example.vn"] {
            #expect(opened.contains(text))
        }
        #expect(opened.contains { $0.contains("Trần Thị Bích") })
        let columns = try pool.read { db in try db.columns(in: "intake_requests").map(\.name) }
        #expect(!columns.contains("applicant_name") && !columns.contains("street") && !columns.contains("applicant_email"))
    }

    @Test func aNewKeyReadsAndFindsBothKeysValuesAndAfterTheResealTheOldKeyCanGo() async throws {
        let (pool, migrator) = try Self.storeOfAnEarlierVersion()
        try migrator.migrate(pool)
        let rotating = PersonalDataProtector(key: Self.secondKey, previous: [Self.firstKey])
        // A request filed during the rotation, sealed and fingerprinted under the new key.
        try await pool.write { db in
            try db.execute(sql: "UPDATE intake_service_requests SET phone_sealed = ?, phone_fingerprint = ? WHERE submitted_at = 1",
                           arguments: [rotating.seal("+84987654321"), rotating.fingerprint("+84987654321")])
        }

        #expect(try await Self.requests(calling: "+84912345678", in: pool, with: rotating) == ["PC05TK-251124-000001"])
        #expect(try await Self.requests(calling: "+84987654321", in: pool, with: rotating) == ["PC05TK-251124-000002"])
        let record = try #require(try await pool.read { db in try RequestRecord.find("PC05TK-251124-000001", in: db) })
        #expect(rotating.matches(record.phoneFingerprint, of: "+84912345678"))
        #expect(try Self.openedValues(in: pool, with: rotating).count == 8)

        let report = try await StoreResealer(database: pool, personalData: rotating, tables: IntakeSchema.personalDataTables,
                                             batchSize: 1).run()
        #expect(report.rewritten == ["intake_requests": 1, "intake_service_requests": 1])

        let rotated = PersonalDataProtector(key: Self.secondKey)
        #expect(try Self.openedValues(in: pool, with: rotated).count == 8)
        #expect(try await Self.requests(calling: "+84912345678", in: pool, with: rotated) == ["PC05TK-251124-000001"])
        #expect(try await Self.requests(calling: "+84987654321", in: pool, with: rotated) == ["PC05TK-251124-000002"])
        let resealed = try #require(try await pool.read { db in try RequestRecord.find("PC05TK-251124-000001", in: db) })
        #expect(rotated.matches(resealed.phoneFingerprint, of: "+84912345678"))
        #expect(try rotated.open(resealed.sealedPhone) == "+84912345678")
        #expect(throws: PersonalDataError.cannotOpen) { try PersonalDataProtector(key: Self.firstKey).open(resealed.sealedPhone) }
    }

    @Test func anAttachmentSealedUnderTheOldKeyIsResealedToTheSameBytes() async throws {
        let (pool, migrator) = try Self.storeOfAnEarlierVersion()
        try migrator.migrate(pool)
        let before = PersonalDataProtector(key: Self.firstKey)
        let photo = Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x80, 0xFE, 0x00, 0xC3])
        try await pool.write { db in
            try db.execute(sql: """
                INSERT INTO intake_attachments (attachment_id, request_code, branch_code, kind, content_type, byte_count,
                                                channel, content_sealed, added_at)
                VALUES ('a1', 'PC05TK-251124-000001', 'PC05TK', 'id-card', 'image/jpeg', ?, 'web', ?, 0)
                """, arguments: [photo.count, before.seal(bytes: photo)])
        }
        let rotating = PersonalDataProtector(key: Self.secondKey, previous: [Self.firstKey])

        let report = try await StoreResealer(database: pool, personalData: rotating, tables: IntakeSchema.personalDataTables).run()

        #expect(report.rewritten["intake_attachments"] == 1)
        #expect(report.unreadable["intake_attachments", default: 0] == 0)
        let sealed = try #require(try await pool.read { db in
            try Data.fetchOne(db, sql: "SELECT content_sealed FROM intake_attachments WHERE attachment_id = 'a1'")
        })
        #expect(try PersonalDataProtector(key: Self.secondKey).openBytes(sealed) == photo)
        #expect(throws: PersonalDataError.cannotOpen) { try PersonalDataProtector(key: Self.firstKey).openBytes(sealed) }
    }
}
