import Foundation
import GRDB
import PersonalData
import StaffAuth
import StaffDirectory

/// The sign-in sessions in the store: opened at sign-in, kept alive by renewals, ended by
/// sign-out, idleness or their absolute end.
///
/// A session is *live* at a moment when it has not been ended, its last activity is less than
/// ``idleTimeout`` ago and its absolute end has not come. Only a live session renews.
public struct SessionBook: Sendable {
    let idleTimeout: TimeInterval
    let maxAge: TimeInterval
    let personalData: PersonalDataProtector

    public init(idleTimeout: TimeInterval, maxAge: TimeInterval, personalData: PersonalDataProtector) {
        self.idleTimeout = idleTimeout
        self.maxAge = maxAge
        self.personalData = personalData
    }

    /// Opens a session for `person` at `now`, under a new id.
    public func open(for person: DirectoryPerson, at now: Date, in db: Database) throws -> (OpaqueSecret, StaffSession) {
        let id = OpaqueSecret.generate()
        let session = StaffSession(staffId: person.uid, displayName: person.displayName, roles: person.roles,
                                   unit: person.unit, startedAt: now, lastActiveAt: now,
                                   endsAt: now.addingTimeInterval(maxAge))
        try StaffSessionRow(session, id: id, sealedWith: personalData).insert(db)
        return (id, session)
    }

    /// The session of `id` if it is live at `now`, its last activity moved to `now`; nil otherwise.
    public func renew(_ id: OpaqueSecret, at now: Date, in db: Database) throws -> StaffSession? {
        guard let session = try live(id, at: now, in: db) else { return nil }
        try db.cachedStatement(sql: "UPDATE staff_session SET last_active_at = ? WHERE id_hash = ?")
            .execute(arguments: [now.timeIntervalSince1970, id.hash])
        return StaffSession(staffId: session.staffId, displayName: session.displayName, roles: session.roles,
                            unit: session.unit, startedAt: session.startedAt, lastActiveAt: now, endsAt: session.endsAt)
    }

    /// Ends the session of `id` at `now`; the session as it was, nil when there is none or it had already ended.
    public func end(_ id: OpaqueSecret, at now: Date, in db: Database) throws -> StaffSession? {
        guard let session = try session(id, in: db) else { return nil }
        try db.cachedStatement(sql: "UPDATE staff_session SET ended_at = ? WHERE id_hash = ? AND ended_at IS NULL")
            .execute(arguments: [now.timeIntervalSince1970, id.hash])
        return db.changesCount > 0 ? session : nil
    }

    /// The session of `id` if it is live at `now`, untouched.
    public func live(_ id: OpaqueSecret, at now: Date, in db: Database) throws -> StaffSession? {
        guard let session = try session(id, in: db, unended: true),
              now < session.lastActiveAt.addingTimeInterval(idleTimeout), now < session.endsAt else { return nil }
        return session
    }

    /// The session of `id` whether live or not (only those not ended when `unended`).
    public func session(_ id: OpaqueSecret, in db: Database, unended: Bool = false) throws -> StaffSession? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT staff_id, display_name_sealed, roles, unit, started_at, last_active_at, ends_at FROM staff_session
            WHERE id_hash = ?\(unended ? " AND ended_at IS NULL" : "")
            """), arguments: [id.hash]) else { return nil }
        let roles: String = row["roles"]
        return StaffSession(
            staffId: row["staff_id"], displayName: try personalData.open(row["display_name_sealed"]),
            roles: Set(roles.split(separator: ",").compactMap { StaffRole(rawValue: String($0)) }), unit: row["unit"],
            startedAt: Date(timeIntervalSince1970: row["started_at"]),
            lastActiveAt: Date(timeIntervalSince1970: row["last_active_at"]),
            endsAt: Date(timeIntervalSince1970: row["ends_at"]))
    }
}
