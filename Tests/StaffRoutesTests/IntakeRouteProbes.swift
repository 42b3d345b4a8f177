import Foundation
import Hummingbird
import HummingbirdTesting
import Intake
import Testing

/// intake's staff pages, the call-centre console and the download of a request's attachment, on a
/// request filed by a caller of the home branch.
enum IntakeRouteProbes {
    static func make(_ service: InProcessService<IntakeService>, _ client: any TestClientProtocol) async throws
        -> [String: StaffRouteProbe] {
        let home = StaffRouteMatrix<IntakeService>.home
        let filed = try await client.execute(
            uri: "/api/v1/requests", method: .post, headers: [.contentType: "application/json"],
            body: ByteBuffer(string: try String(json: [
                "kind": "new_lv_connection", "channel": "web",
                "applicant": ["fullName": "Nguyễn Văn An", "idNumber": "049088012345", "phone": "0912345678"],
                "site": ["province": "Quảng Nam", "communeCode": "20350", "street": "12 Phan Chu Trinh, tổ 3"],
                "purpose": "residential", "householdCount": 1, "extraHouseholds": [], "consent": true,
            ]))).object()
        let requestCode = try #require(filed["requestCode"] as? String)
        try #require(requestCode.hasPrefix(home))
        let boundary = "probe-boundary"
        let upload = "--\(boundary)\r\nContent-Disposition: form-data; name=\"phone\"\r\n\r\n0912345678\r\n"
            + "--\(boundary)\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nid-card\r\n"
            + "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cccd.pdf\"\r\n\r\n%PDF-1.7 probe\r\n"
            + "--\(boundary)--\r\n"
        let attached = try await client.execute(
            uri: "/api/v1/requests/\(requestCode)/attachments", method: .post,
            headers: [.contentType: "multipart/form-data; boundary=\(boundary)"], body: ByteBuffer(string: upload)).object()
        let attachmentId = try #require((attached["attachments"] as? [[String: Any]])?.first?["attachmentId"] as? String)
        let caller = "requester.fullName=Nguy%E1%BB%85n+V%C4%83n+An&requester.idNumber=049088012345"
            + "&requester.phone=0912345678&consent=true"
        return [
            "GET /nhan-vien/tep-dinh-kem/{id}": StaffRouteProbe(duty: .tickets, uri: "/nhan-vien/tep-dinh-kem/\(attachmentId)",
                                                              refusal: .forbidden),
            "GET /tong-dai": StaffRouteProbe(duty: .callCentre, uri: "/tong-dai?phone=0912345678",
                                             refusal: .notListed(marker: requestCode)),
            "GET /tong-dai/cap-dien-moi": StaffRouteProbe(duty: .callCentre, uri: "/tong-dai/cap-dien-moi", refusal: .blankForm),
            "GET /tong-dai/su-kien": StaffRouteProbe(duty: .callCentre, uri: "/tong-dai/su-kien?extension=1",
                                                     refusal: .endlessStream(marker: "extension.format")),
            "GET /tong-dai/bao-mat-dien": StaffRouteProbe(
                duty: .callCentre, uri: "/tong-dai/bao-mat-dien?phone=0912345678", refusal: .blankForm),
            "POST /tong-dai/bao-mat-dien": StaffRouteProbe(
                duty: .callCentre, uri: "/tong-dai/bao-mat-dien",
                body: "customerCode=\(home)0012345&phone=0912345678&consent=true", contentType: StaffRouteProbe.form),
            "POST /tong-dai/cap-dien-moi": StaffRouteProbe(
                duty: .callCentre, uri: "/tong-dai/cap-dien-moi",
                body: caller.replacingOccurrences(of: "requester.", with: "applicant.")
                    + "&site.communeCode=20350&site.street=12+Phan+Chu+Trinh&purpose=residential",
                contentType: StaffRouteProbe.form),
            "GET /tong-dai/dich-vu/{kind}": StaffRouteProbe(
                duty: .callCentre, uri: "/tong-dai/dich-vu/meter_inspection", refusal: .blankForm),
            "POST /tong-dai/dich-vu/{kind}": StaffRouteProbe(
                duty: .callCentre, uri: "/tong-dai/dich-vu/meter_inspection",
                body: "customerCode=\(home)0012345&" + caller, contentType: StaffRouteProbe.form),
        ]
    }
}
