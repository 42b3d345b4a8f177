import Foundation
import ServiceKit

/// Where a ticket page's attachment links lead: intake's staff download,
/// `<INTAKE_STAFF_URL>/nhan-vien/tep-dinh-kem/{id}`, on intake's staff address (the call-centre
/// console's host), which the officer's browser reaches with the same staff cookie.
///
/// `INTAKE_STAFF_URL` defaults to `make run`'s intake (`http://localhost:8080`) in development
/// only; elsewhere it is required, since a link to the wrong host would download nothing.
struct AttachmentLinks: Sendable {
    static let intakeStaffURLVariable = "INTAKE_STAFF_URL"
    static let developmentIntakeStaffURL = "http://localhost:8080"

    /// Without a trailing `/`.
    let intakeStaffURL: String

    /// - Throws: ``ConfigurationError`` naming `INTAKE_STAFF_URL` when it is unset outside
    ///   development, or is not an http(s) URL.
    init(environment: [String: String], deployment: DeploymentEnvironment) throws {
        intakeStaffURL = try StaffAddress.read(
            Self.intakeStaffURLVariable, developmentDefault: Self.developmentIntakeStaffURL, environment: environment,
            deployment: deployment, expected: "intake's staff address as staff browsers reach it (https://…)")
    }

    /// The download of attachment `id`.
    func download(_ id: String) -> String {
        "\(intakeStaffURL)/nhan-vien/tep-dinh-kem/\(StaffAddress.segment(id))"
    }
}
