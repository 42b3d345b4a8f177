import Testing
import WebPages

/// Pages run no inline code: the Content-Security-Policy would block it, so a template that
/// holds some stops the service at start instead of breaking in a customer's browser.
@Suite struct WebPagesTests {
    @Test(arguments: [
        ("<button onclick=\"window.print()\">In</button>", "onclick="),
        ("<script>track()</script>", "<script>"),
        ("<p style=\"color: red\">Lỗi</p>", "style="),
        ("<style>p { color: red }</style>", "<style>"),
        ("<a href=\"javascript:void(0)\">Xem</a>", "javascript:"),
        ("<img src=\"/a.png\" ONERROR=\"x()\">", "ONERROR="),
    ])
    func aTemplateWithInlineCodeIsRefused(template: String, markup: String) throws {
        let error = try #require(throws: InlineCodeError.self) { try WebPages(["trang": template]) }
        #expect(error.template == "trang")
        #expect(error.markup == markup)
    }

    @Test func aTemplateThatLoadsItsCodeFromTheServiceIsTaken() throws {
        _ = try WebPages(["trang": """
            <script src="/assets/print-1.js" defer></script>
            <form method="post" action="/dang-nhap" novalidate><button class="print" type="button">In</button></form>
            """])
    }
}
