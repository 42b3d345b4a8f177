import Contracts
import Foundation
import HummingbirdTesting
import Notification

/// notification's one staff route, the delivery log, on a notice of a home-branch request.
enum NotificationRouteProbes {
    static func make(_ service: InProcessService<NotificationService>, _ client: any TestClientProtocol) async throws
        -> [String: StaffRouteProbe] {
        let branch = Branch(code: StaffRouteMatrix<NotificationService>.home, name: "Tam Kỳ", hotline: "1900 1909")
        let requestCode = "\(branch.code)-251124-000001"
        try await service.deliver(
            TicketOpened(ticketId: "T-\(requestCode)", requestCode: requestCode, requestKind: .newLowVoltageConnection,
                         branch: branch,
                         contact: CustomerContact(phone: "+84912345678", email: nil), slaLimitWorkingDays: 3,
                         dueDate: CalendarDate("2025-11-27")!, openedAt: Date(timeIntervalSince1970: 1_764_000_000)),
            correlationId: requestCode)
        return [
            "GET /api/v1/deliveries": StaffRouteProbe(duty: .deliveryLog, uri: "/api/v1/deliveries?requestCode=\(requestCode)"),
        ]
    }
}
