import Foundation
import Logging
import Testing
import ServiceKit

@Suite struct LogfmtLogHandlerTests {
    let recorder = LineRecorder()

    func logger(metadata: Logger.Metadata = [:]) -> Logger {
        var handler = LogfmtLogHandler(
            service: "intake",
            output: recorder.record,
            clock: WallClock { Date(timeIntervalSince1970: 1_714_550_400.125) }
        )
        handler.metadata = metadata
        return Logger(label: "intake") { _ in handler }
    }

    @Test func aLineStartsWithTimestampLevelServiceAndMessage() {
        logger().info("Request submitted")

        #expect(recorder.lines == [#"ts=2024-05-01T08:00:00.125Z level=info service=intake msg="Request submitted""#])
    }

    @Test func metadataFollowsSortedByKey() {
        logger(metadata: ["message_id": "8f9c2a"]).notice(
            "Handled",
            metadata: ["request_code": "YC-2405-0001", "correlation_id": "YC-2405-0001"]
        )

        #expect(recorder.lines == [
            "ts=2024-05-01T08:00:00.125Z level=notice service=intake msg=Handled "
                + "correlation_id=YC-2405-0001 message_id=8f9c2a request_code=YC-2405-0001"
        ])
    }

    @Test func valuesWithSpacesQuotesEqualsOrNothingAreQuoted() {
        logger().warning(
            "Say \"hi\"",
            metadata: ["empty": "", "equation": "a=b", "path": #"C:\temp"#, "lines": "one\ntwo", "plain": "ok"]
        )

        #expect(recorder.lines == [
            #"ts=2024-05-01T08:00:00.125Z level=warning service=intake msg="Say \"hi\"" "#
                + #"empty="" equation="a=b" lines="one\ntwo" path=C:\temp plain=ok"#
        ])
    }

    @Test func vietnameseTextIsWrittenAsItIsAndControlCharactersEscaped() {
        logger().info("Đã nhận yêu cầu", metadata: ["branch": "Điện_lực_Tam_Kỳ", "note": "a\u{01}\tb", "unicode": "Tam Kỳ"])

        #expect(recorder.lines == [
            #"ts=2024-05-01T08:00:00.125Z level=info service=intake msg="Đã nhận yêu cầu" "#
                + #"branch=Điện_lực_Tam_Kỳ note="a\u0001\tb" unicode="Tam Kỳ""#
        ])
    }

    /// The handler's metadata, then the provider's (the message being handled), then the call's:
    /// a later layer wins a key an earlier one has.
    @Test func laterMetadataLayersWin() {
        let provider = Logger.MetadataProvider { ["correlation_id": "YC-1", "message_id": "from-provider"] }
        var handler = LogfmtLogHandler(service: "crm", metadataProvider: provider, output: recorder.record,
                                       clock: WallClock { Date(timeIntervalSince1970: 1_714_550_400.125) })
        handler.metadata = ["message_id": "from-handler", "node": "crm-1"]
        let logger = Logger(label: "crm") { _ in handler }

        logger.info("Handled", metadata: ["correlation_id": "YC-2"])
        Logger(label: "crm") { _ in
            LogfmtLogHandler(service: "crm", metadataProvider: provider, output: recorder.record,
                             clock: WallClock { Date(timeIntervalSince1970: 1_714_550_400.125) })
        }.info("Handled")

        #expect(recorder.lines == [
            "ts=2024-05-01T08:00:00.125Z level=info service=crm msg=Handled correlation_id=YC-2 message_id=from-provider node=crm-1",
            "ts=2024-05-01T08:00:00.125Z level=info service=crm msg=Handled correlation_id=YC-1 message_id=from-provider",
        ])
    }

    @Test func identityAndPhoneNumbersAreMaskedInMessageAndMetadata() {
        logger().info("Customer 079203001234 called", metadata: ["phone": "0912345678"])

        #expect(recorder.lines == [
            #"ts=2024-05-01T08:00:00.125Z level=info service=intake msg="Customer 079*******34 called" "#
                + "phone=+8491****678"
        ])
    }

    @Test func emailAddressesAreMaskedInMessageAndMetadata() {
        logger().warning("Mail to tran.thi.binh@example.vn bounced", metadata: ["to": "binh.tran@evn.com.vn"])

        #expect(recorder.lines == [
            #"ts=2024-05-01T08:00:00.125Z level=warning service=intake msg="Mail to t***@example.vn bounced" "#
                + "to=b***@evn.com.vn"
        ])
    }

    @Test func linesBelowTheLevelAreNotWritten() {
        logger().debug("Noise")

        #expect(recorder.lines.isEmpty)
    }
}
