import Messaging
import Testing

@Suite struct TraceParentTests {
    @Test func aNewTraceIsAW3CHeaderWithNonZeroIdsThatDifferEachTime() throws {
        let traces = (0..<200).map { _ in TraceParent.random() }
        for trace in traces {
            let header = trace.description
            #expect(header.count == 55)
            #expect(header.hasPrefix("00-") && header.hasSuffix("-01"))
            #expect(TraceParent(header) == trace)
            #expect(trace.traceId.allSatisfy { "0123456789abcdef".contains($0) })
            #expect(trace.traceId != String(repeating: "0", count: 32))
            #expect(trace.spanId != String(repeating: "0", count: 16))
        }
        #expect(Set(traces.map(\.traceId)).count == traces.count)
        #expect(Set(traces.map(\.spanId)).count == traces.count)
        // The trace's two halves come from one draw: no two of them repeat each other.
        #expect(traces.allSatisfy { !$0.traceId.hasPrefix($0.spanId) && !$0.traceId.hasSuffix($0.spanId) })
    }

    @Test func aChildKeepsTheTraceAndDrawsANewSpan() throws {
        let parent = TraceParent.random()
        let children = (0..<50).map { _ in parent.child() }
        #expect(children.allSatisfy { $0.traceId == parent.traceId && $0.spanId.count == 16 })
        #expect(Set(children.map(\.spanId)).count == children.count)
        #expect(!children.map(\.spanId).contains(parent.spanId))
    }
}
