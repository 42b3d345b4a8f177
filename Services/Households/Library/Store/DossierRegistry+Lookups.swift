import GRDB

/// What the registry answers without changing anything: which dossier, which unit, whether a
/// contract or a request was already registered.
extension DossierRegistry {
    /// Whether a customer's request already moved a count.
    func hasRequest(_ requestCode: String, in db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM households_count_changes WHERE request_code = ?)"),
                          arguments: [requestCode]) ?? false
    }

    /// Whether a dossier was already registered from this contract.
    func hasDossier(contractNumber: String, in db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM households_dossiers WHERE contract_number = ?)"),
                          arguments: [contractNumber])!
    }

    /// The active dossier of a shared meter, if any.
    func activeDossierId(customerCode: String, in db: Database) throws -> String? {
        try String.fetchOne(db.cachedStatement(
            sql: "SELECT dossier_id FROM households_dossiers WHERE customer_code = ? AND status = 'active'"),
                            arguments: [customerCode])
    }

    /// Whether a current household of the dossier has this ID number already, under any of its fingerprints.
    func holds(idFingerprints: [String], dossierId: String, in db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 FROM households_members
                WHERE id_fingerprint IN (\(databaseQuestionMarks(count: idFingerprints.count))) AND dossier_id = ? AND left_at IS NULL)
            """), arguments: StatementArguments(idFingerprints + [dossierId]))!
    }

    /// The dossier a household belongs to.
    func dossierId(ofMember memberId: Int64, in db: Database) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT dossier_id FROM households_members WHERE member_id = ?"), arguments: [memberId])
    }

    /// The unit keeping a dossier, for access checks.
    func unit(ofDossier dossierId: String, in db: Database) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT unit FROM households_dossiers WHERE dossier_id = ?"), arguments: [dossierId])
    }

    /// The unit keeping the dossier a household belongs to, for access checks.
    func unit(ofMember memberId: Int64, in db: Database) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: """
            SELECT d.unit FROM households_members m JOIN households_dossiers d ON d.dossier_id = m.dossier_id
            WHERE m.member_id = ?
            """), arguments: [memberId])
    }
}
