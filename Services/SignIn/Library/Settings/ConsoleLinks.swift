import Foundation
import StaffAuth

/// The staff consoles the landing page links to, each with the roles that reach it.
public struct ConsoleLinks: Sendable {
    /// One console: where it is, what it is called, who may open it.
    public struct Console: Sendable {
        public let url: String
        public let name: (vi: String, en: String)
        public let roles: Set<StaffRole>
    }

    /// The consoles there are, by the service that serves them: path, name and roles.
    static let known: [(service: String, path: String, name: (vi: String, en: String), roles: Set<StaffRole>)] = [
        ("intake", "/tong-dai", ("Tổng đài chăm sóc khách hàng", "Call-centre console"), [.callCentre]),
        ("crm", "/phieu", ("Phiếu yêu cầu của điện lực", "Branch tickets"), [.customerService]),
        ("crm", wallBoardPath, ("Bảng tin của điện lực", "Branch wall board"), [.customerService, .wallBoard]),
        ("households", "/ho-dung-chung", ("Hộ dùng chung công tơ", "Shared-meter households"),
         [.householdsOfficer, .householdsSupervisor]),
        ("metering", "/lenh-cong-tac", ("Lệnh công tác hôm nay", "Today's work orders"), [.fieldTechnician]),
        ("metering", "/kho-cong-to", ("Kho công tơ", "Meter stock"), [.meterStock]),
        ("outage", "/su-co", ("Bảng sự cố mất điện", "Outage incident board"), [.dispatcher]),
        ("outage", "/cat-dien-ke-hoach", ("Lịch cắt điện có kế hoạch", "Planned outages"), [.dispatcher]),
        ("outage", "/diem-cap-dien", ("Nạp điểm cấp điện", "Load supply points"), [.dispatcher]),
    ]

    /// Development's services on their `make run` ports.
    static let development = "intake=http://localhost:8080,crm=http://localhost:8081,households=http://localhost:8083"

    public let consoles: [Console]

    /// The consoles of the comma-separated `service=URL` entries of `list`; nil when an entry
    /// names no service with a console or no `http`/`https` address.
    public init?(_ list: String) {
        var consoles: [Console] = []
        for entry in list.split(separator: ",") {
            let parts = entry.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let base = URLComponents(string: parts[1]),
                  ["http", "https"].contains(base.scheme?.lowercased() ?? ""), base.host?.isEmpty == false else { return nil }
            let ofService = Self.known.filter { $0.service == parts[0] }
            guard !ofService.isEmpty else { return nil }
            let root = parts[1].hasSuffix("/") ? String(parts[1].dropLast()) : parts[1]
            consoles += ofService.map { Console(url: root + $0.path, name: $0.name, roles: $0.roles) }
        }
        self.consoles = consoles
    }

    /// The branch wall board, where an enrolled device is sent; nil when it is not configured.
    public var wallBoard: String? {
        consoles.first { $0.url.hasSuffix(Self.wallBoardPath) }?.url
    }

    static let wallBoardPath = "/bang-tin"

    /// The consoles a person holding `roles` reaches.
    public func reached(by roles: Set<StaffRole>) -> [Console] {
        consoles.filter { !$0.roles.isDisjoint(with: roles) }
    }
}
