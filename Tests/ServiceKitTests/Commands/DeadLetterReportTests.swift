import ServiceKit
import Testing

@Suite struct DeadLetterReportTests {
    @Test func anEmptyQueueSaysSo() {
        #expect(DeadLetterReport.render([]) == "no dead letters\n")
    }

    @Test func aReplayNamesWhatWasNotFound() {
        let text = DeadLetterReport.renderReplay(requested: ["a", "b"], replayed: ["a"])
        #expect(text == "replayed a\nnot found in the dead-letter queue: b\n")
    }
}
