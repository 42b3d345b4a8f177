import Foundation
import Messaging
import Hummingbird

extension Response {
    /// A JSON answer in intake's encoding (ISO-8601 instants, sorted keys).
    static func json(_ value: some Encodable, status: HTTPResponse.Status, headers: HTTPFields = [:]) throws -> Response {
        var headers = headers
        headers[.contentType] = "application/json; charset=utf-8"
        let body = try JSONCoding.encoder.encode(value)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}
