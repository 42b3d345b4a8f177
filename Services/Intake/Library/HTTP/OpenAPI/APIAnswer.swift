/// One answer of an operation: its status, what it means, its body's schema and its headers.
struct APIAnswer: Sendable {
    let status: Int
    let summary: String
    /// The body's schema; an error answer's is always ``APIError``'s shape, `Errors`.
    let schema: JSONValue
    /// Header name → its description and whether every such answer carries it.
    var headers: [String: (summary: String, required: Bool)] = [:]
    /// The body's media type: JSON but for a document served as it is.
    var mediaType = "application/json"

    /// An answer with a JSON body of the component schema `name`.
    static func json(_ status: Int, _ name: String, _ summary: String) -> APIAnswer {
        APIAnswer(status: status, summary: summary, schema: .ref(name))
    }

    /// A document served as it is (not JSON), such as a signed copy.
    static func document(_ status: Int, mediaType: String, _ summary: String,
                         headers: [String: (summary: String, required: Bool)]) -> APIAnswer {
        APIAnswer(status: status, summary: summary, schema: ["type": "string"], headers: headers, mediaType: mediaType)
    }

    /// A refusal in the API's one error shape.
    static func refusal(_ status: Int, _ summary: String) -> APIAnswer {
        json(status, "Errors", summary)
    }

    /// 400: the body is not JSON or a field has the wrong JSON type.
    static let malformed = refusal(400, "Not JSON, or a field of the wrong JSON type (body.malformed_json, body.wrong_type)")

    /// 413: the body is over `limit` bytes.
    static func tooLarge(_ limit: Int) -> APIAnswer {
        refusal(413, "Body over \(limit / 1024) KiB (body.too_large)")
    }

    /// 429: an anonymous client, or the phone it names, went over a rate limit.
    static let rateLimited = APIAnswer(
        status: 429, summary: "Too many requests from this client or for this phone; try again after Retry-After seconds",
        schema: .ref("Errors"), headers: ["Retry-After": ("Seconds to wait before trying again", false)])

    var json: JSONValue {
        var answer: JSONValue = ["description": .string(summary), "content": .object([mediaType: ["schema": schema]])]
        if !headers.isEmpty {
            answer = answer.adding(["headers": .object(headers.mapValues { header -> JSONValue in
                ["description": .string(header.summary), "required": .bool(header.required), "schema": ["type": "string"]]
            })])
        }
        return answer
    }
}
