import CSV
import Foundation
import Testing

/// What a spreadsheet user gets from an export: fields quoted only when they must be, CRLF
/// line ends, a byte order mark on request, and text the reader reads back unchanged.
@Suite struct CSVWriterTests {
    @Test func quotesOnlyFieldsThatNeedIt() {
        var writer = CSVWriter()
        writer.write(["Mã khách hàng", "Họ tên", "Địa chỉ", "Ghi chú"])
        writer.write(["PC05TK0012345", "Nguyễn Văn An", "Thôn 3, xã Tam Thăng", "nói \"ok\""])
        writer.write(["", "a\nb", "c\rd", "plain"])
        #expect(writer.string == "Mã khách hàng,Họ tên,Địa chỉ,Ghi chú\r\n"
            + "PC05TK0012345,Nguyễn Văn An,\"Thôn 3, xã Tam Thăng\",\"nói \"\"ok\"\"\"\r\n"
            + ",\"a\nb\",\"c\rd\",plain\r\n")
    }

    @Test func startsWithAByteOrderMarkOnRequest() {
        var writer = CSVWriter(byteOrderMark: true)
        writer.write(["Bảng giá"])
        #expect(Array(writer.data) == [0xEF, 0xBB, 0xBF] + Array("Bảng giá\r\n".utf8))
        #expect(Array(CSVWriter().data).isEmpty)
    }

    @Test func whatIsWrittenReadsBackUnchanged() throws {
        let rows = [
            ["Mã", "Tên", "Địa chỉ"],
            ["PC05TK0012345", "Nguyễn \"Út\" An", "Thôn 3, xã Tam Thăng\r\nHuyện Núi Thành"],
            ["", ",", "\"\""],
        ]
        var writer = CSVWriter(byteOrderMark: true)
        rows.forEach { writer.write($0) }

        let read = try CSVReader(data: writer.data, chunkSize: 3).map { try $0.get() }
        #expect(read.map(\.fields) == rows)
        #expect(read.map(\.line) == [1, 2, 4])
    }

    @Test func aCellASpreadsheetWouldRunAsAFormulaIsWrittenAsText() throws {
        var writer = CSVWriter()
        writer.write(["=HYPERLINK(\"http://evil.example\",\"Xem\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)"])
        writer.write(["\tTab", "\r\nDòng", "a=b", "Nguyễn Văn An"])
        #expect(writer.string == "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Xem\"\")\",'+1+cmd|' /C calc'!A0,'-2+3,'@SUM(A1:A9)\r\n"
            + "'\tTab,\"'\r\nDòng\",a=b,Nguyễn Văn An\r\n")
        let read = try CSVReader(data: writer.data).map { try $0.get().fields }
        #expect(read.allSatisfy { $0.allSatisfy { !"=+-@\t\r".unicodeScalars.contains($0.unicodeScalars.first!) } })
    }

    @Test func aSignedNumberStaysANumber() {
        var writer = CSVWriter()
        writer.write(["-2", "+1", "-0.25", "+12.5", "−¾", "-", "+.5", "-1.2.3"])
        #expect(writer.string == "-2,+1,-0.25,+12.5,−¾,'-,'+.5,'-1.2.3\r\n")
    }

    @Test func flushingWritesToTheFileAndEmptiesTheBuffer() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("csv-writer-\(UUID()).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        let handle = try FileHandle(forWritingTo: url)

        var writer = CSVWriter(byteOrderMark: true)
        writer.write(["Mã", "Tên"])
        try writer.flush(to: handle)
        #expect(writer.data.isEmpty)
        writer.write(["PC05", "Lê, Thị"])
        try writer.flush(to: handle)
        try handle.close()

        let records = try CSVReader(path: url.path).map { try $0.get().fields }
        #expect(records == [["Mã", "Tên"], ["PC05", "Lê, Thị"]])
    }
}
