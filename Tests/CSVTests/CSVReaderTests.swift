import CSV
import Foundation
import Testing

/// What an import sees when it reads an export: records with the lines an operator finds them
/// on in a text editor, and errors that name a line without stopping the stream.
@Suite struct CSVReaderTests {
    static func read(_ text: String, chunkSize: Int = CSVReader.defaultChunkSize) -> [Result<CSVRecord, CSVError>] {
        read(Data(text.utf8), chunkSize: chunkSize)
    }

    static func read(_ data: Data, chunkSize: Int = CSVReader.defaultChunkSize) -> [Result<CSVRecord, CSVError>] {
        Array(CSVReader(data: data, chunkSize: chunkSize))
    }

    static func record(_ line: Int, _ fields: [String]) -> Result<CSVRecord, CSVError> {
        .success(CSVRecord(line: line, fields: fields))
    }

    @Test func quotedFieldsHoldCommasLineBreaksAndDoubledQuotes() {
        let text = "PC05TK0012345,Nguyễn Văn An,\"Thôn 3, xã Tam Thăng\",2\n"
            + "PC05TK0012346,\"Trần \"\"Bé\"\" Hai\",\"Tổ 1\r\nKhối 2\nPhường 3\",1\n"
        #expect(Self.read(text) == [
            Self.record(1, ["PC05TK0012345", "Nguyễn Văn An", "Thôn 3, xã Tam Thăng", "2"]),
            Self.record(2, ["PC05TK0012346", "Trần \"Bé\" Hai", "Tổ 1\r\nKhối 2\nPhường 3", "1"]),
        ])
    }

    @Test func emptyFieldsAreKept() {
        #expect(Self.read("a,,\n\"\",b\n,\n") == [
            Self.record(1, ["a", "", ""]),
            Self.record(2, ["", "b"]),
            Self.record(3, ["", ""]),
        ])
    }

    @Test func byteOrderMarkIsSkipped() {
        #expect(Self.read("\u{FEFF}code,name\r\nPC05,An\r\n") == [
            Self.record(1, ["code", "name"]),
            Self.record(2, ["PC05", "An"]),
        ])
    }

    @Test func crlfAndLFLineEndsAndALastLineWithoutOne() {
        #expect(Self.read("a,b\r\nc,d\ne,f") == [
            Self.record(1, ["a", "b"]),
            Self.record(2, ["c", "d"]),
            Self.record(3, ["e", "f"]),
        ])
        #expect(Self.read("a,\"b\"") == [Self.record(1, ["a", "b"])])
    }

    @Test func blankLinesAreSkippedButCounted() {
        let text = "\nheader\r\n\r\n\"multi\nline\nfield\",x\n\nlast\n\n"
        #expect(Self.read(text) == [
            Self.record(2, ["header"]),
            Self.record(4, ["multi\nline\nfield", "x"]),
            Self.record(8, ["last"]),
        ])
    }

    @Test func aMalformedRecordIsReportedAndTheNextRecordsAreRead() {
        let text = "ok,1\nbro\"ken,2\n\"closed\"extra,3\n\"two\nlines\"x,4\nok,5\n"
        #expect(Self.read(text) == [
            Self.record(1, ["ok", "1"]),
            .failure(CSVError(line: 2, field: 1, reason: .quoteInUnquotedField)),
            .failure(CSVError(line: 3, field: 1, reason: .textAfterClosingQuote)),
            .failure(CSVError(line: 4, field: 1, reason: .textAfterClosingQuote)),
            Self.record(6, ["ok", "5"]),
        ])
    }

    @Test func anUnterminatedQuoteIsReportedAtTheLineItOpensOn() {
        let results = Self.read("ok,1\nok,2,\"never\nclosed\n")
        #expect(results == [
            Self.record(1, ["ok", "1"]),
            .failure(CSVError(line: 2, field: 3, reason: .unterminatedQuote)),
        ])
        #expect(results.last.map { "\($0)" } == "failure(line 2, field 3: unterminated_quote)")
    }

    @Test func invalidUTF8IsReportedAndTheNextRecordsAreRead() {
        var data = Data("ok,1\nbad,".utf8)
        data.append(contentsOf: [0x4E, 0xFF, 0x67, 0xC3])
        data.append(contentsOf: Data("\nNguyễn,3\n".utf8))
        #expect(Self.read(data) == [
            Self.record(1, ["ok", "1"]),
            .failure(CSVError(line: 2, field: 2, reason: .invalidUTF8)),
            Self.record(3, ["Nguyễn", "3"]),
        ])
    }

    @Test func decomposedVietnameseComesOutPrecomposed() throws {
        let decomposed = "Nguye\u{0302}\u{0303}n Va\u{0306}n A\u{0300}n"
        let precomposed = "Nguy\u{1EC5}n V\u{0103}n \u{00C0}n"
        let record = try #require(try Self.read("\(decomposed),\"\(decomposed)\"\"\"\n").first?.get())

        #expect(record.fields[0].unicodeScalars.elementsEqual(precomposed.unicodeScalars))
        #expect(Array(record.fields[0].utf8) == Array(precomposed.utf8))
        #expect(record.fields[1].unicodeScalars.elementsEqual((precomposed + "\"").unicodeScalars))
    }

    @Test func textAlreadyInNFCIsReturnedAsItIs() throws {
        let fields = ["Nguyễn Văn An", "Thôn 3 – xã Tam Thăng", "Đặng Thị Ơn", "東京", "ASCII only"]
        let record = try #require(try Self.read(fields.joined(separator: ",")).first?.get())
        #expect(record.fields.map { Array($0.utf8) } == fields.map { Array($0.utf8) })
    }

    /// Tiny chunks put every record, multi-byte character, `""` pair and CRLF pair across a
    /// chunk boundary somewhere; the records must not change.
    @Test(arguments: 1...32) func recordsAreTheSameWhateverTheChunkSize(chunkSize: Int) {
        let text = "\u{FEFF}code,tên,\"địa chỉ\"\r\n"
            + "PC05TK0012345,Nguyễn Văn An,\"Thôn 3, xã \"\"Tam\"\" Thăng\"\r\n"
            + "\r\n"
            + "PC05TK0012346,\"Lê\r\nThị\",\"\"\"\"\r\n"
            + "bad\"row,x\r\n"
            + "PC05TK0012347,Đỗ Ánh,\"\"\r"
            + "last,\"Phạm Ngọc Ẩn\""
        let expected = Self.read(text)
        #expect(expected.count == 6)
        #expect(expected.last == Self.record(8, ["last", "Phạm Ngọc Ẩn"]))
        #expect(Self.read(text, chunkSize: chunkSize) == expected)
    }

    @Test func aRecordFarLongerThanAChunkIsReadWhole() {
        let note = String(repeating: "Ghi chú dài, \"rất\" dài.\n", count: 20_000)
        let escaped = note.replacingOccurrences(of: "\"", with: "\"\"")
        #expect(Self.read("a,\"\(escaped)\"\nb,2\n", chunkSize: 16) == [
            Self.record(1, ["a", note]),
            Self.record(20_002, ["b", "2"]),
        ])
    }

    @Test func readsAFileInChunks() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("csv-reader-\(UUID()).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        let text = "\u{FEFF}code,name\r\n" + (1...50).map { "PC05TK\($0),\"Nguyễn, \($0)\"\r\n" }.joined()
        try Data(text.utf8).write(to: url)

        let results = Array(try CSVReader(path: url.path, chunkSize: 7))
        #expect(results == Self.read(text))
        #expect(results.count == 51)
        #expect(results.last == Self.record(51, ["PC05TK50", "Nguyễn, 50"]))
    }

    @Test func aMissingFileThrowsAtOpening() {
        #expect(throws: (any Error).self) { try CSVReader(path: "/nonexistent/\(UUID()).csv") }
    }

    @Test func emptyInputHasNoRecords() {
        #expect(Self.read("").isEmpty)
        #expect(Self.read("\u{FEFF}\r\n\n").isEmpty)
    }
}
