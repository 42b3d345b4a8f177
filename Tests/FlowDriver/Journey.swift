import Foundation
import NIOHTTP1
import StaffAuth
import TestSupport

/// One customer's request walked through the flow by the people who take part in it — the
/// customer on the portal, the branch's customer-service staff, the field technician — each
/// through their own public API, as flows.md describes steps 1 to 7.
public struct Journey: Sendable {
    public let platform: Platform
    public let customer: SampleCustomer
    /// The request code intake answered with.
    public let requestCode: String

    /// Step 1: the customer files on the web portal; intake must answer 201. `fields` replace
    /// or add to the sample form's (a business's `purpose` and `termMonths`).
    public static func file(_ customer: SampleCustomer, kind: String = "new_lv_connection", fields: [String: Any] = [:],
                            on platform: Platform) async throws -> Journey {
        let form = customer.requestForm(kind: kind).merging(fields) { _, given in given }
        let answer = try await platform.http.call(.POST, "\(platform.url("intake"))/api/v1/requests", json: form)
        guard let code = try answer.expect(201)["requestCode"] as? String else { throw FixtureError("no request code in \(answer)") }
        return Journey(platform: platform, customer: customer, requestCode: code)
    }

    // MARK: Customer

    /// The customer's tracking page: the request code and their phone.
    public func track() async throws -> HTTPAnswer {
        try await platform.http.call(.POST, "\(platform.url("intake"))/api/v1/requests/\(requestCode)/tracking",
                                     json: ["phone": customer.phone])
    }

    /// The signing code from the SMS the customer's phone received (waits for it).
    public func signingCodeFromSMS(timeout: Duration = .seconds(30)) async throws -> String {
        var code: String?
        try await eventually("an SMS with a signing code reached \(customer.phoneE164)", timeout: timeout) {
            code = await smsTexts().lazy.compactMap(Self.signingCode(in:)).first
            return code != nil
        }
        return code!
    }

    /// The signing code a "contract ready" SMS carries ("Mã ký: 123456", or "Ma ky: …" without
    /// diacritics). Read without a regex: a regex literal is parsed again each time it is
    /// evaluated, and drivers read every text of each waiting customer many times a second.
    public static func signingCode(in text: String) -> String? {
        for label in ["Mã ký: ", "Ma ky: "] {
            guard let labelled = text.range(of: label) else { continue }
            let code = text[labelled.upperBound...].prefix(6)
            if code.count == 6, code.allSatisfy(\.isWholeNumber) { return String(code) }
        }
        return nil
    }

    /// Step 7: the customer signs with the code.
    public func sign(with code: String) async throws -> HTTPAnswer {
        try await platform.http.call(.POST, "\(platform.url("intake"))/api/v1/requests/\(requestCode)/signature",
                                     json: ["phone": customer.phone, "signingCode": code])
    }

    /// The texts of the SMS messages the customer's phone received.
    public func smsTexts() async -> [String] {
        await platform.sms.messages(to: customer.phoneE164).map(\.content)
    }

    /// The e-mails the customer received about this request.
    public func mails() throws -> [ReceivedMail] {
        try platform.mails(to: customer.email)
    }

    // MARK: Branch customer service

    /// The ticket as branch staff see it in their list (waits until crm opened it).
    public func ticket(timeout: Duration = .seconds(30)) async throws -> [String: Any] {
        var found: [String: Any]?
        try await eventually("crm opened a ticket for \(requestCode)", timeout: timeout) {
            let answer = try await operatorCall(.GET, "/api/v1/tickets?requestCode=\(requestCode)")
            found = (try answer.json()["tickets"] as? [[String: Any]])?.first
            return found != nil
        }
        let id = found!["ticketId"] as! String
        return try await operatorCall(.GET, "/api/v1/tickets/\(id)").expect(200)
    }

    /// How many tickets branch staff see for the request, once there are at least `count`.
    public func tickets(atLeast count: Int, timeout: Duration = .seconds(30)) async throws -> Int {
        var found = 0
        try await eventually("crm opened \(count) ticket(s) for \(requestCode)", timeout: timeout) {
            let answer = try await operatorCall(.GET, "/api/v1/tickets?requestCode=\(requestCode)")
            found = (try answer.json()["tickets"] as? [[String: Any]])?.count ?? 0
            return found >= count
        }
        return found
    }

    /// The ticket's detail once `condition` holds for it.
    public func ticket(
        when description: String, timeout: Duration = .seconds(30), _ condition: @escaping ([String: Any]) -> Bool
    ) async throws -> [String: Any] {
        var latest: [String: Any] = [:]
        try await eventually("\(requestCode): \(description)", timeout: timeout) {
            latest = try await ticket(timeout: timeout)
            return condition(latest)
        }
        return latest
    }

    /// The ticket opened on its page from the officer's list (waits until crm opened it), to
    /// be worked step after step without looking it up again.
    public func openTicket(timeout: Duration = .seconds(30)) async throws -> OpenTicket {
        OpenTicket(journey: self, id: try await ticket(timeout: timeout)["ticketId"] as! String)
    }

    /// Step 4: staff open the ticket and record the call to the customer.
    public func recordContact() async throws -> HTTPAnswer {
        try await openTicket().recordContact()
    }

    /// Step 4: staff open the ticket and record the site survey.
    public func recordSurvey(_ outcome: String = "feasible", phase: Int = 1, reason: String? = nil) async throws -> HTTPAnswer {
        try await openTicket().recordSurvey(outcome, phase: phase, reason: reason)
    }

    /// Step 5: staff open the ticket and ask metering to install a meter.
    public func requestInstallation() async throws -> HTTPAnswer {
        try await openTicket().requestInstallation()
    }

    /// Staff open the ticket and settle a screening conflict (`cleared` or `refused`).
    public func resolveScreening(_ decision: String, note: String) async throws -> HTTPAnswer {
        try await openTicket().resolveScreening(decision, note: note)
    }

    /// A call to crm's operator API as the owning branch's customer-service staff.
    public func operatorCall(_ method: HTTPMethod, _ path: String, json: Any? = nil, unit: String? = nil) async throws -> HTTPAnswer {
        let token = try await platform.staff.token(.customerService, unit: unit ?? customer.branchCode)
        return try await platform.http.call(method, "\(platform.url("crm"))\(path)", json: json, token: token)
    }

    // MARK: Field technician

    /// The work order metering opened for the request (waits for it).
    public func workOrder(timeout: Duration = .seconds(30)) async throws -> [String: Any] {
        var found: [String: Any]?
        try await eventually("metering opened a work order for \(requestCode)", timeout: timeout) {
            let token = try await platform.staff.token(.fieldTechnician, unit: customer.branchCode)
            let answer = try await platform.http.call(
                .GET, "\(platform.url("metering"))/api/v1/work-orders?requestCode=\(requestCode)", token: token)
            found = (try answer.json()["workOrders"] as? [[String: Any]])?.first { $0["meterSerial"] is String }
            return found != nil
        }
        return found!
    }

    /// Step 5: the technician installs and seals the reserved meter; returns its serial.
    @discardableResult
    public func completeInstallation(initialReading: Int = 0) async throws -> String {
        let order = try await workOrder()
        let serial = order["meterSerial"] as! String
        let token = try await platform.staff.token(.fieldTechnician, unit: customer.branchCode)
        _ = try await platform.http.call(
            .POST, "\(platform.url("metering"))/api/v1/work-orders/\(order["workOrderId"] as! String)/completion",
            json: ["meterSerial": serial, "initialReadingKWh": initialReading, "sealNumbers": ["KD-\(serial)-1", "KD-\(serial)-2"]],
            token: token
        ).expect(200)
        return serial
    }
}

extension Platform {
    /// The branch's storekeeper receives a verified meter into stock; returns its serial.
    @discardableResult
    public func receiveMeter(branch: String, phase: Int = 1, serial: String? = nil) async throws -> String {
        let serial = serial ?? "VN\(phase)P\(UInt32.random(in: 10_000_000...99_999_999))"
        let today = Date()
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        let token = try await staff.token(.meterStock, unit: branch)
        _ = try await http.call(.POST, "\(url("metering"))/api/v1/meters", json: [
            "serial": serial, "phase": phase,
            "verifiedOn": formatter.string(from: today.addingTimeInterval(-30 * 86_400)),
            "verificationValidUntil": formatter.string(from: today.addingTimeInterval(5 * 365 * 86_400)),
        ], token: token).expect(201)
        return serial
    }
}
