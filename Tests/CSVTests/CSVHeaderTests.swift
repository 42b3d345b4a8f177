import CSV
import Testing

/// Reading by column name: a header typed by a person in a spreadsheet still matches, extra
/// columns are ignored, and every missing column is named at once.
@Suite struct CSVHeaderTests {
    @Test func findsColumnsIgnoringCaseSpacesAndExtraColumns() throws {
        let header = CSVRecord(line: 1, fields: [" Ghi chú ", "MÃ KHÁCH HÀNG", "ho_ten", "Mã khách hàng"])
        let columns = try CSVHeader(header, requiring: ["mã khách hàng", "HO_TEN"])
        let row = CSVRecord(line: 2, fields: ["x", "PC05TK0012345", "Nguyễn Văn An"])

        #expect(columns.indices == ["mã khách hàng": 1, "HO_TEN": 2])
        #expect(columns.value("mã khách hàng", in: row) == "PC05TK0012345")
        #expect(columns.value("HO_TEN", in: row) == "Nguyễn Văn An")
    }

    @Test func namesMatchWhateverTheirUnicodeNormalisation() throws {
        let header = CSVRecord(line: 1, fields: ["Ho\u{0323}\u{0302} so\u{0302}\u{0301}"])
        let columns = try CSVHeader(header, requiring: ["Hộ số"])
        #expect(columns.indices == ["Hộ số": 0])
    }

    @Test func reportsEveryMissingColumn() {
        let header = CSVRecord(line: 3, fields: ["customer_code", "extra"])
        let error = #expect(throws: CSVHeader.MissingColumns.self) {
            try CSVHeader(header, requiring: ["name", "Customer_Code", "unit"])
        }
        #expect(error?.line == 3)
        #expect(error?.names == ["name", "unit"])
    }

    @Test func aShortRecordHasNoValueForTheLaterColumns() throws {
        let columns = try CSVHeader(CSVRecord(line: 1, fields: ["a", "b"]), requiring: ["a", "b"])
        let row = CSVRecord(line: 2, fields: ["1"])
        #expect(columns.value("a", in: row) == "1")
        #expect(columns.value("b", in: row) == nil)
        #expect(columns.value("not required", in: row) == nil)
    }
}
