import Foundation
import Hummingbird

extension Request {
    /// The bodies the services' APIs take are small forms; anything larger is refused unread.
    public static let defaultJSONBodyLimit = 64 * 1024

    /// The raw body, at most `limit` bytes: 413 (``APIError/tooLarge(limit:)``) beyond it.
    public mutating func collectJSONBody(limit: Int = Request.defaultJSONBodyLimit) async throws -> Data {
        do {
            return Data(try await collectBody(upTo: limit).readableBytesView)
        } catch let error as HTTPResponseError where error.status == .contentTooLarge {
            throw APIError.tooLarge(limit: limit)
        }
    }

    /// The body decoded as `T`: 413 beyond `limit`, 400 naming the field for a body that is not
    /// JSON or has a field of the wrong type (``APIError/malformed(field:)``).
    public mutating func decodeJSON<T: Decodable>(_ type: T.Type, limit: Int = Request.defaultJSONBodyLimit) async throws -> T {
        try Self.decodeJSON(type, from: try await collectJSONBody(limit: limit))
    }

    /// `bytes` decoded as `T`, refusing as ``decodeJSON(_:limit:)`` does.
    public static func decodeJSON<T: Decodable>(_ type: T.Type, from bytes: Data) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: bytes)
        } catch let error as DecodingError {
            throw APIError.malformed(field: error.fieldPath)
        }
    }
}

extension DecodingError {
    /// The JSON path of the value the error is about (`applicant.phone`, `extraHouseholds[0]`), "" for the whole body.
    public var fieldPath: String {
        let path: [any CodingKey]
        switch self {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context):
            path = context.codingPath
        case .dataCorrupted(let context):
            path = context.codingPath
        @unknown default:
            path = []
        }
        return path.reduce(into: "") { result, key in
            if let index = key.intValue {
                result += "[\(index)]"
            } else {
                result += result.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
    }
}
