import Foundation
import TestSupport
import Testing

/// The anonymous endpoints' abuse limits, with intake behind a proxy on this machine so that
/// `X-Forwarded-For` names each client: 429 with `Retry-After` and a bilingual body per client
/// and per phone, at most three texts a day to a phone nobody confirmed, and lock-outs that
/// count each client's wrong guesses on their own.
@Suite struct AbuseLimitTests {
    static let behindProxy = ["TRUSTED_PROXIES": "127.0.0.1/32"]
    static let phone = "0912 345 678"

    // MARK: Lock-outs

    @Test func fiftyParallelWrongGuessesAreEvaluatedAtMostTenTimesAndTheApplicantStillGetsIn() async throws {
        try await IntakeHarness.run(environment: Self.behindProxy.merging(["ACCESS_LIMIT_PER_CLIENT": "1000/15m"]) { $1 }) { intake in
            let code = try await intake.submitSample()

            let statuses = try await withThrowingTaskGroup(of: HTTPAnswer.self) { group in
                for guess in 0..<50 {
                    group.addTask {
                        try await intake.track(code, phone: String(format: "0987 654 %03d", guess), from: "203.0.113.66")
                    }
                }
                return try await group.reduce(into: [HTTPAnswer]()) { $0.append($1) }
            }

            #expect(statuses.filter { $0.status == 404 }.count == 10)
            let refused = statuses.filter { $0.status == 429 }
            #expect(refused.count == 40)
            #expect(refused.allSatisfy { (try? $0.errorCodes()) == ["request.too_many_failures"] && $0.header("Retry-After") == "900" })
            #expect(try await intake.count("intake_access_failures") == 10)
            #expect(try await intake.track(code, phone: Self.phone, from: "203.0.113.66").status == 429)
            #expect(try await intake.track(code, phone: Self.phone, from: "198.51.100.20").status == 200)
        }
    }

    @Test func aSpoofedForwardedForFromAnUntrustedPeerDoesNotEscapeTheLockOut() async throws {
        try await IntakeHarness.run { intake in
            let code = try await intake.submitSample()
            for guess in 0..<10 {
                #expect(try await intake.track(code, phone: "0987 654 32\(guess)", from: "203.0.113.\(guess)").status == 404)
            }

            #expect(try await intake.track(code, phone: Self.phone, from: "198.51.100.20").status == 429)
        }
    }

    // MARK: The phone's budget

    @Test func anonymousFilingsTextAnUnconfirmedPhoneAtMostThreeTimesEvenAcrossARestart() async throws {
        try await IntakeHarness.run(environment: Self.behindProxy) { intake in
            for client in 1...2 {
                #expect(try await intake.submit(SampleForms.web(), from: "198.51.100.\(client)").status == 201)
            }
            #expect(try await intake.reportOutage(phone: Self.phone, from: "198.51.100.3").status == 202)

            let fourth = try await intake.submit(SampleForms.web(), from: "198.51.100.4")
            #expect(fourth.status == 429)
            #expect(try fourth.errorCodes() == ["phone.unconfirmed_message_limit"])
            #expect(try fourth.errorFields() == ["phone"])
            let wait = try #require(fourth.header("Retry-After").flatMap(Int.init))
            #expect((86_000...86_400).contains(wait))
            let errors = try #require(try fourth.json()["errors"] as? [[String: Any]])
            #expect((errors.first?["message"] as? [String: String])?["vi"]?.contains("chưa được xác nhận") == true)

            await intake.service.stop()
            try await intake.start()
            #expect(try await intake.reportOutage(phone: "+84912345678", from: "198.51.100.5").status == 429)
            #expect(try await intake.submit(SampleForms.web(), from: "198.51.100.6").status == 429)
            #expect(try await intake.count("intake_requests") == 2)
            #expect(try await intake.count("intake_outage_reports") == 1)
            try await eventually("both requests are on the wire") { try await intake.observed().count == 2 }
            #expect(try await intake.submit(SampleForms.web(phoneNumber: 1), from: "198.51.100.7").status == 201)
        }
    }

    @Test func signingWithTheTextedCodeConfirmsThePhoneAndLiftsItsBudget() async throws {
        try await IntakeHarness.run(environment: Self.behindProxy) { intake in
            let code = try await intake.submitSample()
            for client in 1...2 {
                #expect(try await intake.submit(SampleForms.web(), from: "198.51.100.\(client)").status == 201)
            }
            #expect(try await intake.submit(SampleForms.web(), from: "198.51.100.3").status == 429)
            try await intake.announceContractDrafted(for: code)
            let sent = try await intake.signingCode(number: 1)

            #expect(try await intake.sign(code, phone: Self.phone, signingCode: sent.signingCode).status == 200)

            #expect(try await intake.submit(SampleForms.web(), from: "198.51.100.4").status == 201)
        }
    }

    // MARK: Per client and per phone

    @Test func aClientOverItsFilingAllowanceGets429AndAnotherClientStillFiles() async throws {
        try await IntakeHarness.run(environment: Self.behindProxy.merging(["FILING_LIMIT_PER_CLIENT": "2/1h"]) { $1 }) { intake in
            for number in 0..<2 {
                #expect(try await intake.submit(SampleForms.web(phoneNumber: number), from: "203.0.113.7").status == 201)
            }

            let refused = try await intake.submit(SampleForms.web(phoneNumber: 2), from: "203.0.113.7")
            #expect(refused.status == 429)
            #expect(try refused.errorCodes() == ["rate_limit.client"])
            #expect(refused.header("Retry-After").flatMap(Int.init).map { (1790...1800).contains($0) } == true)
            #expect(try refused.englishMessage()?.contains("please try again in 30 minutes") == true)
            #expect(try await intake.count("intake_requests") == 2)
            #expect(try await intake.submit(SampleForms.web(phoneNumber: 2), from: "198.51.100.8").status == 201)
        }
    }

    @Test func filingsNamingOnePhoneAreLimitedWhateverTheirClient() async throws {
        try await IntakeHarness.run(environment: Self.behindProxy.merging(["FILING_LIMIT_PER_PHONE": "1/1h"]) { $1 }) { intake in
            #expect(try await intake.submit(SampleForms.web(), from: "198.51.100.1").status == 201)

            let refused = try await intake.reportOutage(phone: Self.phone, from: "198.51.100.2")

            #expect(refused.status == 429)
            #expect(try refused.errorCodes() == ["rate_limit.phone"])
            #expect(try refused.errorFields() == ["phone"])
            #expect(refused.header("Retry-After").flatMap(Int.init).map { (3590...3600).contains($0) } == true)
        }
    }

    @Test func lookUpsOverTheAllowanceAre429AndThePortalShowsAPage() async throws {
        try await IntakeHarness.run(environment: ["LOOKUP_LIMIT_PER_CLIENT": "1/1m"]) { intake in
            #expect(try await intake.get("api/v1/tariff/estimate?kWh=120").status == 200)

            let api = try await intake.get("api/v1/tariff/estimate?kWh=120")
            let page = try await intake.get("uoc-tinh-tien-dien?kWh=120&lang=vi")

            #expect(api.status == 429)
            #expect(try api.errorCodes() == ["rate_limit.client"])
            #expect(page.status == 429)
            #expect(page.header("Content-Type")?.hasPrefix("text/html") == true)
            #expect(page.header("Retry-After").flatMap(Int.init).map { (1...60).contains($0) } == true)
            #expect(String(decoding: page.body, as: UTF8.self).contains("Có quá nhiều yêu cầu từ địa chỉ mạng của bạn"))
        }
    }

    // MARK: TLS behind the proxy

    @Test func pagesReachedOverTLSCarryHSTSAndSecureCookiesOnlyThroughTheTrustedProxy() async throws {
        try await IntakeHarness.run(environment: Self.behindProxy) { intake in
            let overTLS = try await intake.call("GET", "/?lang=en", headers: ["X-Forwarded-Proto": "https"])
            let plain = try await intake.call("GET", "/?lang=en")

            #expect(overTLS.header("Strict-Transport-Security") == "max-age=31536000")
            #expect(overTLS.header("Set-Cookie")?.contains("lang=en") == true)
            #expect(overTLS.header("Set-Cookie")?.contains("Secure") == true)
            #expect(plain.header("Strict-Transport-Security") == nil)
            #expect(plain.header("Set-Cookie")?.contains("Secure") == false)
        }
        try await IntakeHarness.run { intake in
            let spoofed = try await intake.call("GET", "/?lang=en", headers: ["X-Forwarded-Proto": "https"])

            #expect(spoofed.header("Strict-Transport-Security") == nil)
            #expect(spoofed.header("Set-Cookie")?.contains("Secure") == false)
        }
    }
}
