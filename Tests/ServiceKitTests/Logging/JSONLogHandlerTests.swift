import Foundation
import Logging
import Testing
import ServiceKit

@Suite struct JSONLogHandlerTests {
    let recorder = LineRecorder()

    var logger: Logger {
        let handler = JSONLogHandler(
            service: "crm",
            output: recorder.record,
            clock: WallClock { Date(timeIntervalSince1970: 1_714_550_400.125) }
        )
        return Logger(label: "crm") { _ in handler }
    }

    @Test func aLineIsOneJSONObjectWithFixedKeysFirst() throws {
        logger.error("Ticket \"late\"", metadata: ["request_code": "YC-2405-0001", "correlation_id": "YC-2405-0001"])

        let line = try #require(recorder.lines.first)
        #expect(line == #"{"ts":"2024-05-01T08:00:00.125Z","level":"error","service":"crm","msg":"Ticket \"late\"","#
            + #""correlation_id":"YC-2405-0001","request_code":"YC-2405-0001"}"#)
        #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any])
    }

    @Test func nestedMetadataBecomesNestedJSON() {
        logger.info("Routed", metadata: ["units": ["PC01", "PC02"], "sla": ["days": "3", "calendar": "working"]])

        #expect(recorder.lines == [
            #"{"ts":"2024-05-01T08:00:00.125Z","level":"info","service":"crm","msg":"Routed","#
                + #""sla":{"calendar":"working","days":"3"},"units":["PC01","PC02"]}"#
        ])
    }

    @Test func controlCharactersAreEscaped() {
        logger.info("tab\there\u{1}")

        #expect(recorder.lines == [
            #"{"ts":"2024-05-01T08:00:00.125Z","level":"info","service":"crm","msg":"tab\there\u0001"}"#
        ])
    }

    @Test func identityAndPhoneNumbersAreMaskedInMessageAndMetadata() {
        logger.info("ID 123456789 verified", metadata: ["phone": "+84912345678"])

        #expect(recorder.lines == [
            #"{"ts":"2024-05-01T08:00:00.125Z","level":"info","service":"crm","msg":"ID 12*****89 verified","#
                + #""phone":"+8491****678"}"#
        ])
    }
}
