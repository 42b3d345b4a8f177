import FlowDriver
import Foundation
import StaffAuth
import TestSupport
import Testing
import WorkingCalendar

/// The sub-household program across services, driven through the public APIs only: a
/// household registered at the counter reaches crm as a contract-amendment ticket, the
/// re-pricing list shows the meter billed for fewer households, and the residence pass texts
/// the main household once through notification's SMS gateway.
@Suite(.serialized) struct SubHouseholdProgramTests {
    @Test func aNewSubHouseholdBecomesAnAmendmentTicketARepricingLineAndItsExpiryAnSMS() async throws {
        try await Platform.run("qlhp", services: ["crm", "households", "notification"]) { platform in
            let households = "\(platform.url("households"))/api/v1"
            let office = HouseholdsOffice(platform: platform)
            let corporation = try await platform.staff.token(.householdsOfficer, unit: StaffClaims.corporationUnit)
            let officer = try await office.officer()
            let customerCode = "PC05TK0\(Int.random(in: 100_000...999_999))"
            let holderID = SampleCustomer.freshCitizenID()
            let tenantID = SampleCustomer.freshCitizenID()
            let lodgerID = SampleCustomer.freshCitizenID()

            #expect(try await office.importCustomer(customerCode, households: 2)["added"] as? Int == 1)

            let soon = CalendarDay(Date()).adding(days: 10).description
            let dossierId = try await office.openDossier(
                customerCode, holderID: holderID, contactPhone: "0905\(Int.random(in: 100_000...999_999))",
                subHouseholds: [HouseholdsOffice.household("Trần Thị Bích", tenantID, validUntil: soon)])
            try await office.register(HouseholdsOffice.household("Lê Văn Cường", lodgerID, validUntil: "2031-12-31"),
                                      on: dossierId)

            // crm opens a contract-amendment ticket for the branch: two households became three.
            let desk = try await platform.staff.token(.customerService, unit: "PC05TK")
            var ticket: [String: Any]?
            try await eventually("crm lists the amendment ticket") {
                let list = try await platform.http.call(.GET, "\(platform.url("crm"))/api/v1/tickets", token: desk).json()
                ticket = (list["tickets"] as? [[String: Any]])?.first { $0["customerCode"] as? String == customerCode }
                return ticket != nil
            }
            #expect(ticket?["kind"] as? String == "contract_amendment")
            #expect((ticket?["newCount"] as? [String: Any])?["households"] as? String == "3")

            // Billing still says two: the customer is on the branch's re-pricing list.
            let list = try await platform.http.call(.GET, "\(households)/repricing", token: officer).expect(200)
            let line = try #require((list["entries"] as? [[String: Any]])?.first { $0["customerCode"] as? String == customerCode })
            #expect(line["billed"] as? Int == 8 && line["supported"] as? Int == 12)

            // The residence pass reminds the main household once, by SMS through notification.
            for _ in 0..<2 {
                _ = try await platform.http.call(.POST, "\(households)/residence-expiry/run", token: corporation).expect(200)
            }
            try await eventually("the reminder reached the phone") {
                await !platform.sms.messages().filter { $0.content.contains(customerCode) }.isEmpty
            }
            try await platform.awaitSettled()
            let texts = await platform.sms.messages().filter { $0.content.contains(customerCode) }
            #expect(texts.count == 1)
            #expect(texts.first?.phone.hasPrefix("84905") == true)

            for service in ["households", "crm", "notification"] {
                let log = try platform.service(service).log()
                for id in [holderID, tenantID, lodgerID] {
                    #expect(!log.contains(id), "\(service) logged an ID number unmasked")
                }
            }
            #expect(try platform.service("households").log().contains(customerCode))
        }
    }

    @Test func theImportCommandTakesAnExportBesideTheServiceAndPrintsItsSummary() async throws {
        let households = try #require(try ServiceBinaries.locate(["households"])["households"])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qlhp-import-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("khach-hang.csv")
        try Data(("\u{FEFF}customer_code,name,address,branch,area_class,household_count\r\n"
            + "PC05TK0000001,Nguyễn Văn An,\"Thôn 3, xã Tam Thăng\",PC05TK,rural,2\r\n"
            + "PC05TK0000002,Trần Thị Bích,12 Phan Chu Trinh,PC05TK,urban,two\r\n").utf8).write(to: file)

        let process = Process()
        process.executableURL = households
        process.arguments = ["import", "customers", file.path, "--by", "ops-01"]
        process.environment = ["DATA_DIR": folder.appendingPathComponent("data").path, "PATH": "/usr/bin:/bin",
                               "EVN_ENV": "development"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let summary = try #require(try JSONSerialization.jsonObject(with: printed) as? [String: Any])
        #expect(summary["rows"] as? Int == 2)
        #expect(summary["added"] as? Int == 1)
        let rejected = try #require(summary["rejected"] as? [[String: Any]])
        #expect(rejected.map { "\($0["line"] as? Int ?? 0):\($0["field"] as? String ?? "")" } == ["3:household_count"])
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("data/households.sqlite").path))
    }
}
