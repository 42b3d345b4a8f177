import FlowDriver
import Foundation
import TestSupport
import Testing

/// A paper the applicant attaches to their request, from intake's API to the branch's ticket page
/// in crm and back to intake's download, with both running as real processes.
@Suite(.serialized) struct AttachmentFlowTests {
    @Test func theBranchFollowsTheTicketPagesLinkToTheSameBytesAndAnotherBranchIsRefused() async throws {
        try await Platform.run("attachments", services: ["intake", "crm"]) { platform in
            let intake = platform.url("intake")
            let filed = try await platform.http.call(.POST, "\(intake)/api/v1/requests", json: [
                "kind": "new_lv_connection", "channel": "web",
                "applicant": ["fullName": "Nguyễn Văn An", "idNumber": "049088012345", "phone": "0912345678"],
                "site": ["province": "Quảng Nam", "communeCode": "20350", "street": "12 Phan Chu Trinh, tổ 3"],
                "purpose": "residential", "householdCount": 1, "extraHouseholds": [], "consent": true,
            ]).expect(201)
            let code = try #require(filed["requestCode"] as? String)
            let form = MultipartForm([.field("phone", "0912 345 678"), .field("kind", "household-book"),
                                      .file("file", name: "so-ho-khau.jpg", type: "image/jpeg", SamplePapers.jpeg)])
            _ = try await platform.http.call(.POST, "\(intake)/api/v1/requests/\(code)/attachments", body: form.body,
                                             headers: ["Content-Type": form.contentType]).expect(201)

            let officer = ["Cookie": "staff_token=\(try await platform.staff.token(.customerService, unit: "PC05TK"))"]
            var page = ""
            try await eventually("the ticket page lists the paper") {
                page = try await platform.http.call(.GET, "\(platform.url("crm"))/phieu/CRM-\(code)", headers: officer).text
                return PageElement(id: "attachments", in: page) != nil
            }
            let list = try #require(PageElement(id: "attachments", in: page)).inner
            #expect(list.contains(">Sổ hộ khẩu</a>"))
            let link = try #require(list.firstMatch(of: /href="([^"]+)"/).map { String($0.output.1) })
            #expect(link.hasPrefix("\(intake)/nhan-vien/tep-dinh-kem/"))

            let download = try await platform.http.call(.GET, link, headers: officer)
            #expect(download.status == 200)
            #expect(download.body == SamplePapers.jpeg)
            let otherBranch = ["Cookie": "staff_token=\(try await platform.staff.token(.customerService, unit: "PC05HA"))"]
            let refused = try await platform.http.call(.GET, link, headers: otherBranch)
            #expect(refused.status == 404)
            #expect(refused.body != SamplePapers.jpeg)
        }
    }
}
