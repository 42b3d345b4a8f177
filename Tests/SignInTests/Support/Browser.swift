import Foundation
import Hummingbird
import HummingbirdTesting

/// A browser as far as the sign-in sees one: it keeps the cookies it is given (dropping those
/// set with `Max-Age=0`) and sends them back on every request; it does not follow redirects.
struct Browser {
    /// One answer: status, where it redirects, the page, and the `Set-Cookie` lines by cookie name.
    struct Answer {
        let status: HTTPResponse.Status
        let location: String?
        let body: String
        let setCookies: [String: String]

        /// The attributes of the cookie `name` as set, lower-cased, e.g. `["httponly", "max-age=300"]`.
        func attributes(of name: String) -> Set<String> {
            Set((setCookies[name] ?? "").split(separator: ";").dropFirst()
                .map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
        }

        /// The value of cookie `name` as set.
        func value(of name: String) -> String? {
            setCookies[name].flatMap { $0.split(separator: ";").first }
                .map { String($0.drop(while: { $0 != "=" }).dropFirst()) }
        }
    }

    let client: any TestClientProtocol
    /// The cookies held now, by name.
    var cookies: [String: String] = [:]

    /// `GET uri`, with `Authorization: Bearer <bearer>` when given.
    mutating func get(_ uri: String, bearer: String? = nil) async throws -> Answer {
        try await send(uri, method: .get, body: nil, authorization: bearer.map { "Bearer \($0)" })
    }

    /// `POST uri` with `form`, with `Authorization: <authorization>` when given.
    mutating func post(_ uri: String, form: [String: String], authorization: String? = nil) async throws -> Answer {
        let body = form.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)" }
            .joined(separator: "&")
        return try await send(uri, method: .post, body: body, authorization: authorization)
    }

    private mutating func send(_ uri: String, method: HTTPRequest.Method, body: String?, authorization: String? = nil)
        async throws -> Answer {
        var headers: HTTPFields = [:]
        if let authorization { headers[.authorization] = authorization }
        if !cookies.isEmpty {
            headers[.cookie] = cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        }
        if body != nil { headers[.contentType] = "application/x-www-form-urlencoded" }
        let response = try await client.executeRequest(uri: uri, method: method, headers: headers,
                                                       body: body.map { ByteBuffer(string: $0) })
        var set: [String: String] = [:]
        for line in response.headers[values: .setCookie] {
            let name = String(line.prefix { $0 != "=" })
            set[name] = line
        }
        let answer = Answer(status: response.status, location: response.headers[.location],
                            body: String(buffer: response.body), setCookies: set)
        for name in set.keys {
            if answer.attributes(of: name).contains("max-age=0") {
                cookies[name] = nil
            } else {
                cookies[name] = answer.value(of: name)
            }
        }
        return answer
    }
}
