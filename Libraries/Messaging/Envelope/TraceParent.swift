/// W3C trace context (`traceparent`), carried in a header so that traces
/// follow a request across services.
public struct TraceParent: Sendable, Equatable, CustomStringConvertible {
    public var traceId: String
    public var spanId: String

    /// A new trace.
    public static func random() -> TraceParent {
        TraceParent(traceId: hex(bytes: 16), spanId: hex(bytes: 8))
    }

    /// Parses `00-<32 hex>-<16 hex>-<2 hex>`; nil for anything else.
    public init?(_ header: String) {
        let parts = header.split(separator: "-")
        guard parts.count == 4, parts[1].count == 32, parts[2].count == 16,
              parts[1].allSatisfy(\.isHexDigit), parts[2].allSatisfy(\.isHexDigit) else { return nil }
        self.init(traceId: String(parts[1]), spanId: String(parts[2]))
    }

    init(traceId: String, spanId: String) {
        self.traceId = traceId
        self.spanId = spanId
    }

    /// The same trace, one span further.
    public func child() -> TraceParent {
        TraceParent(traceId: traceId, spanId: Self.hex(bytes: 8))
    }

    public var description: String { "00-\(traceId)-\(spanId)-01" }

    /// `bytes` random bytes (8 or 16) as lowercase hex.
    private static func hex(bytes: Int) -> String {
        (0..<(bytes / 8)).map { _ in
            let word = String(UInt64.random(in: .min ... .max), radix: 16)
            return String(repeating: "0", count: 16 - word.count) + word
        }.joined()
    }
}
