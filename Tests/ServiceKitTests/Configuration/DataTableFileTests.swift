import Foundation
import ServiceKit
import Testing

/// A table served from the file a setting names, else the built-in one.
@Suite struct DataTableFileTests {
    static let variable = "COLOURS_FILE"
    static let builtIn = ["red"]

    /// Keeps the distinct entries of a non-empty list, as a table's own rules might.
    static func table(_ entries: [String]) throws -> [String] {
        struct Refused: Error, CustomStringConvertible { var description: String }
        guard !entries.isEmpty else { throw Refused(description: "the table is empty") }
        return entries
    }

    static func load(_ environment: [String: String]) throws(DataTableFileError) -> [String] {
        try DataTableFile.load(variable, environment: environment, builtIn: builtIn, table: table)
    }

    static func file(_ contents: String) throws -> URL {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("table-\(UUID().uuidString).json")
        try Data(contents.utf8).write(to: file)
        return file
    }

    @Test func withoutTheSettingTheBuiltInTableServes() throws {
        #expect(try Self.load([:]) == Self.builtIn)
        #expect(try Self.load([Self.variable: ""]) == Self.builtIn)
    }

    @Test func theNamedFileReplacesTheBuiltInTable() throws {
        let file = try Self.file(#"["green", "blue"]"#)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(try Self.load([Self.variable: file.path]) == ["green", "blue"])
    }

    @Test(arguments: [nil, "{\"not\": \"a list\"}", "[]"])
    func aFileThatCannotServeStopsTheServiceNamingTheSettingAndTheFile(_ contents: String?) throws {
        let file = try contents.map(Self.file) ?? URL(fileURLWithPath: "/nonexistent/colours.json")
        defer { try? FileManager.default.removeItem(at: file) }
        let error = try #require(throws: DataTableFileError.self) { try Self.load([Self.variable: file.path]) }
        #expect(error.variable == Self.variable)
        #expect(error.path == file.path)
        #expect(error.description.hasPrefix("\(Self.variable)=\(file.path) cannot be used: "))
        if contents == "[]" { #expect(error.reason == "the table is empty") }
    }
}
