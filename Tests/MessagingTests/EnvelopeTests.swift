import Foundation
import Messaging
import Testing

@Suite struct EnvelopeTests {
    @Test func theWireFormCarriesEveryEnvelopeField() throws {
        let envelope = Envelope(routingKey: "intake.request.submitted", version: 2,
                                timestamp: Date(timeIntervalSince1970: 1_764_000_000), correlationId: "HCM-24-000123",
                                causationId: "c-1", appId: "intake", body: Data(#"{"a":1}"#.utf8))
        let message = AMQPMessage(envelope)
        #expect(message.type == "intake.request.submitted.v2")
        #expect(message.contentType == "application/json")
        #expect(message.persistent)
        #expect(message.messageId == envelope.messageId)
        #expect(message.correlationId == "HCM-24-000123")
        #expect(message.appId == "intake")
        #expect(message.headers["causation-id"] == .string("c-1"))
        #expect(message.headers["traceparent"] == envelope.traceparent.map(AMQPFieldValue.string))
        #expect(try Envelope(message: message) == envelope)
    }

    @Test func aTypeWithoutVersionIsNotAnEnvelope() {
        var message = AMQPMessage(Envelope(routingKey: "a.b", appId: "x", body: Data()))
        message.type = "a.b"
        #expect(throws: EnvelopeError.self) { try Envelope(message: message) }
        message.type = nil
        #expect(throws: EnvelopeError.self) { try Envelope(message: message) }
    }

    @Test func aMessageWithoutIdIsNotAnEnvelope() {
        var message = AMQPMessage(Envelope(routingKey: "a.b", appId: "x", body: Data()))
        message.messageId = nil
        #expect(throws: EnvelopeError.self) { try Envelope(message: message) }
    }

    @Test func aCausedMessageKeepsCorrelationAndTraceButNotTheSpan() throws {
        let cause = Envelope(routingKey: "intake.request.submitted", correlationId: "R-1", appId: "intake", body: Data())
        let effect = cause.caused(routingKey: "crm.ticket.opened", appId: "crm", body: Data())
        #expect(effect.correlationId == "R-1")
        #expect(effect.causationId == cause.messageId)
        let causeTrace = try #require(cause.traceparent.flatMap(TraceParent.init))
        let effectTrace = try #require(effect.traceparent.flatMap(TraceParent.init))
        #expect(effectTrace.traceId == causeTrace.traceId)
        #expect(effectTrace.spanId != causeTrace.spanId)
    }

    @Test func aBodyThatDoesNotFitIsAPermanentFailure() {
        let envelope = Envelope(routingKey: "a.b", appId: "x", body: Data(#"{"n":"x"}"#.utf8))
        struct Number: Decodable { var n: Int }
        #expect(throws: MessageHandlingError.self) { try envelope.decode(Number.self) }
    }
}
