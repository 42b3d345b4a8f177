/// A person named in a dossier: an extra household sharing the meter, or a contract holder.
///
/// Personal data: the ID number is carried in full because households screens and
/// registers by it. Logs must mask it; only messages that need it carry it.
public struct Person: Codable, Sendable, Equatable {
    /// Full name as on the ID card, e.g. `Trần Thị Bích`.
    public var fullName: String
    /// Citizen ID: 12-digit CCCD, or a 9-digit CMND from an old dossier.
    public var idNumber: String

    public init(fullName: String, idNumber: String) {
        self.fullName = fullName
        self.idNumber = idNumber
    }
}
