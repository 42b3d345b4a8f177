import GRDB
import PersonalData

/// Rows as intake wrote them before names were sealed (up to `intake.caller-lookup`), for the
/// tests that migrate such a store: one place that knows that version's columns.
enum EarlierVersionRows {
    /// Nguyễn Văn An's new-connection request `PC05TK-251124-000001`, their phone sealed and
    /// fingerprinted by `personalData`; `email` and `extraHouseholds` (JSON) as each test needs.
    static func insertConnectionRequest(email: String?, extraHouseholds: String, personalData: PersonalDataProtector,
                                        in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO intake_requests (request_code, request_kind, channel, applicant_name, applicant_id_masked,
                applicant_id_legacy, applicant_phone_masked, applicant_email, province, commune_code, street,
                branch_code, area_class, purpose, household_count, extra_households, consent_given_at, submitted_at,
                applicant_phone_sealed, applicant_phone_fingerprint, branch_name, branch_hotline)
            VALUES ('PC05TK-251124-000001', 'new_lv_connection', 'web', 'Nguyễn Văn An', '049*******45', 0,
                '+8491****678', ?, 'Quảng Nam', '20350', '12 Phan Chu Trinh, tổ 3', 'PC05TK', 'urban',
                'domestic', 2, ?, 0, 0, ?, ?, 'Điện lực Tam Kỳ', '0235 3851 234')
            """, arguments: [email, extraHouseholds, personalData.seal("+84912345678"),
                             personalData.fingerprint("+84912345678")])
    }
}
