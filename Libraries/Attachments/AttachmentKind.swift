/// What paper an attachment shows, as the customer or officer says: the branch checks the
/// papers of a request and a dossier by kind.
public enum AttachmentKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// The applicant's citizen ID card (CCCD) or ID card (CMND).
    case idCard = "id-card"
    /// The household registration book (sổ hộ khẩu) or its extract.
    case householdBook = "household-book"
    /// The commune's confirmation of residence (xác nhận cư trú).
    case residenceConfirmation = "residence-confirmation"
    /// Any other paper, and every file that came attached to a customer's e-mail.
    case other

    /// The kind's name for a person, in Vietnamese and English.
    public var shown: (vi: String, en: String) {
        switch self {
        case .idCard: ("Căn cước công dân / CMND", "Citizen ID card")
        case .householdBook: ("Sổ hộ khẩu", "Household registration book")
        case .residenceConfirmation: ("Xác nhận cư trú", "Residence confirmation")
        case .other: ("Giấy tờ khác", "Other paper")
        }
    }
}
