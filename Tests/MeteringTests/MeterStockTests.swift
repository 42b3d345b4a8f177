import Foundation
import Testing

/// `POST /api/v1/meters` and `GET /api/v1/meters` as a branch's stock keeper uses them.
@Suite struct MeterStockTests {
    @Test func receivedMetersAreListedWithTheirStatusAndValidity() async throws {
        try await MeteringHarness.run { metering in
            let keeper = try await metering.token(.meterStock, unit: Samples.branch)
            #expect(try await metering.post("api/v1/meters", Samples.meter("tk-1p-0001"), token: keeper).status == 201)
            #expect(try await metering.post("api/v1/meters", Samples.meter("TK-3P-0002", phase: 3, validFor: -1),
                                            token: keeper).status == 201)

            let meters = try #require(try await metering.get("api/v1/meters", token: keeper).json()["meters"] as? [[String: Any]])
            #expect(meters.map { $0["serial"] as? String } == ["TK-1P-0001", "TK-3P-0002"])
            #expect(meters.map { $0["status"] as? String } == ["in_stock", "in_stock"])
            #expect(meters.map { $0["verificationValid"] as? Bool } == [true, false])
            #expect(meters.map { $0["phase"] as? Int } == [1, 3])

            let otherKeeper = try await metering.token(.meterStock, unit: Samples.otherBranch)
            let otherStock = try await metering.get("api/v1/meters", token: otherKeeper).json()["meters"] as? [[String: Any]]
            #expect(otherStock?.isEmpty == true)
        }
    }

    @Test func corporationStaffReceiveIntoTheBranchTheyName() async throws {
        try await MeteringHarness.run { metering in
            let corporation = try await metering.token(.meterStock, unit: "CORP")
            var body = Samples.meter("HA-1P-0001")
            #expect(try await metering.post("api/v1/meters", body, token: corporation).errorFields() == ["branchCode"])
            body["branchCode"] = Samples.otherBranch
            let answer = try await metering.post("api/v1/meters", body, token: corporation)
            #expect(answer.status == 201)
            #expect(try answer.json()["branchCode"] as? String == Samples.otherBranch)
        }
    }

    @Test func invalidStockInputIsRefusedFieldByFieldInBothLanguages() async throws {
        try await MeteringHarness.run { metering in
            let keeper = try await metering.token(.meterStock, unit: Samples.branch)
            let answer = try await metering.post("api/v1/meters", [
                "serial": "x", "phase": 2, "verifiedOn": "2025-02-30", "verificationValidUntil": "2025-01-01",
            ], token: keeper)
            #expect(answer.status == 422)
            #expect(try answer.errorFields() == ["serial", "phase", "verifiedOn"])
            let first = try #require((try answer.json()["errors"] as? [[String: Any]])?.first)
            let message = try #require(first["message"] as? [String: String])
            #expect(message["vi"]?.isEmpty == false)
            #expect(message["en"]?.isEmpty == false)

            var reversed = Samples.meter("TK-1P-0009")
            reversed["verificationValidUntil"] = Samples.day(-60)
            let validity = try await metering.post("api/v1/meters", reversed, token: keeper)
            #expect(validity.status == 422)
            #expect(try validity.errorFields() == ["verificationValidUntil"])

            var future = Samples.meter("TK-1P-0010")
            future["verifiedOn"] = Samples.day(3)
            #expect(try await metering.post("api/v1/meters", future, token: keeper).errorFields() == ["verifiedOn"])

            #expect(try await metering.post("api/v1/meters", raw: Data("{".utf8), token: keeper).status == 400)
            var wrongType = Samples.meter("TK-1P-0011")
            wrongType["phase"] = "one"
            #expect(try await metering.post("api/v1/meters", wrongType, token: keeper).status == 400)
            #expect(try await metering.count("metering_meters") == 0)
        }
    }

    @Test func aSerialIsReceivedOnceAndOnlyIntoTheKeepersOwnBranch() async throws {
        try await MeteringHarness.run { metering in
            let keeper = try await metering.token(.meterStock, unit: Samples.branch)
            #expect(try await metering.post("api/v1/meters", Samples.meter("TK-1P-0001"), token: keeper).status == 201)
            #expect(try await metering.post("api/v1/meters", Samples.meter("tk-1p-0001"), token: keeper).status == 409)

            var elsewhere = Samples.meter("TK-1P-0002")
            elsewhere["branchCode"] = Samples.otherBranch
            #expect(try await metering.post("api/v1/meters", elsewhere, token: keeper).status == 403)

            let technician = try await metering.token(.fieldTechnician, unit: Samples.branch)
            #expect(try await metering.post("api/v1/meters", Samples.meter("TK-1P-0003"), token: technician).status == 403)
            #expect(try await metering.post("api/v1/meters", Samples.meter("TK-1P-0004"), token: nil).status == 401)
            #expect(try await metering.count("metering_meters") == 1)
        }
    }
}
