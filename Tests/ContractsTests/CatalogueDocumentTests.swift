import Contracts
import Foundation
import Testing

/// `docs/events.md` is the catalogue people read; it must describe exactly the contracts the code has.
@Suite("docs/events.md")
struct CatalogueDocumentTests {
    /// Each message's section starts with a heading of the form ``### `routing.key` v1``.
    static let headingPrefix = "### `"

    @Test func documentsEveryContractAtItsVersion() throws {
        let documented = try Self.documentedHeadings()
        for contract in ContractCatalogue.all {
            #expect(documented.contains("`\(contract.routingKey)` v\(contract.version)"),
                    "docs/events.md has no section for \(contract.type)")
        }
    }

    @Test func documentsNoMessageTheCodeLacks() throws {
        let known = Set(ContractCatalogue.all.map { "`\($0.routingKey)` v\($0.version)" })
        for heading in try Self.documentedHeadings() {
            #expect(known.contains(heading), "docs/events.md documents \(heading), which no contract defines")
        }
    }

    @Test func showsTheWireFormOfARequestAsEncoded() throws {
        let body = String(decoding: try WireJSON.encode(ContractSamples.requestSubmitted), as: UTF8.self)
        #expect(try Self.document().contains("```json\n\(body)\n```"))
    }

    @Test func statesTheVersioningRule() throws {
        #expect(try Self.document().contains("## Versioning"))
    }

    private static func documentedHeadings() throws -> [String] {
        try document().split(separator: "\n")
            .filter { $0.hasPrefix(headingPrefix) }
            .map { String($0.dropFirst(4)).trimmingCharacters(in: .whitespaces) }
    }

    private static func document() throws -> String {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/events.md")
        return try String(contentsOf: url, encoding: .utf8)
    }
}
