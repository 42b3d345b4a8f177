import Foundation
import TestSupport
import Testing

/// `Idempotency-Key` on `POST /api/v1/service-requests`, as on a connection request: a form
/// sent twice files one request, and the key is declared in the OpenAPI document.
@Suite struct ServiceRequestIdempotencyTests {
    @Test func aFormSentTwiceWithOneKeyFilesOneRequestAndAnotherBodyIsA409() async throws {
        try await IntakeHarness.run { intake in
            let body = try JSONSerialization.data(withJSONObject: OpenAPITests.meterSplit)
            let key = ["Idempotency-Key": "split-form-5c1e"]

            let first = try await intake.post("api/v1/service-requests", raw: body, headers: key)
            let again = try await intake.post("api/v1/service-requests", raw: body, headers: key)

            #expect(first.status == 201)
            #expect(again.status == 201)
            #expect(again.body == first.body)
            #expect(again.location == first.location)
            #expect(try await intake.count("intake_service_requests") == 1)
            try await intake.awaitOutboxDrained()
            #expect(try await intake.observed().count == 1)

            var changed = OpenAPITests.meterSplit
            changed["subHouseholdId"] = "SH-1043"
            let other = try await intake.post("api/v1/service-requests", changed, headers: key)
            #expect(other.status == 409)
            #expect(try other.errorCodes() == ["idempotency_key.reused"])
            #expect(try await intake.count("intake_service_requests") == 1)

            let unkeyed = try await intake.post("api/v1/service-requests", raw: body)
            #expect(unkeyed.status == 201)
            #expect(try unkeyed.json()["requestCode"] as? String != (try first.json()["requestCode"] as? String))
        }
    }

    @Test func aMalformedKeyIsA400AndFilesNothing() async throws {
        try await IntakeHarness.run { intake in
            let answer = try await intake.post("api/v1/service-requests", OpenAPITests.meterSplit,
                                               headers: ["Idempotency-Key": String(repeating: "k", count: 129)])

            #expect(answer.status == 400)
            #expect(try answer.errorFields() == ["Idempotency-Key"])
            #expect(try await intake.count("intake_service_requests") == 0)
        }
    }

    @Test func theOpenAPIDocumentDeclaresTheKeyAndItsRefusals() async throws {
        try await IntakeHarness.run { intake in
            let document = try await OpenAPITests.document(of: intake)
            let paths = try #require(document["paths"] as? [String: [String: [String: Any]]])
            let operation = try #require(paths["/api/v1/service-requests"]?["post"])
            let parameters = try #require(operation["parameters"] as? [[String: Any]])
            let header = try #require(parameters.first { $0["name"] as? String == "Idempotency-Key" })
            #expect(header["in"] as? String == "header")
            #expect(header["required"] as? Bool == false)
            let responses = try #require(operation["responses"] as? [String: Any])
            #expect(responses["409"] != nil)
            #expect(responses["400"] != nil)
        }
    }
}
