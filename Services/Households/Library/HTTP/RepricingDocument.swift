import CSV
import Contracts
import Foundation
import Mustache
import WebPages
import WorkingCalendar

/// The re-pricing list as a branch prints or files it: an HTML page laid out for A4 paper (by
/// the shared print stylesheet, with no inline style or script) and a CSV export (UTF-8 with a
/// byte-order mark, so spreadsheet software shows the diacritics; cells that a spreadsheet
/// would run as formulas are written as text), both with Vietnamese headings.
struct RepricingDocument: Sendable {
    static let headings = [
        "STT", "Mã khách hàng", "Tên khách hàng", "Địa chỉ", "Đơn vị", "Số hộ đang tính giá (CMIS)",
        "Số hộ theo hồ sơ QLHP", "Chênh lệch", "Chênh lệch từ ngày",
    ]

    private let head: MustacheTemplate
    private let row: MustacheTemplate
    private let tail: MustacheTemplate

    init() throws {
        head = try MustacheTemplate(string: Self.headTemplate)
        row = try MustacheTemplate(string: Self.rowTemplate)
        tail = try MustacheTemplate(string: Self.tailTemplate)
    }

    /// The rows as printed: numbered on from `first`, the counts as fractions, days as
    /// dd/MM/yyyy (Vietnam time).
    private static func rows(_ entries: [RepricingEntry], numberedFrom first: Int) -> [[String]] {
        entries.enumerated().map { index, entry in
            ["\(first + index)", entry.customerCode, entry.name, entry.address, entry.branch, entry.billed.description,
             entry.supported.description, entry.difference, day(entry.since)]
        }
    }

    /// The printed page down to its table's first row: the unit, the day and how many
    /// customers the list holds, which the page states before its rows.
    func htmlHead(unit: String?, generatedAt: Date, count: Int) -> String {
        head.render([
            "unit": unit ?? "Toàn Tổng công ty",
            "day": Self.day(generatedAt),
            "count": count,
            "headings": Self.headings,
        ] as [String: Any])
    }

    /// The table rows of `entries`, numbered on from `first`.
    func htmlRows(_ entries: [RepricingEntry], numberedFrom first: Int) -> String {
        Self.rows(entries, numberedFrom: first)
            .map { cells in row.render(Dictionary(uniqueKeysWithValues: zip(Self.keys, cells))) }
            .joined()
    }

    /// The page after its last row; `empty` says so in the table when the list has no row.
    func htmlTail(empty: Bool) -> String {
        tail.render(["empty": empty])
    }

    /// The export's byte-order mark, then its line of headings.
    func csvHead() -> Data {
        var writer = CSVWriter(byteOrderMark: true)
        writer.write(Self.headings)
        return writer.data
    }

    /// The export's lines of `entries`, numbered on from `first`.
    func csvRows(_ entries: [RepricingEntry], numberedFrom first: Int) -> Data {
        var writer = CSVWriter()
        for row in Self.rows(entries, numberedFrom: first) { writer.write(row) }
        return writer.data
    }

    private static let keys = ["number", "customerCode", "name", "address", "branch", "billed", "supported", "difference", "since"]

    private static func day(_ date: Date) -> String {
        let day = CalendarDay(date)
        return String(format: "%02d/%02d/%04d", day.day, day.month, day.year)
    }

    private static let headTemplate = """
        <!doctype html>
        <html lang="vi">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Danh sách điều chỉnh số hộ — {{unit}}</title>
        <link rel="stylesheet" href="\(WebAssets.printStylesheetPath)">
        <script src="\(WebAssets.printScriptPath)" defer></script>
        </head>
        <body>
        <header>
          <div>TỔNG CÔNG TY ĐIỆN LỰC — Đơn vị: <strong>{{unit}}</strong></div>
          <h1>Danh sách khách hàng cần điều chỉnh số hộ sử dụng điện</h1>
          <div class="meta">Số hộ theo CMIS khác số hộ được hồ sơ hộ dùng chung (QLHP) xác nhận — lập ngày {{day}}, {{count}} khách hàng</div>
        </header>
        <button class="print" type="button">In danh sách / Print</button>
        <table>
          <thead><tr>{{#headings}}<th scope="col">{{.}}</th>{{/headings}}</tr></thead>
          <tbody>

        """

    private static let rowTemplate = """
            <tr><td class="n">{{number}}</td><td>{{customerCode}}</td><td>{{name}}</td><td>{{address}}</td><td>{{branch}}</td>
                <td class="n">{{billed}}</td><td class="n">{{supported}}</td><td class="n">{{difference}}</td><td>{{since}}</td></tr>

        """

    private static let tailTemplate = """
          {{#empty}}<tr><td colspan="9">Không có khách hàng nào cần điều chỉnh.</td></tr>{{/empty}}
          </tbody>
        </table>
        <div class="signatures"><div><p>Người lập biểu</p></div><div><p>Trưởng đơn vị</p></div></div>
        </body>
        </html>
        """
}
