import Foundation
import Messaging
import PersonalData

/// Seals dead letters under the service's personal-data key, the way the service seals ID and
/// phone numbers in its store, so whoever reads the broker's queues reads no personal data.
///
/// The body travels through ``PersonalDataProtector`` as base64 text: a dead letter's body may be
/// any bytes (a message that was no envelope at all), and the protector seals text.
public struct PersonalDataDeadLetterSealer: DeadLetterSealer {
    let protector: PersonalDataProtector

    public init(protector: PersonalDataProtector) {
        self.protector = protector
    }

    public func seal(_ body: Data) -> Data {
        protector.seal(body.base64EncodedString())
    }

    public func open(_ sealed: Data) throws -> Data {
        guard let body = Data(base64Encoded: try protector.open(sealed)) else { throw PersonalDataError.cannotOpen }
        return body
    }
}
