import Foundation
import ServiceKit

/// Where the deadline e-mails' links lead: a ticket's page, `<CRM_STAFF_URL>/phieu/{ticketId}`,
/// on crm's staff address, which the officer opens with the staff cookie of their sign-in.
///
/// `CRM_STAFF_URL` defaults to `make run`'s crm (`http://localhost:8081`) in development only.
struct TicketLinks: Sendable {
    static let crmStaffURLVariable = "CRM_STAFF_URL"
    static let developmentCRMStaffURL = "http://localhost:8081"

    /// Without a trailing `/`.
    let crmStaffURL: String

    /// - Throws: ``ConfigurationError`` naming `CRM_STAFF_URL` when it is unset outside
    ///   development, or is not an http(s) URL.
    init(environment: [String: String], deployment: DeploymentEnvironment) throws {
        crmStaffURL = try StaffAddress.read(
            Self.crmStaffURLVariable, developmentDefault: Self.developmentCRMStaffURL, environment: environment,
            deployment: deployment, expected: "crm's staff address as staff browsers reach it (https://…)")
    }

    /// The page of ticket `ticketId`.
    func page(_ ticketId: String) -> String {
        "\(crmStaffURL)/phieu/\(StaffAddress.segment(ticketId))"
    }
}
