import Logging

extension Logger {
    /// This logger with `envelope`'s message id, type and correlation id as metadata, for a
    /// line about that message.
    ///
    /// Built when such a line is written, not for every message: most messages are handled
    /// without one, and setting metadata copies the handler and formats each value.
    func about(_ envelope: Envelope) -> Logger {
        var logger = self
        logger[metadataKey: "message_id"] = "\(envelope.messageId)"
        logger[metadataKey: "message_type"] = "\(envelope.type)"
        if let correlation = envelope.correlationId { logger[metadataKey: "correlation_id"] = "\(correlation)" }
        return logger
    }
}
