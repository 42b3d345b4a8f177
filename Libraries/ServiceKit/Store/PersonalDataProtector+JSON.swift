import Foundation
import Messaging
import PersonalData

extension PersonalDataProtector {
    /// `value` as the messages' JSON (``JSONCoding``), sealed: how a store keeps a whole record of
    /// personal data (a filing, a contract's parties, a signed document) in one column.
    public func seal(json value: some Encodable) throws -> Data {
        seal(String(decoding: try JSONCoding.encoder.encode(value), as: UTF8.self))
    }

    /// The record ``seal(json:)`` sealed, opened and decoded.
    public func open<Value: Decodable>(_ type: Value.Type, json sealed: Data) throws -> Value {
        try JSONCoding.decoder.decode(type, from: Data(try open(sealed).utf8))
    }
}
