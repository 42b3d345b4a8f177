import Foundation
import Hummingbird
import Messaging

extension Response {
    /// A JSON answer in the services' one encoding (ISO-8601 instants, sorted keys).
    public static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws -> Response {
        var headers = headers
        headers[.contentType] = "application/json; charset=utf-8"
        let body = try JSONCoding.encoder.encode(value)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}
