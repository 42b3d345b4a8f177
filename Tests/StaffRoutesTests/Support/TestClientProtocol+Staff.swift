import Foundation
import Hummingbird
import HummingbirdTesting

extension TestClientProtocol {
    /// A JSON call with a staff bearer token, as the fixtures make their records.
    func send(_ method: HTTPRequest.Method, _ uri: String, token: String, json body: Any? = nil) async throws -> TestResponse {
        let data = try body.map { try JSONSerialization.data(withJSONObject: $0) } ?? Data()
        return try await execute(uri: uri, method: method,
                                 headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
                                 body: ByteBuffer(bytes: data))
    }
}

extension TestResponse {
    /// The body as a JSON object; a fixture whose call failed stops the test with the answer.
    func object() throws -> [String: Any] {
        guard (200..<300).contains(status.code),
              let object = try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any] else {
            throw ProbeError("a fixture call answered \(status.code): \(String(buffer: body))")
        }
        return object
    }
}

extension String {
    /// `object` as JSON text, for a probe's body.
    init(json object: Any) throws {
        self = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }
}
