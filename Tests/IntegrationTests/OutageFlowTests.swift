import FlowDriver
import Foundation
import StaffAuth
import TestSupport
import Testing
import WorkingCalendar

/// Outages across intake, outage and notification running as real processes, driven only
/// through their public HTTP APIs: customers' reports become one incident, every reporter
/// hears once when power is back; a planned outage reaches every supply point of its area and
/// shows in the portal's schedule.
@Suite(.serialized) struct OutageFlowTests {
    static let services = ["intake", "outage", "notification"]

    /// A mobile number no other test run uses, local form (`090…`), and its gateway form (`8490…`).
    static func freshPhone() -> (local: String, gateway: String) {
        let digits = String(format: "%07d", Int.random(in: 0...9_999_999))
        return ("090\(digits)", "8490\(digits)")
    }

    @Test func reportsBecomeOneIncidentAndEveryReporterHearsOnceWhenPowerIsBack() async throws {
        try await Platform.run("outage-report", services: Self.services) { platform in
            let reports = "\(platform.url("intake"))/api/v1/outage-reports"
            let web = Self.freshPhone()
            let caller = Self.freshPhone()
            let neighbour = Self.freshPhone()

            var codes: [String] = []
            for (phone, extra) in [(web, [String: Any]()), (neighbour, [:]), (web, ["note": "Vẫn chưa có điện"]),
                                   (caller, ["channel": "phone", "operatorId": "cc-0042"])] {
                var body: [String: Any] = ["channel": "web", "communeCode": "20356", "phone": phone.local, "consent": true]
                body.merge(extra) { $1 }
                let receipt = try await platform.http.call(.POST, reports, json: body).expect(202)
                codes.append(try #require(receipt["reportCode"] as? String))
                #expect((receipt["branch"] as? [String: Any])?["code"] as? String == "PC05TK")
            }
            let refused = try await platform.http.call(.POST, reports, json: [
                "channel": "phone", "communeCode": "00001", "phone": "12345", "consent": false,
            ])
            #expect(refused.status == 422)
            #expect(try refused.errorFields() == ["operatorId", "communeCode", "phone", "consent"])

            let dispatch = try await platform.staff.token(.dispatcher, unit: "PC05TK")
            var incident: [String: Any] = [:]
            try await eventually("outage filed the four reports under one incident") {
                let answer = try await platform.http.call(.GET, "\(platform.url("outage"))/api/v1/incidents", token: dispatch)
                incident = (try answer.expect(200)["incidents"] as? [[String: Any]])?.first ?? [:]
                return incident["reportCount"] as? Int == 4
            }
            #expect(incident["reporterCount"] as? Int == 3)
            #expect(incident["area"] as? String == "commune:20356")
            let incidentId = try #require(incident["incidentId"] as? String)

            _ = try await platform.http.call(.POST, "\(platform.url("outage"))/api/v1/incidents/\(incidentId)/restoration",
                                             json: ["cause": "Cây đổ vào đường dây 22 kV"], token: dispatch).expect(200)
            let reporters = Set([web.gateway, caller.gateway, neighbour.gateway])
            try await eventually("each reporter got the restoration SMS") {
                Set(await platform.sms.messages().map(\.phone)).isSuperset(of: reporters)
            }
            try await platform.awaitSettled()
            let texts = await platform.sms.messages().filter { reporters.contains($0.phone) }
            #expect(texts.count == 3, "one SMS per reporter: \(texts.map(\.phone))")
            #expect(texts.allSatisfy { $0.content.contains("Cay do vao duong day 22 kV") }, "\(texts.map(\.content))")

            // One grep of a report code tells its story in each service; no phone is in any log.
            for service in Self.services {
                let log = try platform.service(service).log()
                #expect(log.contains(codes[0]), "\(service)'s log lacks \(codes[0])")
                for phone in [web, caller, neighbour] {
                    #expect(!log.contains(phone.local.dropFirst()) && !log.contains(phone.gateway), "\(service) logged a phone")
                }
            }
        }
    }

    @Test func aPlannedOutageReachesItsAreasCustomersAndThePortalsSchedule() async throws {
        try await Platform.run("outage-planned", services: Self.services) { platform in
            let outage = "\(platform.url("outage"))/api/v1"
            let intake = "\(platform.url("intake"))/api/v1"
            let inArea = Self.freshPhone()
            let elsewhere = Self.freshPhone()
            let customer = "PC05TK\(Int.random(in: 1_000_000...9_999_999))"
            let export = "customer_code,branch,commune_code,phone\r\n"
                + "\(customer),PC05TK,20356,\(inArea.local)\r\nPC05TK0000099,PC05TK,20350,\(elsewhere.local)\r\n"
            let corporation = try await platform.staff.token(.dispatcher, unit: StaffClaims.corporationUnit)
            let loaded = try await platform.http.call(.POST, "\(outage)/supply-points", body: Data(export.utf8),
                                                      token: corporation).expect(200)
            #expect(loaded["imported"] as? Int == 2)

            let dispatch = try await platform.staff.token(.dispatcher, unit: "PC05TK")
            var form: [String: Any] = [
                "communeCodes": ["20356"], "location": "Phường An Mỹ, Tam Kỳ", "reason": "Thay máy biến áp TBA-AM1",
                "startsAt": Self.vietnamInstant(days: 2), "endsAt": Self.vietnamInstant(days: 2, hours: 5),
            ]
            let tooSoon = try await platform.http.call(.POST, "\(outage)/planned-outages", json: form, token: dispatch)
            #expect(tooSoon.status == 422)
            form["startsAt"] = Self.vietnamInstant(days: 6)
            form["endsAt"] = Self.vietnamInstant(days: 6, hours: 5)
            let created = try await platform.http.call(.POST, "\(outage)/planned-outages", json: form, token: dispatch).expect(201)
            #expect(created["notified"] as? Int == 1)
            let id = try #require((created["plannedOutage"] as? [String: Any])?["plannedOutageId"] as? String)

            try await eventually("the customer of An Mỹ got the notice") {
                await platform.sms.messages().contains { $0.phone == inArea.gateway }
            }
            let notice = try #require(await platform.sms.messages().first { $0.phone == inArea.gateway })
            #expect(notice.content.contains("tam ngung cap dien") && notice.content.contains("Phuong An My, Tam Ky"),
                    "\(notice.content)")
            #expect(await !platform.sms.messages().contains { $0.phone == elsewhere.gateway })

            for query in ["communeCode=20356", "customerCode=\(customer)"] {
                let schedule = try await platform.http.call(.GET, "\(intake)/planned-outages?\(query)").expect(200)
                let listed = try #require(schedule["plannedOutages"] as? [[String: Any]])
                #expect(listed.map { $0["plannedOutageId"] as? String } == [id], "\(query): \(listed)")
            }
            let otherCommune = try await platform.http.call(.GET, "\(intake)/planned-outages?communeCode=20350").expect(200)
            #expect((otherCommune["plannedOutages"] as? [Any])?.isEmpty == true)
            #expect(try await platform.http.call(.GET, "\(intake)/planned-outages?customerCode=PC05TK0000404").status == 404)
            let bad = try await platform.http.call(.GET, "\(intake)/planned-outages?communeCode=20356&from=10/12/2026")
            #expect(try bad.errorFields() == ["from"])
        }
    }

    /// A customer who signs today is known to outage today: their look-up through intake
    /// answers with their commune's planned outages, and a planned outage there texts them.
    @Test func aCustomerWhoSignsTodayFindsAndHearsOfTheirCommunesPlannedOutages() async throws {
        try await Platform.run("outage-contract", services: Platform.flowServices + ["outage"]) { platform in
            _ = try await platform.receiveMeter(branch: "PC05TK")
            let journey = try await Journey.file(SampleCustomer.make(communeCode: "20350", households: 1), on: platform)
            _ = try await journey.ticket(when: "screening is clear") { ticket in
                (ticket["screening"] as? [String: Any])?["outcome"] as? String == "clear"
            }
            _ = try await journey.recordContact().expect(200)
            _ = try await journey.recordSurvey("feasible", phase: 1).expect(200)
            _ = try await journey.requestInstallation().expect(200)
            _ = try await journey.completeInstallation()
            _ = try await journey.sign(with: try await journey.signingCodeFromSMS()).expect(200)
            let closed = try await journey.ticket(when: "the contract is signed") { $0["closure"] != nil }
            let customer = try #require((closed["contract"] as? [String: Any])?["customerCode"] as? String)

            let intake = "\(platform.url("intake"))/api/v1"
            try await eventually("outage knows the new customer") {
                try await platform.http.call(.GET, "\(intake)/planned-outages?customerCode=\(customer)").status == 200
            }
            let dispatch = try await platform.staff.token(.dispatcher, unit: "PC05TK")
            let form: [String: Any] = [
                "communeCodes": ["20350"], "location": "Phường Tân Thạnh, Tam Kỳ", "reason": "Thay máy biến áp TBA-TT2",
                "startsAt": Self.vietnamInstant(days: 6), "endsAt": Self.vietnamInstant(days: 6, hours: 5),
            ]
            let created = try await platform.http.call(.POST, "\(platform.url("outage"))/api/v1/planned-outages",
                                                       json: form, token: dispatch).expect(201)
            let id = try #require((created["plannedOutage"] as? [String: Any])?["plannedOutageId"] as? String)
            let schedule = try await platform.http.call(.GET, "\(intake)/planned-outages?customerCode=\(customer)")
                .expect(200)
            #expect((schedule["plannedOutages"] as? [[String: Any]])?.map { $0["plannedOutageId"] as? String } == [id])
            try await eventually("the new customer got the planned-outage text") {
                await journey.smsTexts().contains { $0.contains("Phuong Tan Thanh, Tam Ky") }
            }
        }
    }

    /// An instant `days` (and `hours`) from now, written with Vietnam's offset.
    static func vietnamInstant(days: Double, hours: Double = 0) -> String {
        let style = Date.ISO8601FormatStyle(timeZone: CalendarDay.vietnamTimeZone)
        return Date().addingTimeInterval(days * 86_400 + hours * 3600).formatted(style)
    }
}
