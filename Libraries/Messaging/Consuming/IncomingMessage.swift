/// A delivered envelope with what the broker said about its delivery.
public struct IncomingMessage: Sendable {
    public var envelope: Envelope
    public var exchange: String
    public var routingKey: String
    /// The broker delivered it before (a consumer died before acking it).
    public var redelivered: Bool

    /// Decodes the body as `T`; a body that does not fit is a permanent failure.
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try envelope.decode(type)
    }
}
