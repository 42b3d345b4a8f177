import Foundation

extension HTTPEndpoint {
    /// `GET path` as the member of staff holding `token` opens it in a browser: the token in the
    /// staff pages' `staff_token` cookie.
    public func staffPage(_ path: String, token: String) async throws -> HTTPAnswer {
        try await call("GET", path, headers: ["Cookie": "staff_token=\(token)"])
    }

    /// `POST path` with `fields` as a staff page's form posts them; the page a 303 leads to is followed.
    public func staffForm(_ path: String, _ fields: KeyValuePairs<String, String>, token: String) async throws
        -> HTTPAnswer {
        let body = fields.map { "\(formEncoded($0.key))=\(formEncoded($0.value))" }.joined(separator: "&")
        return try await call("POST", path, body: Data(body.utf8), headers: [
            "Cookie": "staff_token=\(token)", "Content-Type": "application/x-www-form-urlencoded",
        ])
    }
}

/// `text` as a form's field: every character but letters and digits percent-encoded.
private func formEncoded(_ text: String) -> String {
    text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
}
