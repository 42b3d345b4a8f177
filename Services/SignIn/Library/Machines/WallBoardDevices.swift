import Foundation
import GRDB

/// The branches' wall-board devices in the store.
///
/// A branch head enrols a device in two steps: ``invite(name:unit:by:at:in:)`` makes a
/// one-time enrolment secret (the link the TV opens, valid for ``enrolmentWindow``);
/// ``enrol(_:at:in:)`` on the TV spends it and gives the device its own long-lived credential
/// (the `staff_device` cookie), bound to the branch. Both secrets are ``OpaqueSecret``s, stored
/// only hashed. The credential renews tokens of role `wall_board` for the branch until the
/// branch head revokes the device.
public struct WallBoardDevices: Sendable {
    /// How long an enrolment link may wait to be opened.
    public static let enrolmentWindow: TimeInterval = 30 * 60

    public init() {}

    /// A new device of `unit` called `name`, awaiting enrolment; its one-time enrolment secret.
    public func invite(name: String, unit: String, by staffId: String, at now: Date, in db: Database) throws -> OpaqueSecret {
        let enrolment = OpaqueSecret.generate()
        try WallBoardDeviceRow(id: UUID().uuidString.lowercased(), name: name, unit: unit, enrolledBy: staffId,
                               createdAt: now, enrolmentHash: enrolment.hash,
                               enrolmentExpiresAt: now.addingTimeInterval(Self.enrolmentWindow)).insert(db)
        return enrolment
    }

    /// Spends `enrolment` at `now`: the device's credential, nil when the link is unknown,
    /// already used, expired or its device revoked.
    public func enrol(_ enrolment: OpaqueSecret, at now: Date, in db: Database) throws -> OpaqueSecret? {
        let credential = OpaqueSecret.generate()
        try db.cachedStatement(sql: """
            UPDATE wall_board_device SET enrolment_hash = NULL, credential_hash = ?, enrolled_at = ?, last_seen_at = ?
            WHERE enrolment_hash = ? AND enrolment_expires_at > ? AND revoked_at IS NULL
            """).execute(arguments: [credential.hash, now.timeIntervalSince1970, now.timeIntervalSince1970, enrolment.hash,
                                     now.timeIntervalSince1970])
        return db.changesCount > 0 ? credential : nil
    }

    /// The unit and id of the enrolled, unrevoked device holding `credential`, its last renewal
    /// moved to `now`; nil for any other credential.
    public func renew(_ credential: OpaqueSecret, at now: Date, in db: Database) throws -> (id: String, unit: String)? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT id, unit FROM wall_board_device WHERE credential_hash = ? AND revoked_at IS NULL
            """), arguments: [credential.hash]) else { return nil }
        try db.cachedStatement(sql: "UPDATE wall_board_device SET last_seen_at = ? WHERE credential_hash = ?")
            .execute(arguments: [now.timeIntervalSince1970, credential.hash])
        return (row["id"], row["unit"])
    }

    /// Revokes the device `id` of `unit` at `now`; whether there was such a device not yet revoked.
    public func revoke(_ id: String, of unit: String, at now: Date, in db: Database) throws -> Bool {
        try db.cachedStatement(sql: "UPDATE wall_board_device SET revoked_at = ? WHERE id = ? AND unit = ? AND revoked_at IS NULL")
            .execute(arguments: [now.timeIntervalSince1970, id, unit])
        return db.changesCount > 0
    }

    /// The devices of `unit`, newest first.
    public func list(of unit: String, in db: Database) throws -> [WallBoardDevice] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT id, name, unit, credential_hash IS NOT NULL AS enrolled, revoked_at IS NOT NULL AS revoked, last_seen_at
            FROM wall_board_device WHERE unit = ? ORDER BY created_at DESC
            """), arguments: [unit]).map { row in
            let state: WallBoardDevice.State = row["revoked"] ? .revoked : row["enrolled"] ? .enrolled : .awaitingEnrolment
            let lastSeen: Double? = row["last_seen_at"]
            return WallBoardDevice(id: row["id"], name: row["name"], unit: row["unit"], state: state,
                                   lastSeenAt: lastSeen.map(Date.init(timeIntervalSince1970:)))
        }
    }
}
