import Contracts
import FlowDriver
import Foundation
import ServiceKit
import TestSupport
import Testing

/// The signed copy across the real services: the customer signs, takes the copy from the
/// portal's signing page with the request code and their phone, and its bytes hash to the
/// SHA-256 the branch officer sees on crm's ticket page, where the same copy opens.
@Suite(.serialized) struct SignedCopyFlowTests {
    @Test func theCopyTheCustomerDownloadsHashesToWhatCRMKeepsAndShows() async throws {
        try await Platform.run("signed-copy") { platform in
            let customer = SampleCustomer.make(households: 1)
            let (journey, _, serial) = try await Journey.signedContract(customer, on: platform)
            let form = ["Content-Type": "application/x-www-form-urlencoded"]
            func portalForm(_ phone: String) -> Data {
                var encoding = URLComponents()
                encoding.queryItems = [URLQueryItem(name: "code", value: journey.requestCode),
                                       URLQueryItem(name: "phone", value: phone)]
                return Data((encoding.percentEncodedQuery ?? "").utf8)
            }
            let download = "\(platform.url("intake"))/ky-hop-dong/ban-da-ky"

            let copy = try await platform.http.call(.POST, download, body: portalForm(customer.phone), headers: form)

            #expect(copy.status == 200)
            #expect(copy.header("Content-Disposition") == "attachment; filename=\"hop-dong-\(journey.requestCode).html\"")
            let document = copy.text
            #expect(document.contains("12 Phan Chu Trinh, tổ 3, Phường Tân Thạnh, Quảng Nam"), "the supply point")
            #expect(document.contains("Giá bán lẻ điện sinh hoạt (bậc thang)"), "the tariff group")
            #expect(document.contains(serial), "the meter")
            #expect(document.contains("Bên mua điện đã ký hợp đồng lúc"), "the signing time")

            let officer = ["Cookie": "staff_token=\(try await platform.staff.token(.customerService, unit: "PC05TK"))"]
            let ticketPage = "\(platform.url("crm"))/phieu/CRM-\(journey.requestCode)"
            let page = try await platform.http.call(.GET, ticketPage, headers: officer)
            #expect(page.status == 200)
            let kept = try #require(PageElement(id: "signed-copy-sha256", in: page.text)?.inner)
            #expect(SignedDocument.sha256(of: copy.body) == kept, "the bytes downloaded are the ones crm keeps the hash of")
            let crmCopy = try await platform.http.call(.GET, "\(ticketPage)/hop-dong-da-ky", headers: officer)
            #expect(crmCopy.status == 200)
            #expect(crmCopy.body == copy.body, "the branch opens the very copy the customer took")

            let otherBranch = ["Cookie": "staff_token=\(try await platform.staff.token(.customerService, unit: "PC05HA"))"]
            #expect(try await platform.http.call(.GET, "\(ticketPage)/hop-dong-da-ky", headers: otherBranch).status == 403)
            let stranger = try await platform.http.call(.POST, download, body: portalForm("0987 000 111"), headers: form)
            #expect(stranger.status == 404, "another phone gets the tracking page's 404")
            #expect(stranger.header("Content-Disposition") == nil)
        }
    }
}
