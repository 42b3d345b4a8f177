import Contracts
import Foundation
import Hummingbird
import ServiceKit
@testable import Intake
import ServiceKit
import TestSupport
import Testing

/// `GET /api/v1/openapi.json` describes exactly the API intake serves: every route, every form
/// field, the required fields and parameters the validators refuse to go without, each request
/// kind's own fields, every answer in its shape, and answers that carry what their schemas require.
@Suite struct OpenAPITests {
    @Test func everyRouteUnderAPIv1IsDocumentedWithItsMethodAndNothingElse() async throws {
        try await IntakeHarness.run { intake in
            let document = try await Self.document(of: intake)
            let router = Router(context: ServiceRequestContext.self)
            intake.host.definition.routes(router)

            let served = Set(router.routes.map { "\($0.method) \($0.path)" }.filter { $0.contains(" /api/v1/") })
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            let documented = Set(paths.flatMap { path, operations in
                operations.keys.map { "\($0.uppercased()) \(path)" }
            })

            #expect(served == documented)
            #expect(served.count == 12)
        }
    }

    @Test func everyFormFieldIsAPropertyOfItsSchemaAndNothingElse() async throws {
        try await IntakeHarness.run { intake in
            let document = try await Self.document(of: intake)
            let kinds = RequestKind.allCases.filter { !$0.isConnection }.map { "ServiceRequestForm.\($0.rawValue)" }
            let forms: [(names: [String], type: any RequestForm.Type)] = [
                (["SubmissionForm"], SubmissionForm.self), (["ApplicantForm"], SubmissionForm.ApplicantForm.self),
                (["SiteForm"], SubmissionForm.SiteForm.self), (["PersonForm"], SubmissionForm.PersonForm.self),
                (["AccessForm"], AccessForm.self), (["SignatureForm"], SignatureForm.self),
                (kinds, ServiceRequestForm.self),
            ]
            for form in forms {
                let fields = Set(Mirror(reflecting: form.type.init()).children.compactMap(\.label))
                for name in form.names {
                    let properties = Set((try Self.schema(name, in: document)["properties"] as? [String: Any] ?? [:]).keys)
                    #expect(properties == fields, "\(name)")
                }
            }
            let paths = try #require(document["paths"] as? [String: [String: [String: Any]]])
            let bodies = [
                "/api/v1/requests": "SubmissionForm", "/api/v1/requests/{code}/tracking": "AccessForm",
                "/api/v1/requests/{code}/signature": "SignatureForm", "/api/v1/requests/{code}/signing-code": "AccessForm",
                "/api/v1/service-requests": "ServiceRequestForm", "/api/v1/outage-reports": "OutageReportForm",
            ]
            for (path, form) in bodies {
                let content = paths[path]?["post"]?["requestBody"] as? [String: Any]
                let schema = ((content?["content"] as? [String: Any])?["application/json"] as? [String: Any])?["schema"]
                #expect((schema as? [String: String])?["$ref"] == "#/components/schemas/\(form)", "\(path)")
            }
        }
    }

    @Test func leavingOutARequiredFieldIsRefusedAtThatField() async throws {
        try await IntakeHarness.run { intake in
            let document = try await Self.document(of: intake)
            let required = { (name: String) throws -> [String] in try Self.schema(name, in: document)["required"] as? [String] ?? [] }
            let code = try await intake.submitSample()
            var cases: [(path: String, body: [String: Any], field: String)] = []
            for field in try required("SubmissionForm") {
                var form = SampleForms.web()
                form[field] = nil
                cases.append(("api/v1/requests", form, field))
            }
            for (group, schema) in [("applicant", "ApplicantForm"), ("site", "SiteForm")] {
                for field in try required(schema) {
                    var form = SampleForms.web()
                    var nested = form[group] as! [String: Any]
                    nested[field] = nil
                    form[group] = nested
                    cases.append(("api/v1/requests", form, "\(group).\(field)"))
                }
            }
            for field in try required("PersonForm") {
                var form = SampleForms.web()
                var person = (form["extraHouseholds"] as! [[String: Any]])[0]
                person[field] = nil
                form["extraHouseholds"] = [person]
                cases.append(("api/v1/requests", form, "extraHouseholds[0].\(field)"))
            }
            for field in try required("AccessForm") {
                cases.append(("api/v1/requests/\(code)/tracking", [:], field))
                cases.append(("api/v1/requests/\(code)/signing-code", [:], field))
            }
            for field in try required("SignatureForm") {
                var form: [String: Any] = ["phone": "0912345678", "signingCode": "123456"]
                form[field] = nil
                cases.append(("api/v1/requests/\(code)/signature", form, field))
            }
            for field in try required("ServiceRequestForm.meter_split") {
                var form = Self.meterSplit
                form[field] = nil
                cases.append(("api/v1/service-requests", form, field))
            }
            #expect(cases.count > 20)

            for (path, body, field) in cases {
                let answer = try await intake.post(path, body)
                #expect(answer.status == 422, "\(path) without \(field)")
                #expect(try answer.errorFields().contains { $0 == field || $0.hasPrefix("\(field).") }, "\(path) without \(field)")
            }
        }
    }

    @Test func aRequiredQueryParameterIsDeclaredRequiredAndRefusedWhenLeftOut() async throws {
        try await IntakeHarness.run { intake in
            let document = try await Self.document(of: intake)
            let paths = try #require(document["paths"] as? [String: [String: [String: Any]]])
            var required: [String: [String]] = [:]
            for (path, operations) in paths {
                let parameters = operations["get"]?["parameters"] as? [[String: Any]] ?? []
                required[path] = parameters.filter { $0["in"] as? String == "query" && $0["required"] as? Bool == true }
                    .compactMap { $0["name"] as? String }
            }
            #expect(required["/api/v1/reading-schedule"] == ["customerCode"])
            #expect(required["/api/v1/tariff/estimate"] == ["kWh"])
            for (path, names) in required {
                for name in names {
                    let answer = try await intake.get(String(path.dropFirst()))
                    #expect(answer.status == 422, "\(path) without \(name)")
                    #expect(try answer.errorFields().contains(name), "\(path) without \(name)")
                }
            }
        }
    }

    @Test func eachServiceRequestKindHasItsOwnSchemaWithItsOwnFieldsAndNoOther() async throws {
        try await IntakeHarness.run { intake in
            let document = try await Self.document(of: intake)
            let form = try Self.schema("ServiceRequestForm", in: document)
            let discriminator = try #require(form["discriminator"] as? [String: Any])
            #expect(discriminator["propertyName"] as? String == "kind")
            let mapping = try #require(discriminator["mapping"] as? [String: String])
            #expect(Set(mapping.keys) == Set(RequestKind.allCases.filter { !$0.isConnection }.map(\.rawValue)))
            #expect((form["oneOf"] as? [[String: String]])?.count == mapping.count)

            let meterSplit = try Self.schema("ServiceRequestForm.meter_split", in: document)
            let inspection = try Self.schema("ServiceRequestForm.meter_inspection", in: document)
            let splitRequired = Set(meterSplit["required"] as? [String] ?? [])
            #expect(splitRequired.isSuperset(of: ["kind", "customerCode", "subHouseholdId", "site"]))
            #expect(!Set(inspection["required"] as? [String] ?? []).contains("site"))
            let inspectionSite = (inspection["properties"] as? [String: Any])?["site"] as? [String: String]
            #expect(inspectionSite == ["type": "null"])

            var inspectionWithSite = Self.meterSplit
            inspectionWithSite["kind"] = "meter_inspection"
            let refused = try await intake.post("api/v1/service-requests", inspectionWithSite)
            #expect(refused.status == 422)
            #expect(try refused.errorFields().contains("site"))
            let filed = try await intake.post("api/v1/service-requests", Self.meterSplit)
            #expect(filed.status == 201)
        }
    }

    @Test func everyAnonymousOperationDeclaresTheRateLimitAndEveryRefusalTheErrorShape() async throws {
        try await IntakeHarness.run { intake in
            let document = try await Self.document(of: intake)
            let paths = try #require(document["paths"] as? [String: [String: [String: Any]]])
            for (path, operations) in paths {
                for (method, operation) in operations {
                    let responses = try #require(operation["responses"] as? [String: [String: Any]], "\(method) \(path)")
                    let limited = (responses["429"]?["headers"] as? [String: Any])?["Retry-After"]
                    #expect(limited != nil, "\(method) \(path)")
                    for (status, response) in responses where status.hasPrefix("4") || status.hasPrefix("5") {
                        let content = (response["content"] as? [String: Any])?["application/json"] as? [String: Any]
                        #expect((content?["schema"] as? [String: String])?["$ref"] == "#/components/schemas/Errors",
                                "\(method) \(path) \(status)")
                    }
                }
            }
        }
    }

    /// A meter split of the sample requester's supply point, in a commune of its own branch.
    static var meterSplit: [String: Any] {
        [
            "kind": "meter_split", "channel": "web", "customerCode": "PC05TK0012345",
            "requester": ["fullName": "Nguyễn Văn An", "idNumber": "049088012345", "phone": "0912 345 678"],
            "subHouseholdId": "SH-1042",
            "site": ["province": "Quảng Nam", "communeCode": "20356", "street": "5 Trần Cao Vân"],
            "consent": true,
        ]
    }

    @Test func realAnswersCarryEveryPropertyTheirSchemasRequire() async throws {
        try await IntakeHarness.run { intake in
            let document = try await Self.document(of: intake)
            let submitted = try await intake.submit(SampleForms.web())
            let code = try #require(try submitted.json()["requestCode"] as? String)
            let tracked = try await intake.track(code, phone: SigningTests.phone)
            try await intake.announceContractDrafted(for: code)
            _ = try await intake.signingCode(number: 1)
            let reissued = try await intake.requestSigningCode(code, phone: SigningTests.phone)
            let sent = try await intake.signingCode(number: 2)
            let signed = try await intake.sign(code, phone: SigningTests.phone, signingCode: sent.signingCode)
            let refused = try await intake.sign(code, phone: SigningTests.phone, signingCode: sent.signingCode)

            let answers: [(path: String, status: Int, answer: HTTPAnswer)] = [
                ("/api/v1/requests", 201, submitted),
                ("/api/v1/requests/{code}/tracking", 200, tracked),
                ("/api/v1/requests/{code}/signing-code", 202, reissued),
                ("/api/v1/requests/{code}/signature", 200, signed),
                ("/api/v1/requests/{code}/signature", 409, refused),
            ]
            for (path, status, answer) in answers {
                #expect(answer.status == status, "\(path)")
                let schema = try Self.responseSchema(path, status: status, in: document)
                let problems = Self.problems(of: try JSONSerialization.jsonObject(with: answer.body), against: schema,
                                             in: document, at: "$")
                #expect(problems.isEmpty, "\(path) \(status): \(problems)")
            }
        }
    }

    // MARK: Reading the document

    static func document(of intake: IntakeHarness) async throws -> [String: Any] {
        let answer = try await intake.get("api/v1/openapi.json")
        #expect(answer.status == 200)
        let document = try #require(try JSONSerialization.jsonObject(with: answer.body) as? [String: Any])
        #expect(document["openapi"] as? String == "3.1.0")
        return document
    }

    static func schema(_ name: String, in document: [String: Any]) throws -> [String: Any] {
        let schemas = (document["components"] as? [String: Any])?["schemas"] as? [String: Any]
        return try #require(schemas?[name] as? [String: Any], "no schema \(name)")
    }

    static func responseSchema(_ path: String, status: Int, in document: [String: Any]) throws -> [String: Any] {
        let operation = ((document["paths"] as? [String: Any])?[path] as? [String: Any])?["post"] as? [String: Any]
        let response = (operation?["responses"] as? [String: Any])?["\(status)"] as? [String: Any]
        let content = (response?["content"] as? [String: Any])?["application/json"] as? [String: Any]
        return try #require(content?["schema"] as? [String: Any], "no \(status) schema for \(path)")
    }

    /// What in `value` the schema's `type`, `required`, `properties` and `items` do not allow.
    static func problems(of value: Any, against schema: [String: Any], in document: [String: Any], at path: String) -> [String] {
        if let reference = schema["$ref"] as? String {
            let name = String(reference.split(separator: "/").last ?? "")
            guard let target = try? Self.schema(name, in: document) else { return ["\(path): unresolved \(reference)"] }
            return problems(of: value, against: target, in: document, at: path)
        }
        switch schema["type"] as? String {
        case "object":
            guard let object = value as? [String: Any] else { return ["\(path): not an object"] }
            let missing = (schema["required"] as? [String] ?? []).filter { object[$0] == nil }.map { "\(path).\($0): missing" }
            let properties = schema["properties"] as? [String: [String: Any]] ?? [:]
            return missing + object.flatMap { key, member in
                properties[key].map { problems(of: member, against: $0, in: document, at: "\(path).\(key)") } ?? []
            }
        case "array":
            guard let items = value as? [Any] else { return ["\(path): not an array"] }
            let itemSchema = schema["items"] as? [String: Any] ?? [:]
            return items.enumerated().flatMap { problems(of: $1, against: itemSchema, in: document, at: "\(path)[\($0)]") }
        case "string":
            return value is String ? [] : ["\(path): not a string"]
        case "integer":
            return value is Int ? [] : ["\(path): not an integer"]
        default:
            return []
        }
    }
}
