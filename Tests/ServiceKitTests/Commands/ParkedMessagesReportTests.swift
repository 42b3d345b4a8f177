import ServiceKit
import Testing

@Suite struct ParkedMessagesReportTests {
    @Test func nothingParkedSaysSo() {
        #expect(ParkedMessagesReport.render([]) == "no parked messages\n")
    }

    @Test func aResendNamesWhatWasNotParked() {
        let text = ParkedMessagesReport.renderResend(requested: ["a", "b"], resent: ["a", "c"])
        #expect(text == "re-sent a\nre-sent c\nnot parked: b\n")
    }
}
