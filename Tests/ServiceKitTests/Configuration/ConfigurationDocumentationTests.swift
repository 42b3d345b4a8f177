import Foundation
import Testing
import ServiceKit

/// `docs/configuration.md` holds the table generated from `ConfigurationKey.all`.
///
/// When a key changes, regenerate the table with
/// `UPDATE_CONFIGURATION_DOC=1 swift test --filter ConfigurationDocumentationTests`.
@Suite struct ConfigurationDocumentationTests {
    static let begin = "<!-- BEGIN GENERATED FROM ConfigurationKey.all -->\n"
    static let end = "<!-- END GENERATED -->"

    static let documentURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Configuration
        .deletingLastPathComponent()  // ServiceKitTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()
        .appendingPathComponent("docs/configuration.md")

    @Test func theDocumentedTableMatchesTheKeys() throws {
        let document = try String(contentsOf: Self.documentURL, encoding: .utf8)
        let start = try #require(document.range(of: Self.begin), "\(Self.documentURL.path) lacks the begin marker")
        let stop = try #require(document.range(of: Self.end, range: start.upperBound..<document.endIndex))
        let documented = String(document[start.upperBound..<stop.lowerBound])

        if documented != ConfigurationKey.markdownTable,
            ProcessInfo.processInfo.environment["UPDATE_CONFIGURATION_DOC"] == "1"
        {
            let updated = document.replacingCharacters(
                in: start.upperBound..<stop.lowerBound,
                with: ConfigurationKey.markdownTable
            )
            try updated.write(to: Self.documentURL, atomically: true, encoding: .utf8)
            return
        }
        #expect(
            documented == ConfigurationKey.markdownTable,
            """
            docs/configuration.md is out of date: \
            run UPDATE_CONFIGURATION_DOC=1 swift test --filter ConfigurationDocumentationTests
            """
        )
    }
}
