import Foundation
import NIOHTTP1
import StaffAuth
import TestSupport

/// A request about an existing supply point walked through by the customer (on the portal or
/// through the call centre), the branch's customer-service staff and the field technician,
/// each through their own public API.
public struct ServiceRequestJourney: Sendable {
    public let platform: Platform
    /// Who files: the contract holder, with the phone tracking opens the request with.
    public let customer: SampleCustomer
    public let customerCode: String
    public let requestCode: String

    /// Files `kind` for `customerCode` with the kind's own `fields`; intake must answer 201.
    public static func file(
        _ kind: String, customerCode: String, by customer: SampleCustomer, fields: [String: Any] = [:],
        operatorId: String? = nil, on platform: Platform
    ) async throws -> ServiceRequestJourney {
        let answer = try await platform.http.call(
            .POST, "\(platform.url("intake"))/api/v1/service-requests",
            json: form(kind, customerCode: customerCode, by: customer, fields: fields, operatorId: operatorId))
        guard let code = try answer.expect(201)["requestCode"] as? String else {
            throw FixtureError("no request code in \(answer)")
        }
        return ServiceRequestJourney(platform: platform, customer: customer, customerCode: customerCode, requestCode: code)
    }

    /// The `POST /api/v1/service-requests` body: the web portal's, or the call centre's with `operatorId`.
    public static func form(
        _ kind: String, customerCode: String, by customer: SampleCustomer, fields: [String: Any] = [:],
        operatorId: String? = nil
    ) -> [String: Any] {
        var form: [String: Any] = [
            "kind": kind, "channel": operatorId == nil ? "web" : "phone", "customerCode": customerCode,
            "requester": ["fullName": customer.fullName, "idNumber": customer.idNumber, "phone": customer.phone,
                          "email": customer.email],
            "consent": true,
        ]
        if let operatorId { form["operatorId"] = operatorId }
        return form.merging(fields) { $1 }
    }

    // MARK: Customer

    /// The tracking page's answer (200 expected).
    public func track() async throws -> [String: Any] {
        try await platform.http.call(.POST, "\(platform.url("intake"))/api/v1/requests/\(requestCode)/tracking",
                                     json: ["phone": customer.phone]).expect(200)
    }

    /// The timeline's labels in `language` (`en`, or `vi` as the customer reads them) once it
    /// shows `label` (waits for it).
    public func timeline(
        showing label: String, in language: String = "en", timeout: Duration = .seconds(30)
    ) async throws -> [String] {
        var labels: [String] = []
        try await eventually("\(requestCode)'s timeline shows \"\(label)\" (has \(labels))", timeout: timeout) {
            labels = (try await track()["steps"] as? [[String: Any]] ?? []).compactMap {
                ($0["label"] as? [String: String])?[language]
            }
            return labels.contains(label)
        }
        return labels
    }

    /// The texts the customer's phone received about this request (waits for `count` of them).
    public func smsTexts(atLeast count: Int, timeout: Duration = .seconds(30)) async throws -> [String] {
        var texts: [String] = []
        try await eventually("\(count) SMS about \(requestCode) reached the customer (got \(texts))", timeout: timeout) {
            texts = await platform.sms.messages().filter { $0.content.contains(requestCode) }.map(\.content)
            return texts.count >= count
        }
        return texts
    }

    /// The signing code of an SMS the phone `phone` received (waits for it): a change of
    /// holder's goes to the new holder's phone, not the requester's.
    public func signingCodeFromSMS(to phone: String, timeout: Duration = .seconds(30)) async throws -> String {
        var code: String?
        try await eventually("an SMS with a signing code reached \(phone)", timeout: timeout) {
            code = await platform.sms.messages(to: phone).lazy.compactMap { Journey.signingCode(in: $0.content) }.first
            return code != nil
        }
        return code ?? ""
    }

    /// Signs the contract drafted for this request with `code`, giving the phone `phone`.
    public func sign(as phone: String, with code: String) async throws -> HTTPAnswer {
        try await platform.http.call(.POST, "\(platform.url("intake"))/api/v1/requests/\(requestCode)/signature",
                                     json: ["phone": phone, "signingCode": code])
    }

    // MARK: Branch customer service

    /// The ticket's detail once `condition` holds for it (waits for crm to open it first).
    public func ticket(
        when description: String = "crm opened the ticket", timeout: Duration = .seconds(30),
        _ condition: @escaping ([String: Any]) -> Bool = { _ in true }
    ) async throws -> [String: Any] {
        var latest: [String: Any] = [:]
        try await eventually("\(requestCode): \(description) (last seen \(latest))", timeout: timeout) {
            let list = try await operatorCall(.GET, "/api/v1/tickets?requestCode=\(requestCode)").json()
            guard let id = (list["tickets"] as? [[String: Any]])?.first?["ticketId"] as? String else { return false }
            latest = try await operatorCall(.GET, "/api/v1/tickets/\(id)").expect(200)
            return condition(latest)
        }
        return latest
    }

    /// Staff approve the request (a split's meter of `phase`).
    public func approve(phase: Int? = nil) async throws -> HTTPAnswer {
        var body: [String: Any] = ["decision": "approve"]
        if let phase { body["phase"] = phase }
        return try await decide(body)
    }

    /// Staff refuse the request with the sentence the customer is told.
    public func refuse(_ reason: String) async throws -> HTTPAnswer {
        try await decide(["decision": "refuse", "reason": reason])
    }

    public func decide(_ body: [String: Any]) async throws -> HTTPAnswer {
        let id = try await ticket { $0["stage"] as? String == "review" }["ticketId"] as! String
        return try await operatorCall(.POST, "/api/v1/tickets/\(id)/decision", json: body)
    }

    public func operatorCall(_ method: HTTPMethod, _ path: String, json: Any? = nil) async throws -> HTTPAnswer {
        let token = try await platform.staff.token(.customerService, unit: String(customerCode.prefix(6)))
        return try await platform.http.call(method, "\(platform.url("crm"))\(path)", json: json, token: token)
    }

    // MARK: Field technician

    /// The visit metering opened for the request (waits for it).
    public func meterVisit(timeout: Duration = .seconds(30)) async throws -> [String: Any] {
        var found: [String: Any]?
        try await eventually("metering opened a visit for \(requestCode)", timeout: timeout) {
            let answer = try await technicianCall(.GET, "/api/v1/meter-visits?requestCode=\(requestCode)")
            found = (try answer.json()["meterVisits"] as? [[String: Any]])?.first
            return found != nil
        }
        return found!
    }

    /// The technician records what they found at the meter.
    public func recordVisit(_ result: [String: Any]) async throws -> HTTPAnswer {
        let visit = try await meterVisit()
        return try await technicianCall(.POST, "/api/v1/meter-visits/\(visit["visitId"] as! String)/result", json: result)
    }

    public func technicianCall(_ method: HTTPMethod, _ path: String, json: Any? = nil) async throws -> HTTPAnswer {
        let token = try await platform.staff.token(.fieldTechnician, unit: String(customerCode.prefix(6)))
        return try await platform.http.call(method, "\(platform.url("metering"))\(path)", json: json, token: token)
    }
}

extension Journey {
    /// Steps 1–7 for a fresh customer, ending with the signed contract: its customer code and meter.
    public static func signedContract(
        _ customer: SampleCustomer, on platform: Platform
    ) async throws -> (journey: Journey, customerCode: String, meterSerial: String) {
        try await platform.receiveMeter(branch: customer.branchCode)
        let journey = try await Journey.file(customer, on: platform)
        _ = try await journey.ticket(when: "screening is clear") { ticket in
            (ticket["screening"] as? [String: Any])?["outcome"] as? String == "clear"
        }
        _ = try await journey.recordSurvey("feasible", phase: 1).expect(200)
        _ = try await journey.requestInstallation().expect(200)
        let serial = try await journey.completeInstallation(initialReading: 5)
        _ = try await journey.sign(with: try await journey.signingCodeFromSMS()).expect(200)
        let closed = try await journey.ticket(when: "the contract is signed") { $0["closure"] != nil }
        guard let code = (closed["contract"] as? [String: Any])?["customerCode"] as? String else {
            throw FixtureError("no customer code on \(closed)")
        }
        return (journey, code, serial)
    }
}
