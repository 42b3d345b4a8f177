import Glibc

/// W3C trace context (`traceparent`), carried in a header so that traces
/// follow a request across services.
public struct TraceParent: Sendable, Equatable, CustomStringConvertible {
    public var traceId: String
    public var spanId: String

    /// A new trace: its trace and span ids from one draw of the system's random source, which
    /// is a system call each (three of them per message were 1 % of a producer's CPU).
    public static func random() -> TraceParent {
        let bytes = randomBytes(24)
        return TraceParent(traceId: hex(bytes[..<16]), spanId: hex(bytes[16...]))
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
        TraceParent(traceId: traceId, spanId: Self.hex(Self.randomBytes(8)[...]))
    }

    public var description: String { "00-\(traceId)-\(spanId)-01" }

    /// `count` bytes of the system's cryptographically secure random source, in one call.
    private static func randomBytes(_ count: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        bytes.withUnsafeMutableBytes { buffer in
            // glibc's arc4random_buf: one getrandom(2) call, from the kernel's CSPRNG.
            arc4random_buf(buffer.baseAddress!, count)
        }
        return bytes
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// `bytes` as lowercase hex.
    private static func hex(_ bytes: ArraySlice<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count * 2) { text in
            for (offset, byte) in bytes.enumerated() {
                text[offset * 2] = hexDigits[Int(byte >> 4)]
                text[offset * 2 + 1] = hexDigits[Int(byte & 0x0f)]
            }
            return bytes.count * 2
        }
    }
}
