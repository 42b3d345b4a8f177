/// How a request reached the company.
public enum Channel: String, Codable, Sendable, CaseIterable {
    /// The customer filed on the web portal or the app.
    case web
    /// A call-centre operator filed for a caller; the message then names the operator.
    case phone
    /// The customer texted the company's short code from their own mobile.
    case sms
    /// The customer wrote to the company's customer-care mailbox.
    case email
}
