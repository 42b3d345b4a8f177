import Foundation
import Hummingbird
import Households
import HummingbirdTesting
import StaffAuth
import Testing
import WorkingCalendar

/// households' staff routes on two dossiers of the home branch (one to close) and their
/// sub-households, the unit's reports and imports, and the officers' pages.
enum HouseholdsRouteProbes {
    static func make(_ service: InProcessService<HouseholdsService>, _ client: any TestClientProtocol) async throws
        -> [String: StaffRouteProbe] {
        let home = StaffRouteMatrix<HouseholdsService>.home
        let token = try await service.token(.householdsOfficer, unit: home)
        let customerCode = "\(home)0012345"
        let dossier = try await client.send(.post, "/api/v1/dossiers", token: token, json: [
            "customerCode": customerCode, "holder": ["fullName": "Nguyễn Văn An", "idNumber": "049088012345"],
            "subHouseholds": (1...3).map { subHousehold($0) },
        ]).object()
        let dossierId = try #require(dossier["dossierId"] as? String)
        let members = try #require(dossier["members"] as? [[String: Any]]).compactMap { $0["subHouseholdId"] as? String }
        try #require(members.count == 4)
        _ = try await client.send(.put, "/api/v1/sub-households/\(members[3])/split-status", token: token,
                                  json: ["wantsSplit": true]).object()
        let corporation = try await service.token(.householdsOfficer, unit: StaffClaims.corporationUnit)
        let billing = "customer_code,name,address,branch,area_class,household_count\n"
            + "\(customerCode),Nguyễn Văn An,12 Phan Chu Trinh,\(home),urban,2\n"
        _ = try await client.execute(uri: "/api/v1/customer-imports", method: .post,
                                     headers: [.authorization: "Bearer \(corporation)", .contentType: "text/csv"],
                                     body: ByteBuffer(string: billing)).object()
        let closing = try await client.send(.post, "/api/v1/dossiers", token: token, json: [
            "customerCode": "\(home)0012346", "holder": ["fullName": "Phạm Thị Dung", "idNumber": "049192007788"],
            "subHouseholds": [subHousehold(4)],
        ]).object()["dossierId"] as? String
        let closingId = try #require(closing)
        // A supervisor's override: the first dossier's holder also holds a second meter, whose
        // tenants' confirmation ends within the month.
        let supervisor = try await service.token(.householdsSupervisor, unit: home)
        let ending = CalendarDay(Date()).adding(days: 10).description
        var expiring = subHousehold(7)
        expiring["residenceConfirmation"] = ["issuer": "Công an phường An Mỹ", "number": "XN-2025-07", "issuedOn": "2025-01-15",
                                             "validUntil": ending]
        let overriding = try await client.send(.post, "/api/v1/dossiers", token: supervisor, json: [
            "customerCode": "\(home)0012349", "holder": ["fullName": "Nguyễn Văn An", "idNumber": "049088012345"],
            "subHouseholds": [expiring], "override": ["reason": "Chủ hộ có hai công tơ, đã xác minh tại nhà"],
        ]).object()["dossierId"] as? String
        let overridingId = try #require(overriding)
        let boundary = "probe-boundary"
        let papers = "--\(boundary)\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nhousehold-book\r\n"
            + "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"so-ho-khau.pdf\"\r\n\r\n%PDF-1.7 probe\r\n"
            + "--\(boundary)--\r\n"
        let attached = try await client.execute(
            uri: "/api/v1/dossiers/\(dossierId)/attachments", method: .post,
            headers: [.authorization: "Bearer \(token)", .contentType: "multipart/form-data; boundary=\(boundary)"],
            body: ByteBuffer(string: papers)).object()
        let attachmentId = try #require((attached["attachments"] as? [[String: Any]])?.first?["attachmentId"] as? String)
        func probe(_ uri: String, _ body: String = "", refusal: StaffRouteProbe.Refusal = .forbidden) -> StaffRouteProbe {
            StaffRouteProbe(duty: .households, uri: uri, body: body, refusal: refusal)
        }
        let dossierRows = "customer_code,unit,role,full_name,id_number,household_book,permanent_address,"
            + "confirmation_issuer,confirmation_number,confirmation_issued_on,confirmation_valid_until,persons,contact_phone\n"
            + "\(home)0000001,\(home),main,Hồ Thị Gấm,049170003344,,,,,,,,\n"
        return [
            "POST /api/v1/dossiers": probe("/api/v1/dossiers", try String(json: [
                "customerCode": "\(home)0012347", "unit": home,
                "holder": ["fullName": "Lê Văn Cường", "idNumber": "048090001234"], "subHouseholds": [subHousehold(5)],
            ])),
            "GET /api/v1/dossiers": probe("/api/v1/dossiers?customerCode=\(customerCode)"),
            "GET /api/v1/dossiers/{id}": probe("/api/v1/dossiers/\(dossierId)"),
            "POST /api/v1/dossiers/{id}/attachments": StaffRouteProbe(
                duty: .households, uri: "/api/v1/dossiers/\(dossierId)/attachments", body: papers,
                contentType: "multipart/form-data; boundary=\(boundary)"),
            "GET /api/v1/dossiers/{id}/attachments": probe("/api/v1/dossiers/\(dossierId)/attachments"),
            "GET /api/v1/dossier-attachments/{attachmentId}": probe("/api/v1/dossier-attachments/\(attachmentId)"),
            "POST /api/v1/dossiers/{id}/closure": probe("/api/v1/dossiers/\(closingId)/closure"),
            "POST /api/v1/dossiers/{id}/sub-households": probe(
                "/api/v1/dossiers/\(dossierId)/sub-households", try String(json: subHousehold(6))),
            "PUT /api/v1/sub-households/{ref}": probe("/api/v1/sub-households/\(members[1])", try String(json: subHousehold(1))),
            "POST /api/v1/sub-households/{ref}/end": probe("/api/v1/sub-households/\(members[2])/end"),
            "PUT /api/v1/sub-households/{ref}/split-status": probe(
                "/api/v1/sub-households/\(members[3])/split-status", #"{"wantsSplit": false}"#),
            "GET /api/v1/duplicates": probe("/api/v1/duplicates?unit=\(home)"),
            "GET /api/v1/repricing": probe("/api/v1/repricing?unit=\(home)"),
            "GET /api/v1/repricing.csv": probe("/api/v1/repricing.csv?unit=\(home)"),
            "GET /api/v1/repricing.html": probe("/api/v1/repricing.html?unit=\(home)"),
            "GET /api/v1/residence-expiry": probe("/api/v1/residence-expiry?unit=\(home)"),
            "GET /api/v1/split-report": probe("/api/v1/split-report?unit=\(home)"),
            "POST /api/v1/residence-expiry/run": StaffRouteProbe(
                duty: .households, uri: "/api/v1/residence-expiry/run", owner: StaffClaims.corporationUnit),
            "GET /api/v1/residence-expiry/held": StaffRouteProbe(
                duty: .households, uri: "/api/v1/residence-expiry/held", owner: StaffClaims.corporationUnit),
            "POST /api/v1/residence-expiry/held/release": StaffRouteProbe(
                duty: .households, uri: "/api/v1/residence-expiry/held/release", owner: StaffClaims.corporationUnit),
            "POST /api/v1/customer-imports": StaffRouteProbe(
                duty: .households, uri: "/api/v1/customer-imports", body: "customer_code\n",
                contentType: "text/csv", owner: StaffClaims.corporationUnit),
            "POST /api/v1/dossier-imports": StaffRouteProbe(
                duty: .households, uri: "/api/v1/dossier-imports", body: dossierRows, contentType: "text/csv",
                refusal: .rowsRefused(marker: "unit.other"),
                ledgers: ["households_imports", "households_import_rejections"]),
            "GET /ho-dung-chung": probe("/ho-dung-chung?q=\(customerCode)", refusal: .notListed(marker: dossierId)),
            "GET /ho-dung-chung/mo-ho-so": probe("/ho-dung-chung/mo-ho-so", refusal: .blankForm),
            "POST /ho-dung-chung/mo-ho-so": StaffRouteProbe(
                duty: .households, uri: "/ho-dung-chung/mo-ho-so",
                body: StaffRouteProbe.formBody([
                    "unit": home, "customerCode": "\(home)0012350", "holder.fullName": "Võ Thị Lan",
                    "holder.idNumber": "049190005566",
                ]), contentType: StaffRouteProbe.form),
            "GET /ho-dung-chung/ho-so/{dossierId}": probe("/ho-dung-chung/ho-so/\(dossierId)"),
            "POST /ho-dung-chung/ho-so/{dossierId}/tach": StaffRouteProbe(
                duty: .households, uri: "/ho-dung-chung/ho-so/\(dossierId)/tach",
                body: StaffRouteProbe.formBody(["subHouseholdId": members[3], "notSplitReason": "cost", "wantsSplit": "yes"]),
                contentType: StaffRouteProbe.form),
            "POST /ho-dung-chung/ho-so/{dossierId}/giay-to": StaffRouteProbe(
                duty: .households, uri: "/ho-dung-chung/ho-so/\(dossierId)/giay-to", body: papers,
                contentType: "multipart/form-data; boundary=\(boundary)"),
            "GET /ho-dung-chung/giay-to/{attachmentId}": probe("/ho-dung-chung/giay-to/\(attachmentId)"),
            "GET /ho-dung-chung/trung": probe("/ho-dung-chung/trung", refusal: .notListed(marker: overridingId)),
            "GET /ho-dung-chung/het-han": probe("/ho-dung-chung/het-han", refusal: .notListed(marker: "\(home)0012349")),
            "POST /ho-dung-chung/ho-so/{dossierId}/them-ho": StaffRouteProbe(
                duty: .households, uri: "/ho-dung-chung/ho-so/\(dossierId)/them-ho",
                body: "fullName=Tr%E1%BA%A7n+V%C4%83n+H%E1%BB%99&idNumber=049088100008"
                    + "&permanentAddress=Th%C3%B4n+3&residenceConfirmation.issuer=C%C3%B4ng+an+x%C3%A3"
                    + "&residenceConfirmation.number=XN-8&residenceConfirmation.issuedOn=2025-01-15",
                contentType: StaffRouteProbe.form),
            "GET /ho-dung-chung/dieu-chinh": probe("/ho-dung-chung/dieu-chinh", refusal: .notListed(marker: customerCode)),
            "GET /ho-dung-chung/bao-cao-tach": probe("/ho-dung-chung/bao-cao-tach", refusal: .notListed(marker: customerCode)),
        ]
    }

    /// A sub-household with an ID number of its own (`number`), a permanent address and a residence confirmation.
    static func subHousehold(_ number: Int) -> [String: Any] {
        ["fullName": "Trần Văn Hộ", "idNumber": "049088" + String(format: "%06d", 100_000 + number),
         "permanentAddress": "Thôn Phú Mỹ, xã Tam Thăng, Quảng Nam",
         "residenceConfirmation": ["issuer": "Công an phường An Mỹ", "number": "XN-2025-0\(number)", "issuedOn": "2025-01-15",
                                   "validUntil": CalendarDay(Date()).adding(days: 5 * 365).description]]
    }
}
