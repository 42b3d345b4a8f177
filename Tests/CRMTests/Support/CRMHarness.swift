import CRM
import Contracts
import Foundation
import Messaging
import StaffAuth
import TestSupport

/// crm running in-process against the real broker on a ``ManualClock``, with an observer
/// queue bound to everything crm sends (`evn.events` and its commands on `evn.commands`):
/// the staff's HTTP view and the wire view of the same tickets.
typealias CRMHarness = ServiceHarness<ClockedCRM>

extension ServiceHarness where Definition == ClockedCRM {
    /// Starts a fresh crm with its clock at `now`, runs `body` against it, and stops it whether
    /// `body` passed or threw.
    static func run(at now: Date, _ body: (CRMHarness) async throws -> Void) async throws {
        let observer = ObserverQueue("crm-test.observer", events: ["crm.#"], commands: [
            ScreenIdentities.routingKey, InstallMeter.routingKey, RegisterMainHousehold.routingKey,
            SendEmailReply.routingKey, SendStaffDeadlineNotice.routingKey, VisitMeter.routingKey,
        ])
        let clock = ManualClock(now)
        try await ClockedCRM.$clock.withValue(clock) {
            try await run(observing: [observer], environment: StaffDirectoryUnderTest.settings, clock: clock.wallClock, body)
        }
    }

    /// The clock crm reads; a test moves it with `set(_:)`.
    var clock: ManualClock { host.definition.clock }

    /// A customer-service token of `unit` (a branch code or `CORP`).
    func token(unit: String, staffId: String = "tk-cs-014") async throws -> String {
        try await token(.customerService, unit: unit, staffId: staffId)
    }

    /// `GET /api/v1/tickets/{ticketId}` of `requestCode`'s ticket, as its branch's staff.
    func ticket(_ requestCode: String, unit: String = Samples.branch.code) async throws -> [String: any Sendable] {
        try await get("api/v1/tickets/CRM-\(requestCode)", token: token(unit: unit)).json()
    }

    /// Asks crm for a request's timeline over request/reply, as the portal does.
    func timeline(of requestCode: String) async throws -> RequestTimeline? {
        let reply = try await host.context.lookups.request(
            RequestTimelineQuery.routingKey, body: try Envelope.encode(RequestTimelineQuery(requestCode: requestCode)))
        return try JSONCoding.decoder.decode(RequestTimeline?.self, from: reply)
    }
}
