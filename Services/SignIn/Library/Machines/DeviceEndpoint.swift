import Foundation
import Hummingbird
import ServiceKit
import StaffAuth
import WebPages

/// The wall-board devices of a branch, for its branch head: `GET /thiet-bi` (the list, with a
/// revoke button each, and the enrolment form), `POST /thiet-bi` (a new device's one-time
/// enrolment link), `POST /thiet-bi/{id}/thu-hoi` (revoke); and `GET /thiet-bi/ghi-danh?ma=…`,
/// the link the device opens once to get its `staff_device` credential.
struct DeviceEndpoint: Sendable {
    static let path = "/thiet-bi"
    static let enrolmentPath = "/thiet-bi/ghi-danh"

    let devices: WallBoardDevices
    let visitor: VisitorSession
    let writer: GroupCommitWriter
    let store: ServiceStore
    let cookies: SessionCookies
    let consoles: ConsoleLinks
    let pages: SignInPages
    let clock: WallClock

    func register(on router: Router<ServiceRequestContext>) {
        router.get(RouterPath(String(Self.path.dropFirst()))) { request, _ in
            try await asBranchHead(request) { head in try await list(request, head: head, enrolment: nil, problem: nil) }
        }
        router.post(RouterPath(String(Self.path.dropFirst()))) { request, _ in
            let form = try await WebForm.read(request)
            return try await asBranchHead(request) { head in try await invite(request, head: head, name: form.text("name")) }
        }
        router.post(RouterPath("\(Self.path.dropFirst())/:id/thu-hoi")) { request, context in
            let id = context.parameters.get("id") ?? ""
            return try await asBranchHead(request) { head in
                let (devices, at) = (devices, clock.preciseNow())
                _ = try await writer.write { db in try devices.revoke(id, of: head.unit, at: at, in: db) }
                return WebPages.seeOther(Self.path)
            }
        }
        router.get(RouterPath(String(Self.enrolmentPath.dropFirst()))) { request, _ in
            try await enrol(request)
        }
    }

    /// Runs `page` for a branch head of a branch; else to the sign-in, or 403.
    private func asBranchHead(_ request: Request, _ page: (StaffSession) async throws -> Response) async throws -> Response {
        guard let session = try await visitor.live(request) else { return WebPages.seeOther(SignInEndpoint.signInPath) }
        guard session.roles.contains(.branchHead), session.unit != StaffClaims.corporationUnit else {
            return pages.devicesRefused(request)
        }
        return try await page(session)
    }

    private func list(_ request: Request, head: StaffSession, enrolment: OpaqueSecret?, problem: String?) async throws -> Response {
        let devices = devices
        let listed = try await store.database.read { db in try devices.list(of: head.unit, in: db) }
        return pages.devices(request, unit: head.unit, devices: listed,
                             enrolmentLink: enrolment.map { "\(Self.enrolmentPath)?ma=\($0.value)" }, problem: problem)
    }

    private func invite(_ request: Request, head: StaffSession, name: String?) async throws -> Response {
        guard let name = name?.trimmingCharacters(in: .whitespaces), (1...60).contains(name.count) else {
            return try await list(request, head: head, enrolment: nil, problem: PageLanguage(request).pick(
                "Nhập tên thiết bị, tối đa 60 ký tự (ví dụ: TV quầy giao dịch)",
                "Enter the device's name, at most 60 characters (e.g. TV at the counter)"))
        }
        let (devices, at) = (devices, clock.preciseNow())
        let enrolment = try await writer.write { db in
            try devices.invite(name: name, unit: head.unit, by: head.staffId, at: at, in: db)
        }
        return try await list(request, head: head, enrolment: enrolment, problem: nil)
    }

    private func enrol(_ request: Request) async throws -> Response {
        let (devices, at) = (devices, clock.preciseNow())
        guard let code = request.uri.queryParameters.get("ma"), !code.isEmpty,
              let credential = try await writer.write({ db in try devices.enrol(OpaqueSecret(code), at: at, in: db) }) else {
            return pages.enrolmentRefused(request)
        }
        let board = consoles.wallBoard.map { "?next=\($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }
        return WebPages.seeOther(SignInEndpoint.renewalPath + (board ?? ""),
                                 cookies: cookies.deviceEnrolled(credential, now: at))
    }
}
