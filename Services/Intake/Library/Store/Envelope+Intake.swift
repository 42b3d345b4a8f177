import Contracts
import Foundation
import Messaging

extension Envelope {
    /// An envelope of a message intake sends on its own initiative (not caused by a message it
    /// received): the request code as `correlation_id`, intake as producer.
    static func intake<Message: MessageContract>(_ message: Message, requestCode: String, at date: Date) throws -> Envelope {
        Envelope(routingKey: Message.routingKey, version: Message.version, timestamp: date, correlationId: requestCode,
                 appId: ServiceName.intake.rawValue, body: try encode(message))
    }
}
