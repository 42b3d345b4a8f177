import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import Synchronization

/// One message an ``SMSGatewayRecorder`` accepted, as the gateway would have sent it.
public struct RecordedSMS: Sendable, Equatable {
    /// The `Phone` field: digits only, as the sender wrote it (e.g. `84912345678`).
    public var phone: String
    /// The `Content` field: the text the customer's phone shows.
    public var content: String
    /// The `Brandname` field: the registered sender name.
    public var brandname: String
    /// The `IsUnicode` field: `true` for `"1"` (UCS-2), `false` for `"0"` (GSM-7).
    public var isUnicode: Bool
    /// The `RequestId` field: the sender's own id of the message.
    public var requestId: String
    /// When the recorder accepted it.
    public var receivedAt: Date
}

/// A brandname SMS gateway on loopback that speaks the JSON API of Vietnamese gateways
/// (eSMS.vn style), for tests of anything that sends SMS.
///
/// The protocol: `POST <url>` with `Content-Type: application/json` and a body
/// `{"ApiKey","SecretKey","Phone","Content","Brandname","SmsType":"2","IsUnicode":"0"|"1",
/// "RequestId","Sandbox":"0"}` (every value a JSON string). The answer is HTTP 200 with
/// `{"CodeResult":"100","SMSID":"…"}` for an accepted message, and HTTP 200 with another
/// `CodeResult` for a refused one: `101` wrong `ApiKey`/`SecretKey`, `104` empty brandname,
/// `99` a body that is not such a request.
///
/// Like a real gateway it sends a `RequestId` once: a repeated one is answered `100` with the
/// first message's `SMSID` and not recorded again, so a test sees exactly what customers
/// would receive. ``failNext(_:)`` makes the next requests fail with HTTP 503 before they
/// are looked at, to exercise a sender's retries.
///
/// ```swift
/// let gateway = try await SMSGatewayRecorder.start(apiKey: "key", secretKey: "secret")
/// defer { Task { await gateway.stop() } }
/// // point the sender at gateway.url, then:
/// try await eventually("the SMS went out") { await gateway.messages().count == 1 }
/// ```
public final class SMSGatewayRecorder: Sendable {
    /// What the recorder has seen, behind one lock.
    private struct State {
        var messages: [RecordedSMS] = []
        /// Each subscriber's messages, oldest first, by ``subscriberNumber(of:)``: a driver
        /// waiting for one customer's text asks many times a second while thousands of others
        /// arrive, and must not copy them all each time.
        var messagesBySubscriber: [Substring: [RecordedSMS]] = [:]
        var smsIdByRequestId: [String: String] = [:]
        var failuresLeft = 0
        var requestCount = 0
    }

    /// The request body, as the gateway reads it.
    private struct SendRequest: Decodable {
        var ApiKey: String
        var SecretKey: String
        var Phone: String
        var Content: String
        var Brandname: String
        var IsUnicode: String
        var RequestId: String
    }

    /// The answer body.
    private struct Answer: Encodable, ResponseEncodable {
        var CodeResult: String
        var SMSID: String?
        var ErrorMessage: String?
    }

    /// Where to send: `http://127.0.0.1:<port>/sms`, the value for the sender's gateway URL setting.
    public let url: String
    private let apiKey: String
    private let secretKey: String
    private let state = Mutex(State())
    private let group: ServiceGroup
    private let server: Task<Void, Never>

    private init(url: String, apiKey: String, secretKey: String, group: ServiceGroup, server: Task<Void, Never>) {
        self.url = url
        self.apiKey = apiKey
        self.secretKey = secretKey
        self.group = group
        self.server = server
    }

    /// Starts a recorder on a free port of 127.0.0.1 that accepts requests carrying exactly
    /// these credentials.
    ///
    /// - Parameters:
    ///   - apiKey: the `ApiKey` the sender must send.
    ///   - secretKey: the `SecretKey` the sender must send.
    /// - Throws: ``FixtureError`` when the HTTP server could not start.
    public static func start(apiKey: String, secretKey: String) async throws -> SMSGatewayRecorder {
        let box = Box()
        let router = Router()
        router.post("sms") { request, context -> Answer in
            try await box.recorder!.answer(request, context: context)
        }
        let (ports, portFound) = AsyncStream<Int>.makeStream()
        var logger = Logger(label: "sms-gateway-recorder")
        logger.logLevel = .warning
        let application = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                if let port = channel.localAddress?.port { portFound.yield(port) }
                portFound.finish()
            },
            logger: logger
        )
        let group = ServiceGroup(services: [application], gracefulShutdownSignals: [], logger: logger)
        let server = Task {
            try? await group.run()
            portFound.finish()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            throw FixtureError("the SMS gateway recorder could not start")
        }
        let recorder = SMSGatewayRecorder(url: "http://127.0.0.1:\(port)/sms", apiKey: apiKey, secretKey: secretKey,
                                          group: group, server: server)
        box.recorder = recorder
        return recorder
    }

    /// The messages accepted so far, oldest first; a repeated `RequestId` appears once.
    public func messages() async -> [RecordedSMS] {
        state.withLock { $0.messages }
    }

    /// The messages accepted so far for the phone `phone`, oldest first, in whatever form it is
    /// written (`+84912345678`, `84912345678`, `0912345678`): they are matched by the last nine
    /// digits, the subscriber number without the country code or trunk prefix.
    public func messages(to phone: String) async -> [RecordedSMS] {
        let subscriber = Self.subscriberNumber(of: phone)
        return state.withLock { $0.messagesBySubscriber[subscriber] ?? [] }
    }

    /// The last nine digits of `phone`.
    private static func subscriberNumber(of phone: String) -> Substring {
        Substring(phone.filter(\.isNumber).suffix(9))
    }

    /// How many requests arrived, failed, refused and repeated ones included.
    public func requestCount() async -> Int {
        state.withLock { $0.requestCount }
    }

    /// Makes the next `n` requests fail with HTTP 503 (nothing recorded), as an overloaded
    /// or restarting gateway does.
    public func failNext(_ n: Int) {
        state.withLock { $0.failuresLeft = n }
    }

    /// Stops the HTTP server once the requests in flight are answered; later requests fail to connect.
    public func stop() async {
        await group.triggerGracefulShutdown()
        await server.value
    }

    private func answer(_ request: Request, context: some RequestContext) async throws -> Answer {
        let failing = state.withLock { state -> Bool in
            state.requestCount += 1
            guard state.failuresLeft > 0 else { return false }
            state.failuresLeft -= 1
            return true
        }
        if failing {
            throw HTTPError(.serviceUnavailable, message: "gateway busy")
        }
        guard let sms = try? await request.decode(as: SendRequest.self, context: context) else {
            return Answer(CodeResult: "99", ErrorMessage: "Malformed request")
        }
        guard sms.ApiKey == apiKey, sms.SecretKey == secretKey else {
            return Answer(CodeResult: "101", ErrorMessage: "Authorize Failed")
        }
        guard !sms.Brandname.isEmpty else {
            return Answer(CodeResult: "104", ErrorMessage: "Brandname not registered")
        }
        let smsId = state.withLock { state -> String in
            if let earlier = state.smsIdByRequestId[sms.RequestId] { return earlier }
            let smsId = UUID().uuidString.lowercased()
            state.smsIdByRequestId[sms.RequestId] = smsId
            let recorded = RecordedSMS(phone: sms.Phone, content: sms.Content, brandname: sms.Brandname,
                                       isUnicode: sms.IsUnicode == "1", requestId: sms.RequestId, receivedAt: Date())
            state.messages.append(recorded)
            state.messagesBySubscriber[Self.subscriberNumber(of: sms.Phone), default: []].append(recorded)
            return smsId
        }
        return Answer(CodeResult: "100", SMSID: smsId)
    }

    /// Lets the route reach the recorder, which exists only once the server's port is known.
    private final class Box: @unchecked Sendable {
        /// Written once, before the port is published and therefore before any request arrives.
        var recorder: SMSGatewayRecorder?
    }
}
