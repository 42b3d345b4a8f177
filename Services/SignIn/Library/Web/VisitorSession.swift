import Foundation
import Hummingbird
import ServiceKit

/// The sign-in session a browser presents in its `staff_session` cookie.
struct VisitorSession: Sendable {
    let book: SessionBook
    let store: ServiceStore
    let clock: WallClock

    /// The session id of `request`'s cookie, if it has one.
    static func id(of request: Request) -> OpaqueSecret? {
        request.cookies[SessionCookies.session].flatMap { $0.value.isEmpty ? nil : OpaqueSecret($0.value) }
    }

    /// The live session of `request`, untouched; nil without one.
    func live(_ request: Request) async throws -> StaffSession? {
        guard let id = Self.id(of: request) else { return nil }
        let (at, book) = (clock.preciseNow(), book)
        return try await store.database.read { db in try book.live(id, at: at, in: db) }
    }
}
