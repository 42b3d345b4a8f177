import Foundation
import Contracts
import GRDB
import TestSupport
import Testing

/// `POST /api/v1/requests` as a customer (or a call-centre operator) uses it, and what
/// crm then receives on the wire.
@Suite struct SubmissionTests {
    @Test func aValidWebRequestIsAnsweredWithACodeAndAnnouncedWithNormalisedData() async throws {
        try await IntakeHarness.run { intake in
            let answer = try await intake.submit(SampleForms.web())

            #expect(answer.status == 201)
            let receipt = try answer.json()
            let code = try #require(receipt["requestCode"] as? String)
            #expect(code.wholeMatch(of: /PC05TK-\d{6}-000001/) != nil)
            #expect(receipt["trackingUrl"] as? String == "/track/\(code)")
            #expect(answer.location == "/track/\(code)")
            let tracking = try await intake.get(String(try #require(answer.location).dropFirst()))
            #expect(tracking.status == 200, "the tracking link leads to the request's tracking page")
            #expect(tracking.text.contains(#"name="code" value="\#(code)""#))
            #expect((receipt["branch"] as? [String: Any])?["name"] as? String == "Tam Kỳ")
            #expect(receipt["submittedAt"] is String)

            try await eventually("the event is on the wire") { try await intake.observed().count == 1 }
            let message = try #require(try await intake.observed().first)
            let properties = try #require(message["properties"] as? [String: Any])
            #expect(properties["type"] as? String == "intake.request.submitted.v1")
            #expect(properties["correlation_id"] as? String == code)
            // The wire key names the provincial power company, for crm's shards (CompanyRouting).
            #expect(message["routing_key"] as? String == "intake.request.submitted.PC05")
            let event = try payload(of: message)
            let applicant = try #require(event["applicant"] as? [String: Any])
            #expect(applicant["phone"] as? String == "+84912345678")
            #expect(applicant["idNumber"] as? String == "049088012345")
            let name = try #require(applicant["fullName"] as? String)
            #expect(Array(name.unicodeScalars) == Array("Nguy\u{1EC5}n Văn An".unicodeScalars))
            let site = try #require(event["site"] as? [String: Any])
            #expect(site["branchCode"] as? String == "PC05TK")
            #expect(site["areaClass"] as? String == "urban")
            #expect(event["householdCount"] as? Int == 2)
            #expect((event["extraHouseholds"] as? [[String: Any]])?.first?["idNumber"] as? String == "049195004321")
            #expect(event["operatorId"] == nil)
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            let contract = try decoder.decode(RequestSubmitted.self, from: Data(try #require(message["payload"] as? String).utf8))
            #expect(contract.requestCode == code)
            #expect(contract.consentGivenAt == contract.submittedAt)

            let stored = try await intake.host.context.store.database.read { db in
                try String.fetchOne(db, sql: "SELECT applicant_id_masked || ' ' || applicant_phone_masked FROM intake_requests")
            }
            #expect(stored == "049*******45 +8491****678")
        }
    }

    @Test func aRetryWithTheSameIdempotencyKeyGetsTheSameCodeAndFilesNothingTwice() async throws {
        try await IntakeHarness.run { intake in
            let body = try JSONSerialization.data(withJSONObject: SampleForms.web())

            let first = try await intake.submit(body, idempotencyKey: "portal-7f3a")
            let retry = try await intake.submit(body, idempotencyKey: "portal-7f3a")

            #expect(first.status == 201)
            #expect(retry.status == 201)
            #expect(retry.body == first.body)
            #expect(try await intake.count("intake_requests") == 1)
            try await intake.awaitOutboxDrained()
            #expect(try await intake.observed().count == 1)

            let other = try await intake.submit(SampleForms.web(applicant: "email", "other@example.vn"),
                                                idempotencyKey: "portal-7f3a")
            #expect(other.status == 409)
            #expect(try other.errorFields() == ["Idempotency-Key"])
            #expect(try await intake.count("intake_requests") == 1)
        }
    }

    @Test func concurrentRequestsOfOneBranchGetConsecutiveCodes() async throws {
        try await IntakeHarness.run { intake in
            let codes = try await withThrowingTaskGroup(of: String.self) { group in
                for number in 0..<5 {
                    group.addTask {
                        try await intake.submit(SampleForms.web(phoneNumber: number)).json()["requestCode"] as? String ?? ""
                    }
                }
                return try await group.reduce(into: Set<String>()) { $0.insert($1) }
            }
            #expect(codes.map { $0.suffix(6) }.sorted() == ["000001", "000002", "000003", "000004", "000005"])
            try await eventually("five events are on the wire") { try await intake.observed().count == 5 }
        }
    }

    @Test func everyProblemIsListedAtOnceAndNothingIsStoredOrPublished() async throws {
        try await IntakeHarness.run { intake in
            var form = SampleForms.web(applicant: "idNumber", "099088012345")
            form["consent"] = nil
            form["site"] = ["province": "Quảng Nam", "communeCode": "99999", "street": "12 Phan Chu Trinh"]

            let answer = try await intake.submit(form)

            #expect(answer.status == 422)
            #expect(try answer.errorFields() == ["applicant.idNumber", "site.communeCode", "consent"])
            let errors = try #require(try answer.json()["errors"] as? [[String: Any]])
            #expect(errors.map { $0["code"] as? String } == ["id_number.invalid_province", "commune.not_served", "consent.required"])
            for error in errors {
                let message = try #require(error["message"] as? [String: String])
                #expect(message["vi"]?.isEmpty == false)
                #expect(message["en"]?.isEmpty == false)
            }
            #expect(try await intake.count("intake_requests") == 0)
            #expect(try await intake.count("intake_daily_sequences") == 0)
            #expect(try await intake.count("messaging_outbox") == 0)
            #expect(try await intake.observed().isEmpty)
        }
    }

    @Test func aBodyThatIsNotJSONIsRefusedWithABilingualMessage() async throws {
        try await IntakeHarness.run { intake in
            let answer = try await intake.submit(Data(#"{"kind": "new_lv_connection", "applicant": "#.utf8))

            #expect(answer.status == 400)
            let error = try #require((try answer.json()["errors"] as? [[String: Any]])?.first)
            #expect(error["code"] as? String == "body.malformed_json")
            let message = try #require(error["message"] as? [String: String])
            #expect(message["vi"] == "Nội dung yêu cầu không phải JSON hợp lệ")
            #expect(message["en"] == "The request body is not valid JSON")
            #expect(try await intake.count("intake_requests") == 0)
        }
    }

    @Test func aBodyOver64KiBIsRefusedAs413() async throws {
        try await IntakeHarness.run { intake in
            var form = SampleForms.web()
            form["site"] = ["province": "Quảng Nam", "communeCode": "20350", "street": String(repeating: "x", count: 70_000)]

            let answer = try await intake.submit(form)

            #expect(answer.status == 413)
            #expect((try answer.json()["errors"] as? [[String: Any]])?.first?["code"] as? String == "body.too_large")
            #expect(try await intake.count("intake_requests") == 0)
        }
    }

    @Test func aPhoneRequestMustNameTheOperator() async throws {
        try await IntakeHarness.run { intake in
            var form = SampleForms.web()
            form["channel"] = "phone"

            let refused = try await intake.submit(form)
            #expect(refused.status == 422)
            #expect(try refused.errorFields() == ["operatorId"])

            form["operatorId"] = "cc-0042"
            let accepted = try await intake.submit(form)
            #expect(accepted.status == 201)
            try await eventually("the event is on the wire") { try await intake.observed().count == 1 }
            let event = try payload(of: try #require(try await intake.observed().first))
            #expect(event["channel"] as? String == "phone")
            #expect(event["operatorId"] as? String == "cc-0042")
        }
    }

    @Test func aLegacyNineDigitIDIsAcceptedAndFlagged() async throws {
        try await IntakeHarness.run { intake in
            let answer = try await intake.submit(SampleForms.web(applicant: "idNumber", "201234567"))

            #expect(answer.status == 201)
            let notices = try #require(try answer.json()["notices"] as? [[String: Any]])
            #expect(notices.map { $0["field"] as? String } == ["applicant.idNumber"])
            #expect(notices.map { $0["code"] as? String } == ["id_number.legacy"])
            try await eventually("the event is on the wire") { try await intake.observed().count == 1 }
            let event = try payload(of: try #require(try await intake.observed().first))
            #expect((event["applicant"] as? [String: Any])?["idNumber"] as? String == "201234567")
            let legacy = try await intake.host.context.store.database.read { db in
                try Bool.fetchOne(db, sql: "SELECT applicant_id_legacy FROM intake_requests")
            }
            #expect(legacy == true)
        }
    }

    @Test func extraHouseholdsMustMatchTheDeclaredCount() async throws {
        try await IntakeHarness.run { intake in
            var form = SampleForms.web()
            form["householdCount"] = 3

            let answer = try await intake.submit(form)

            #expect(answer.status == 422)
            #expect(try answer.errorFields() == ["extraHouseholds"])
        }
    }

    @Test func theStoreKeepsThePhoneSealedAndFingerprintedNeverInPlain() async throws {
        try await IntakeHarness.run { intake in
            _ = try await intake.submitSample()
            try await intake.announceContractDrafted(for: try #require(
                try await intake.host.context.store.database.read { db in
                    try String.fetchOne(db, sql: "SELECT request_code FROM intake_requests")
                }))
            _ = try await intake.signingCode(number: 1)

            let context = intake.host.context
            let (texts, sealed, fingerprint) = try await context.store.database.read { db in
                var texts: [String] = []
                for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'intake_%'") {
                    for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table)") {
                        for value in row.databaseValues {
                            switch value.storage {
                            case .string(let text): texts.append(text)
                            case .blob(let data): texts.append(String(decoding: data, as: UTF8.self))
                            default: break
                            }
                        }
                    }
                }
                let row = try #require(try Row.fetchOne(db, sql: """
                    SELECT applicant_phone_sealed, applicant_phone_fingerprint FROM intake_requests
                    """))
                return (texts, row["applicant_phone_sealed"] as Data, row["applicant_phone_fingerprint"] as String)
            }
            #expect(!texts.contains { $0.contains("912345678") || $0.contains("912 345 678") })
            #expect(try context.personalData.open(sealed) == "+84912345678")
            #expect(fingerprint == context.personalData.fingerprint("+84912345678"))
        }
    }

    @Test func idempotencyKeysAreForgottenAfter24Hours() async throws {
        try await IntakeHarness.run { intake in
            let first = try await intake.submit(SampleForms.web(), idempotencyKey: "portal-7f3a")
            try await intake.host.context.store.database.write { db in
                try db.execute(sql: "UPDATE intake_idempotency_keys SET created_at = created_at - ?",
                               arguments: [25 * 3600])
            }

            let later = try await intake.submit(SampleForms.web(applicant: "email", "other@example.vn"),
                                                idempotencyKey: "portal-7f3a")

            #expect(later.status == 201)
            #expect(try later.json()["requestCode"] as? String != (try first.json()["requestCode"] as? String))
            #expect(try await intake.count("intake_idempotency_keys") == 1)
            #expect(try await intake.count("intake_requests") == 2)
        }
    }

    private func payload(of message: [String: Any]) throws -> [String: Any] {
        let text = try #require(message["payload"] as? String)
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }
}
