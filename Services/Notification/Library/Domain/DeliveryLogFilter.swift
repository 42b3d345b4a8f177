import Contracts

/// Which part of the delivery log an operator asks for (`GET /api/v1/deliveries`).
enum DeliveryLogFilter: Sendable {
    /// The notices of one request.
    case requestCode(String)
    /// The residence reminders about one shared meter.
    case customerCode(String)

    /// The unit the code belongs to, whose staff may read its log: the first dash-separated
    /// part of six characters of a request code or outage reference (`PC05TK-251124-000123`,
    /// `SC-PC05TK-000001`), the first six characters of a customer code (`PC05TK0012345`).
    var unit: String {
        switch self {
        case .requestCode(let code):
            code.split(separator: "-").first { $0.count == CustomerCode.branchCodeLength }.map(String.init) ?? code
        case .customerCode(let code):
            String(code.prefix(CustomerCode.branchCodeLength))
        }
    }

    /// The code looked up.
    var value: String {
        switch self {
        case .requestCode(let code), .customerCode(let code): code
        }
    }
}
