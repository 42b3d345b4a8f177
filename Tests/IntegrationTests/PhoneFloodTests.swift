import FlowDriver
import Foundation
import TestSupport
import Testing

/// Nobody can use the platform to flood a stranger's phone: anonymous filings naming a phone
/// nobody confirmed make it text that phone at most three times a day, whether they come from
/// one address or from many behind the company's proxy, across the services running as real
/// processes with the real SMS gateway client.
@Suite(.serialized) struct PhoneFloodTests {
    /// The platform behind a proxy on this machine, so `X-Forwarded-For` names each client; the
    /// in-memory rate limits are lifted, so what holds the line is the stored budget alone.
    static let settings = [
        "TRUSTED_PROXIES": "127.0.0.1/32",
        "FILING_LIMIT_PER_CLIENT": "100000/1m",
        "FILING_LIMIT_PER_PHONE": "100000/1m",
    ]

    static let services = Platform.flowServices + ["outage"]

    @Test func aHundredFilingsNamingOneVictimFromOneClientAndFromTwentyReachTheGatewayAtMostThreeTimes() async throws {
        try await Platform.run("phone-flood", services: Self.services, settings: Self.settings) { platform in
            for clients in [1, 20] {
                let victim = SampleCustomer.make(households: 1)
                var statuses: [Int] = []
                var acceptedTexting = 0
                for attempt in 0..<100 {
                    let client = "198.51.\(clients).\(attempt % clients + 1)"
                    let (status, texts) = try await Self.file(attempt, naming: victim, from: client, on: platform)
                    statuses.append(status)
                    if texts, status < 300 { acceptedTexting += 1 }
                }

                #expect(statuses.filter { $0 < 300 }.count == 3, "from \(clients) client(s): \(statuses)")
                #expect(statuses.filter { $0 == 429 }.count == 97, "from \(clients) client(s): \(statuses)")
                try await eventually("the accepted filings' texts reached the gateway") {
                    await Self.texts(to: victim, on: platform).count >= acceptedTexting
                }
                #expect(await Self.texts(to: victim, on: platform).count <= 3)
            }
            for service in Self.services {
                #expect(try await platform.http.call(.GET, "\(platform.url(service))/readyz").status == 200)
            }
        }
    }

    /// Files attempt `n` naming `victim`'s phone from `client`: connection requests, and every
    /// third an outage report (texted only when power is back). Returns the status and whether
    /// an accepted filing texts at once.
    static func file(_ n: Int, naming victim: SampleCustomer, from client: String,
                     on platform: Platform) async throws -> (status: Int, textsNow: Bool) {
        let intake = "\(platform.url("intake"))/api/v1"
        let headers = ["X-Forwarded-For": client]
        if n % 3 == 2 {
            let report: [String: Any] = ["channel": "web", "communeCode": "20350", "phone": victim.phone, "consent": true]
            let answer = try await platform.http.call(.POST, "\(intake)/outage-reports", json: report, headers: headers)
            return (answer.status, false)
        }
        var form = victim.requestForm()
        var applicant = form["applicant"] as! [String: Any]
        applicant["idNumber"] = SampleCustomer.freshCitizenID()
        form["applicant"] = applicant
        let answer = try await platform.http.call(.POST, "\(intake)/requests", json: form, headers: headers)
        if answer.status == 429 {
            #expect(answer.header("Retry-After").flatMap(Int.init).map { $0 > 0 } == true)
        }
        return (answer.status, true)
    }

    static func texts(to customer: SampleCustomer, on platform: Platform) async -> [RecordedSMS] {
        await platform.sms.messages(to: customer.phoneE164)
    }
}
