import Foundation
import Hummingbird
import ServiceKit
import StaffAuth
import WebPages

/// The sign-in audit, newest first: `GET /nhat-ky` (a page, for the signed-in person) and
/// `GET /api/v1/sign-in-events` (JSON, `Authorization: Bearer <staff token>`), each showing
/// what the reader's ``AuditScope`` allows and refusing everyone else (403).
struct SignInAuditEndpoint: Sendable {
    static let pagePath = "/nhat-ky"
    static let apiPath = "/api/v1/sign-in-events"
    /// The newest events shown at most.
    static let limit = 500

    let ledger: SignInLedger
    let store: ServiceStore
    let visitor: VisitorSession
    let verifier: StaffTokenVerifier
    let pages: SignInPages

    func register(on router: Router<ServiceRequestContext>) {
        router.get(RouterPath(String(Self.pagePath.dropFirst()))) { request, _ in
            guard let session = try await visitor.live(request) else {
                return WebPages.seeOther(SignInEndpoint.signInPath)
            }
            guard let scope = AuditScope(roles: session.roles, unit: session.unit) else {
                return pages.auditRefused(request)
            }
            return pages.audit(request, events: try await events(in: scope))
        }
        router.get(RouterPath(String(Self.apiPath.dropFirst()))) { request, _ in
            let claims = try await verifier.authenticate(request, for: .signInAudit)
            guard let scope = AuditScope(roles: claims.roles, unit: claims.unit) else { throw Self.notAllowed }
            return try Response.json(SignInEventList(events: try await events(in: scope).map(SignInEventList.Entry.init)))
        }
    }

    private func events(in scope: AuditScope) async throws -> [SignInEvent] {
        let ledger = ledger
        return try await store.database.read { db in try ledger.events(of: scope.filter, limit: Self.limit, in: db) }
    }

    /// 403: the reader is neither corporation staff nor a branch head.
    static let notAllowed = APIError(
        status: .forbidden, field: "Authorization", code: "auth.role_not_allowed",
        vi: "Chỉ giám đốc điện lực (đơn vị mình) và nhân viên Tổng công ty được xem nhật ký đăng nhập",
        en: "Only a branch head (for their unit) and corporation staff may read the sign-in audit")
}

/// The JSON of `GET /api/v1/sign-in-events`.
struct SignInEventList: Encodable {
    struct Entry: Encodable {
        let at: Date
        let outcome: SignInOutcome
        let username: String
        let staffId: String?
        let unit: String?
        /// Masked: the audit says where from, not which machine exactly.
        let clientAddress: String

        init(_ event: SignInEvent) {
            at = event.at
            outcome = event.outcome
            username = event.username
            staffId = event.staffId
            unit = event.unit
            clientAddress = event.maskedClientAddress
        }
    }

    let events: [Entry]
}
