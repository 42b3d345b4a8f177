import FlowDriver
import Foundation
import StaffAuth
import TestSupport
import Testing

/// The new low-voltage connection from the customer's request to the signed contract, across
/// intake, crm, households, metering and notification running as real processes against the
/// real broker, driven only through their public HTTP APIs (flows.md, steps 1–7).
@Suite(.serialized) struct NewConnectionFlowTests {
    /// Scenario 1: everything goes right.
    @Test func aRequestBecomesASignedContractAndTheCustomerHearsOfEachStepOnce() async throws {
        try await Platform.run("flow") { platform in
            let serial = try await platform.receiveMeter(branch: "PC05TK")
            let journey = try await Journey.file(SampleCustomer.make(households: 2), on: platform)

            let opened = try await journey.ticket(when: "screening is clear") { ticket in
                (ticket["screening"] as? [String: Any])?["outcome"] as? String == "clear"
            }
            #expect(opened["branchCode"] as? String == "PC05TK")
            #expect(opened["slaLimitWorkingDays"] as? Int == 3)
            _ = try await journey.recordContact().expect(200)
            _ = try await journey.recordSurvey("feasible", phase: 1).expect(200)
            _ = try await journey.requestInstallation().expect(200)
            #expect(try await journey.completeInstallation(initialReading: 3) == serial)

            let code = try await journey.signingCodeFromSMS()
            let signed = try await journey.sign(with: code).expect(200)
            #expect(signed["requestCode"] as? String == journey.requestCode)

            let closed = try await journey.ticket(when: "the ticket is closed") { $0["closure"] != nil }
            let closure = try #require(closed["closure"] as? [String: Any])
            #expect(closure["resolution"] as? String == "contract_signed")
            #expect(closure["slaOutcome"] as? String == "met")
            #expect(closure["workingDaysTaken"] as? Int == 0)
            let contract = try #require(closed["contract"] as? [String: Any])
            #expect(contract["status"] as? String == "signed")
            #expect(contract["meterSerial"] as? String == serial)
            #expect(contract["householdCount"] as? Int == 2)
            #expect(contract["contractNumber"] as? String == signed["contractNumber"] as? String)

            // Every notice reached the customer by SMS and by e-mail, each exactly once.
            try await eventually("three SMS and three e-mails reached the customer") {
                let mails = try journey.mails().count
                return await journey.smsTexts().count >= 3 && mails >= 3
            }
            try await platform.awaitSettled()
            let texts = await journey.smsTexts()
            #expect(texts.count == 3, "SMS received: \(texts)")
            #expect(texts.filter { $0.contains(code) }.count == 1)
            let mails = try journey.mails()
            #expect(mails.count == 3, "e-mails received: \(mails.map(\.subject))")
            #expect(mails.allSatisfy { !$0.body.contains(code) }, "the signing code never goes by e-mail")
            #expect(mails.allSatisfy { $0.body.contains(journey.requestCode) })
            #expect(Set(mails.map(\.subject)).count == 3, "three different notices: \(mails.map(\.subject))")

            // Every SMS ends with a link to this request: the tracking form (received, signed) or,
            // with the signing code, the signing form; the e-mails carry the same links. Each opens
            // with the code filled in and the phone asked for.
            let links = texts.compactMap { $0.firstMatch(of: /http\S+$/).map { String($0.0) } }
            let intake = platform.url("intake")
            let tracking = "\(intake)/track/\(journey.requestCode)"
            let signing = "\(intake)/ky-hop-dong?code=\(journey.requestCode)"
            #expect(links.sorted() == [signing, tracking, tracking], "SMS received: \(texts)")
            #expect(texts.first { $0.contains(code) }?.hasSuffix(signing) == true, "the code's SMS links to signing")
            for link in [tracking, signing] {
                #expect(mails.contains { $0.body.contains(link) }, "an e-mail carries \(link)")
                let form = try await platform.http.call(.GET, link)
                #expect(form.status == 200)
                #expect(form.text.contains(#"name="code" value="\#(journey.requestCode)""#))
                #expect(form.text.contains(#"name="phone" value="""#))
            }

            // The customer's tracking page shows every step, from every service, in order.
            var steps: [[String: Any]] = []
            try await eventually("the timeline shows the closing and the last notice") {
                steps = try await journey.track().expect(200)["steps"] as? [[String: Any]] ?? []
                return Set(steps.compactMap { $0["actor"] as? String }).count == 5
                    && steps.filter { $0["actor"] as? String == "notification" }.count == 6
            }
            let actors = steps.compactMap { $0["actor"] as? String }
            #expect(actors.first == "intake")
            let instants = steps.compactMap { $0["at"] as? String }
            #expect(instants == instants.sorted(), "steps are oldest first")
            let english = steps.compactMap { ($0["label"] as? [String: String])?["en"] }
            #expect(english.count == steps.count)
            for service in ["crm", "households", "metering", "notification"] {
                #expect(actors.contains(service), "\(service) has a step on the timeline: \(english)")
            }

            // One grep for the request code over the services' logs tells the story in each of them.
            for service in Platform.flowServices {
                let lines = try platform.service(service).log().split(separator: "\n").filter { $0.contains(journey.requestCode) }
                #expect(!lines.isEmpty, "\(service) logged nothing about \(journey.requestCode)")
            }
            for service in Platform.flowServices {
                let log = try platform.service(service).log()
                #expect(!log.contains(journey.customer.idNumber), "\(service) logged an ID number unmasked")
                #expect(!log.contains(String(journey.customer.phoneE164.dropFirst(3))), "\(service) logged a phone number unmasked")
                #expect(!log.contains(code), "\(service) logged the signing code")
            }
        }
    }

    /// Scenario 2: the applicant already counts as a household in another branch's dossier.
    @Test func aScreeningConflictHoldsTheContractUntilStaffResolveIt() async throws {
        try await Platform.run("conflict") { platform in
            let applicantID = SampleCustomer.freshCitizenID()
            let officer = try await platform.staff.token(.householdsOfficer, unit: "PC05HA")
            _ = try await platform.http.call(.POST, "\(platform.url("households"))/api/v1/dossiers", json: [
                "customerCode": "PC05HA0004567",
                "holder": ["fullName": "Lê Văn Chủ", "idNumber": SampleCustomer.freshCitizenID()],
                "subHouseholds": [[
                    "fullName": "Nguyễn Văn An", "idNumber": applicantID, "permanentAddress": "Thôn 2, xã Duy Sơn",
                    "residenceConfirmation": [
                        "issuer": "Công an xã Duy Sơn", "number": "XN-0457", "issuedOn": "2025-03-01",
                    ],
                ]],
            ], token: officer).expect(201)
            let serial = try await platform.receiveMeter(branch: "PC05TK")
            let journey = try await Journey.file(SampleCustomer.make(households: 1, applicantID: applicantID), on: platform)

            let flagged = try await journey.ticket(when: "screening found the conflict") { ticket in
                (ticket["screening"] as? [String: Any])?["outcome"] as? String == "conflict"
            }
            let conflict = try #require(((flagged["screening"] as? [String: Any])?["conflicts"] as? [[String: Any]])?.first)
            #expect(conflict["unit"] as? String == "PC05HA")
            #expect(conflict["customerCode"] as? String == "PC05HA0004567")
            #expect(conflict["maskedIdNumber"] as? String == "\(applicantID.prefix(3))*******\(applicantID.suffix(2))")

            _ = try await journey.recordContact().expect(200)
            _ = try await journey.recordSurvey("feasible", phase: 1).expect(200)
            _ = try await journey.requestInstallation().expect(200)
            #expect(try await journey.completeInstallation() == serial)

            // The meter is in, but with the conflict open no contract is drafted and no code is sent.
            _ = try await journey.ticket(when: "the meter installation is on the timeline") { ticket in
                (ticket["timeline"] as? [[String: Any]] ?? []).contains { $0["actor"] as? String == "metering" && ($0["label"] as? [String: String])?["en"]?.lowercased().contains("install") == true }
            }
            try await platform.awaitSettled()
            #expect(try await journey.ticket()["contract"] == nil)
            #expect(await journey.smsTexts().allSatisfy { Journey.signingCode(in: $0) == nil })

            _ = try await journey.resolveScreening("cleared", note: "Hộ đã chuyển đi, xác nhận của UBND phường").expect(200)
            let drafted = try await journey.ticket(when: "the contract is drafted") { $0["contract"] != nil }
            #expect((drafted["contract"] as? [String: Any])?["meterSerial"] as? String == serial)
            let code = try await journey.signingCodeFromSMS()
            _ = try await journey.sign(with: code).expect(200)
            _ = try await journey.ticket(when: "the ticket is closed") { $0["closure"] != nil }
        }
    }

    /// Scenario 3: crm dies with SIGKILL in the middle of the flow and is started again.
    @Test func killingCRMMidFlowLosesNothingAndDuplicatesNothing() async throws {
        try await Platform.run("crash") { platform in
            try await platform.receiveMeter(branch: "PC05TK")
            let journey = try await Journey.file(SampleCustomer.make(households: 2), on: platform)
            _ = try await journey.ticket(when: "screening is clear") { ticket in
                (ticket["screening"] as? [String: Any])?["outcome"] as? String == "clear"
            }
            _ = try await journey.recordContact().expect(200)
            _ = try await journey.recordSurvey("feasible", phase: 1).expect(200)
            _ = try await journey.requestInstallation().expect(200)

            // A burst of new requests is on its way to crm when it is killed.
            let burst = try await withThrowingTaskGroup(of: Journey.self) { group in
                for _ in 0..<20 { group.addTask { try await Journey.file(SampleCustomer.make(households: 1), on: platform) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            platform.service("crm").kill()
            // The meter goes in while crm is down: metering's event waits in crm's queue.
            try await journey.completeInstallation()
            try await platform.crashAndRestart("crm")

            let code = try await journey.signingCodeFromSMS()
            _ = try await journey.sign(with: code).expect(200)
            let closed = try await journey.ticket(when: "the ticket is closed") { $0["closure"] != nil }
            #expect((closed["contract"] as? [String: Any])?["status"] as? String == "signed")

            for request in burst + [journey] {
                let tickets = try await request.operatorCall(.GET, "/api/v1/tickets?requestCode=\(request.requestCode)")
                    .expect(200)["tickets"] as? [[String: Any]] ?? []
                #expect(tickets.count == 1, "\(request.requestCode) has \(tickets.count) tickets")
            }
            try await platform.awaitSettled()
            let texts = await journey.smsTexts()
            #expect(texts.count == 3, "each notice once by SMS: \(texts)")
            #expect(try journey.mails().count == 3)
        }
    }
}
