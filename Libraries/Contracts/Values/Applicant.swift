/// The customer who files a request and will hold the contract.
///
/// Personal data, all of it. The ID number is carried in full because crm and households
/// screen the applicant against every dossier of the corporation; logs must mask it and
/// the phone number.
public struct Applicant: Codable, Sendable, Equatable {
    /// Full name as on the ID card.
    public var fullName: String
    /// Citizen ID: 12-digit CCCD, or a 9-digit CMND.
    public var idNumber: String
    /// Mobile number in E.164, e.g. `+84912345678`; signing codes go to it.
    public var phone: String
    /// E-mail address, when the customer gave one.
    public var email: String?

    public init(fullName: String, idNumber: String, phone: String, email: String? = nil) {
        self.fullName = fullName
        self.idNumber = idNumber
        self.phone = phone
        self.email = email
    }
}
