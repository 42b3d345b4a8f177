/// Where notification reaches the customer of a request.
///
/// Personal data. Notification keeps it by request code from `crm.ticket.opened` for the
/// notices of that request, and is never given the customer's name or ID number.
public struct CustomerContact: Codable, Sendable, Equatable {
    /// Mobile number in E.164, e.g. `+84912345678`.
    public var phone: String
    /// E-mail address, when the customer gave one.
    public var email: String?

    public init(phone: String, email: String? = nil) {
        self.phone = phone
        self.email = email
    }
}
