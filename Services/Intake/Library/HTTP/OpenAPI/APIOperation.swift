/// One operation of intake's public API as the document shows it: adding an endpoint to the
/// document is adding one of these to ``IntakeAPIDocument/operations``.
struct APIOperation: Sendable {
    /// `get` or `post`.
    let method: String
    /// The path as OpenAPI writes it, e.g. `/api/v1/requests/{code}/tracking`.
    let path: String
    let id: String
    let summary: String
    var parameters: [APIParameter] = []
    /// The component schema of the body, if the operation takes one.
    var body: String?
    /// The body's media type: JSON, or a multipart form for an upload.
    var bodyMediaType = "application/json"
    var answers: [APIAnswer]
    /// Whether anyone may call it without a staff token: such an operation is rate-limited
    /// (429 with `Retry-After`).
    var isAnonymous = true

    /// The answers, an anonymous operation's own 429 carrying the rate limit's `Retry-After` too.
    private var responses: [APIAnswer] {
        guard isAnonymous else { return answers }
        guard answers.contains(where: { $0.status == APIAnswer.rateLimited.status }) else { return answers + [.rateLimited] }
        return answers.map { answer in
            var answer = answer
            if answer.status == APIAnswer.rateLimited.status {
                answer.headers.merge(APIAnswer.rateLimited.headers) { own, _ in own }
            }
            return answer
        }
    }

    var json: JSONValue {
        var operation: JSONValue = [
            "operationId": .string(id), "summary": .string(summary),
            "responses": .object(Dictionary(uniqueKeysWithValues: responses.map { (String($0.status), $0.json) })),
        ]
        if !parameters.isEmpty {
            operation = operation.adding(["parameters": .array(parameters.map(\.json))])
        }
        if let body {
            operation = operation.adding(["requestBody": ["required": true, "content": .object([bodyMediaType: ["schema": .ref(body)]])]])
        }
        return operation
    }
}
