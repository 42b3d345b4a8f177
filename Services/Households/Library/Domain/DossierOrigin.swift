/// Where a dossier came from.
public enum DossierOrigin: String, Codable, Sendable {
    /// A shared-meter contract signed through the one-stop flow (`households.register-main-household`).
    case contract
    /// An existing dossier entered by unit staff from the billing system or paper files.
    case records
}
