import Contracts
import Foundation
@testable import Intake
import ServiceAreas
import Testing

/// The signed contract's page shows what the customer typed as text, never as markup, and
/// keeps their Vietnamese exactly.
@Suite struct SignedContractDocumentTests {
    private func document(holderName: String, street: String) -> SignedDocument {
        let drafted = ContractDrafted(
            contractNumber: "PC05TK-HD-2025-000042", requestCode: "PC05TK-251124-000001",
            branch: Branch(code: "PC05TK", name: "Tam Kỳ", hotline: "0235 3852 999"), holderName: holderName,
            site: Site(province: "Quảng Nam", communeCode: "20350", street: street, branchCode: "PC05TK", areaClass: .urban),
            meterSerial: "TK-1P-000042", purpose: .residential, tariffGroup: "residential-tiered", householdCount: 2,
            draftedAt: Date(timeIntervalSince1970: 1_764_000_000), signerPhone: "+84987654321")
        return SignedContractDocument(contract: drafted, areas: .builtIn).signed(at: Date(timeIntervalSince1970: 1_764_003_600))
    }

    @Test func markupTheCustomerTypedIsShownAsText() {
        let page = document(holderName: #"Trần "Bình" <b>&</b> O'Neil"#, street: "12 Phan Chu Trinh <script>alert(1)</script>").text
        #expect(page.contains("<dd>Trần &quot;Bình&quot; &lt;b&gt;&amp;&lt;/b&gt; O&#39;Neil</dd>"))
        #expect(page.contains("12 Phan Chu Trinh &lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!page.contains("<script>") && !page.contains("<b>"))
    }

    @Test func aMarkupCharacterFollowedByACombiningMarkIsEscapedToo() {
        // "<" with U+0301 is one Swift Character; the page must still not carry a bare "<".
        let page = document(holderName: "Lê <\u{301}b>", street: "12 Phan Chu Trinh").text
        #expect(page.contains("<dd>Lê &lt;\u{301}b&gt;</dd>"))
    }

    @Test func vietnameseInEitherNormalFormIsKeptByteForByte() {
        let composed = "Nguyễn Thị Ánh", decomposed = "Nguye\u{302}\u{303}n Thi\u{323} A\u{301}nh"
        #expect(document(holderName: composed, street: "Tổ 3").text.utf8.contains(subsequence: Array("<dd>\(composed)</dd>".utf8)))
        #expect(document(holderName: decomposed, street: "Tổ 3").text.utf8.contains(subsequence: Array("<dd>\(decomposed)</dd>".utf8)))
    }
}

private extension String.UTF8View {
    func contains(subsequence: [UInt8]) -> Bool {
        Array(self).firstRange(of: subsequence) != nil
    }
}
