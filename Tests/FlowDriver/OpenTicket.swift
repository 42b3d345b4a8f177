import NIOHTTP1
import TestSupport

/// A ticket as the branch's customer-service officer has it open: found once in their list and
/// read on its page, then worked from that page step after step, as a person does. The
/// officer does not search the list again before each step; a driver that did would make crm
/// answer more reads per flow than the branch ever asks of it.
public struct OpenTicket: Sendable {
    public let journey: Journey
    /// crm's id of the ticket, from the officer's list.
    public let id: String

    /// Step 4: staff record the call to the customer.
    public func recordContact() async throws -> HTTPAnswer {
        try await act("contact", ["note": "Đã gọi khách hàng, hẹn khảo sát"])
    }

    /// Step 4: staff record the site survey.
    public func recordSurvey(_ outcome: String = "feasible", phase: Int = 1, reason: String? = nil) async throws -> HTTPAnswer {
        var body: [String: Any] = ["outcome": outcome, "phase": phase]
        if let reason { body["reason"] = reason }
        return try await act("survey", body)
    }

    /// Step 5: staff ask metering to install a meter.
    public func requestInstallation() async throws -> HTTPAnswer {
        try await act("installation", [:])
    }

    /// Staff settle a screening conflict (`cleared` or `refused`).
    public func resolveScreening(_ decision: String, note: String) async throws -> HTTPAnswer {
        try await act("screening-resolution", ["decision": decision, "note": note])
    }

    private func act(_ action: String, _ body: [String: Any]) async throws -> HTTPAnswer {
        try await journey.operatorCall(.POST, "/api/v1/tickets/\(id)/\(action)", json: body)
    }
}
