import Logging
import ServiceKit
import Testing

/// Every log line about a request carries its code and its flow's correlation id.
@Suite struct RequestMetadataTests {
    @Test func theRequestCodeIsTheCorrelationIdUnlessAMessageCarriedAnother() {
        let own = Logger.Metadata.request("PC05TK-251124-000123", ["branch": "PC05TK"])
        #expect(own == ["request_code": "PC05TK-251124-000123", "correlation_id": "PC05TK-251124-000123",
                        "branch": "PC05TK"])
        let carried = Logger.Metadata.request("PC05TK-251124-000123", correlationId: "legacy-42")
        #expect(carried["correlation_id"] == "legacy-42")
    }
}
