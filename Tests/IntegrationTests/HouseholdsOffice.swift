import FlowDriver
import Foundation
import StaffAuth
import TestSupport

/// The households officers' desk through households' public API: the corporation's officer
/// imports the billing system's customers, the branch's officer registers a shared meter's
/// dossier and its sub-households, which is how a meter's count changes and crm opens a
/// contract-amendment ticket.
struct HouseholdsOffice {
    let platform: Platform
    /// The branch whose officer registers the dossiers.
    var branch = "PC05TK"

    private var api: String { "\(platform.url("households"))/api/v1" }

    /// The corporation's officer imports the billing system's row of `customerCode`, billed for
    /// `households`; answers the import's summary.
    @discardableResult
    func importCustomer(_ customerCode: String, households: Int) async throws -> [String: any Sendable] {
        let token = try await platform.staff.token(.householdsOfficer, unit: StaffClaims.corporationUnit)
        let export = "\u{FEFF}customer_code,name,address,branch,area_class,household_count\r\n"
            + "\(customerCode),Nguyễn Văn An,\"Thôn 3, xã Tam Thăng\",\(branch),rural,\(households)\r\n"
        return try await platform.http.call(.POST, "\(api)/customer-imports", body: Data(export.utf8), token: token)
            .expect(200)
    }

    /// The branch's officer opens the meter's dossier: its holder and `subHouseholds` (see
    /// ``household(_:_:validUntil:)``), texted at `contactPhone`; answers the dossier's id.
    func openDossier(_ customerCode: String, holderID: String, contactPhone: String,
                     subHouseholds: [[String: Any]]) async throws -> String {
        let dossier = try await platform.http.call(.POST, "\(api)/dossiers", json: [
            "customerCode": customerCode, "contactPhone": contactPhone,
            "holder": ["fullName": "Nguyễn Văn An", "idNumber": holderID],
            "subHouseholds": subHouseholds,
        ], token: try await officer()).expect(201)
        guard let id = dossier["dossierId"] as? String else { throw FixtureError("no dossier id in \(dossier)") }
        return id
    }

    /// The branch's officer registers one more sub-household on the dossier: the count changes.
    func register(_ household: [String: Any], on dossierId: String) async throws {
        _ = try await platform.http.call(.POST, "\(api)/dossiers/\(dossierId)/sub-households", json: household,
                                         token: try await officer()).expect(201)
    }

    /// A households officer of the branch.
    func officer() async throws -> String {
        try await platform.staff.token(.householdsOfficer, unit: branch)
    }

    /// A sub-household as the counter registers it, with its residence confirmation valid until `validUntil`.
    static func household(_ name: String, _ id: String, validUntil: String) -> [String: Any] {
        [
            "fullName": name, "idNumber": id, "permanentAddress": "Thôn 3, xã Tam Thăng, Quảng Nam",
            "residenceConfirmation": [
                "issuer": "Công an xã Tam Thăng", "number": "XN-\(id.suffix(4))", "issuedOn": "2025-06-01",
                "validUntil": validUntil,
            ],
        ]
    }
}
