/// Which part of the delivery log an operator asks for (`GET /api/v1/deliveries`).
enum DeliveryLogFilter: Sendable {
    /// The notices of one request.
    case requestCode(String)
    /// The residence reminders about one shared meter.
    case customerCode(String)

    /// The code looked up.
    var value: String {
        switch self {
        case .requestCode(let code), .customerCode(let code): code
        }
    }
}
