import Contracts
import GRDB

/// The kind of each request crm opened a ticket for, as intake's submission named it: kept on
/// the connection's ticket (`crm_tickets`) or the service request's (`crm_service_tickets`).
enum RequestKinds {
    /// The kind of the request `requestCode`; nil when crm opened no ticket for it.
    ///
    /// A cached statement: each of notification's deliveries is routed by it, and an answer of
    /// metering or households that names no kind (sent before the field existed).
    static func kind(of requestCode: String, in db: Database) throws -> RequestKind? {
        try String.fetchOne(db.cachedStatement(sql: """
            SELECT request_kind FROM crm_tickets WHERE request_code = ?
            UNION ALL SELECT kind FROM crm_service_tickets WHERE request_code = ?
            """), arguments: [requestCode, requestCode]).flatMap(RequestKind.init(rawValue:))
    }
}
