import Contracts
import Foundation
@testable import Messaging
import Synchronization
import TestSupport
import Testing

/// What a contract type decides on its own: where a handler's messages come from and how they
/// arrive, and where a sent message goes and what its envelope says.
@Suite struct ContractMessagingTests {
    private static let requestCode = "PC05TK-261129-000001"
    private static let signedAt = Date(timeIntervalSince1970: 1_796_000_000)
    private let signature = SignatureCaptured(requestCode: requestCode, contractNumber: "HĐ-TK-2026-000001",
                                              method: .smsOneTimeCode, signedAt: signedAt)

    @Test func handlersAreBoundWhereTheirContractsKindSays() {
        var handlers = MessageHandlers()
        handlers.on(SignatureCaptured.self) { _, _ in }
        handlers.on(SendSMSReply.self) { _, _ in }
        handlers.answer(RequestTimelineQuery.self) { _, _ in nil }
        #expect(handlers.bindings == [
            Binding(exchange: Exchange.events, routingKey: "intake.signature.captured.#"),
            Binding(exchange: Exchange.commands, routingKey: "notification.send-sms-reply"),
        ])
        #expect(handlers.lookupBindings == [Binding(exchange: Exchange.commands, routingKey: "crm.request-timeline")])
    }

    @Test func aHandlerGetsTheDecodedMessageAndABodyThatDoesNotFitIsAPermanentFailure() throws {
        let store = try TemporaryStore()
        let outbox = Outbox(service: "crm")
        let received = Mutex<[SignatureCaptured]>([])
        var handlers = MessageHandlers()
        handlers.on(SignatureCaptured.self) { signature, _ in received.withLock { $0.append(signature) } }
        let handle = try #require(handlers.change(for: SignatureCaptured.routingKey))

        try store.pool.write { db in
            try handle(MessageContext(message: incoming(try Envelope.encode(signature)), db: db, outbox: outbox))
        }
        #expect(received.withLock { $0 } == [signature])

        #expect(throws: MessageHandlingError.self) {
            try store.pool.write { db in
                try handle(MessageContext(message: incoming(try Envelope.encode(["requestCode": 1])), db: db, outbox: outbox))
            }
        }
        #expect(received.withLock { $0.count } == 1)
    }

    @Test func aMessageStartedByARequestBeginsAFlowOnTheExchangeItsKindNames() throws {
        let store = try TemporaryStore()
        let outbox = Outbox(service: "intake")
        let reply = SendSMSReply(messageId: "sms-1", phone: "+84905000777", text: "Da nhan", issuedAt: Self.signedAt)
        try store.pool.write { db in
            try outbox.send(signature, correlation: Self.requestCode, at: Self.signedAt, in: db)
            try outbox.send(reply, correlation: "sms-1", at: Self.signedAt, in: db)
        }
        let sent = try store.pool.read { db in try outbox.pending(in: db, limit: 10) }.map(\.message)
        #expect(sent.map(\.exchange) == [Exchange.events, Exchange.commands])
        #expect(sent.map(\.routingKey) == ["intake.signature.captured.PC05", "notification.send-sms-reply"])
        #expect(sent.map(\.mandatory) == [false, true], "a command waits in the outbox until a queue takes it")
        let event = sent[0].envelope
        #expect(event.type == "intake.signature.captured.v1")
        #expect(event.correlationId == Self.requestCode && event.causationId == nil && event.appId == "intake")
        #expect(event.timestamp == Self.signedAt)
        #expect(try event.decode(SignatureCaptured.self) == signature)
    }

    @Test func aMessageCausedByAnotherNamesItContinuesItsTraceAndSharesItsCorrelation() throws {
        let store = try TemporaryStore()
        let outbox = Outbox(service: "notification")
        let cause = Envelope(routingKey: "crm.contract.signed", correlationId: Self.requestCode, appId: "crm",
                             body: Data("{}".utf8))
        let kept = RecordedCause(messageId: "command-1", traceparent: cause.traceparent)
        try store.pool.write { db in
            try outbox.send(signature, cause: cause, at: Self.signedAt, in: db)
            try outbox.send(signature, cause: kept, correlation: "PC06DN-261129-000002", at: Self.signedAt, in: db)
        }
        let sent = try store.pool.read { db in try outbox.pending(in: db, limit: 10) }.map(\.message.envelope)
        let trace = try #require(cause.traceparent.flatMap(TraceParent.init))
        #expect(sent.map(\.causationId) == [cause.messageId, "command-1"])
        #expect(sent.map(\.correlationId) == [Self.requestCode, "PC06DN-261129-000002"])
        for envelope in sent {
            let child = try #require(envelope.traceparent.flatMap(TraceParent.init))
            #expect(child.traceId == trace.traceId && child.spanId != trace.spanId)
            #expect(envelope.appId == "notification")
        }
    }

    @Test func aShardAnswersOnlyTheLookUpsWhoseQueryItOwns() throws {
        var handlers = MessageHandlers()
        handlers.answer(RequestTimelineQuery.self, owner: { $0.requestCode }) { _, _ in nil }
        handlers.restrict(to: { $0.hasPrefix("PC05") }, companies: ["PC05"])
        let answer = try #require(handlers.query(for: RequestTimelineQuery.routingKey))
        let ours = try answer(incoming(try Envelope.encode(RequestTimelineQuery(requestCode: Self.requestCode))))
        let theirs = try answer(incoming(try Envelope.encode(RequestTimelineQuery(requestCode: "PC06DN-261129-000002"))))
        #expect(handlers.owns(ours) && !handlers.owns(theirs))
    }

    /// A delivery of `body` with no further meaning: the handler alone reads it.
    private func incoming(_ body: Data) -> IncomingMessage {
        IncomingMessage(envelope: Envelope(routingKey: "test", appId: "test", body: body), exchange: Exchange.events,
                        routingKey: "test", redelivered: false)
    }
}
