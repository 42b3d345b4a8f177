/// What two active dossiers share when they hold the same person or household.
public enum DuplicateKey: String, Codable, Sendable, Hashable {
    /// The same ID number (CCCD or CMND).
    case idNumber = "id_number"
    /// The same legacy household book number.
    case householdBook = "household_book"
}
