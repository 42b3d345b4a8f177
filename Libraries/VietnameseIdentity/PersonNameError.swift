/// Why a text is not accepted as a person's full name.
public enum PersonNameError: FieldProblem, Hashable {
    /// Nothing but whitespace was given.
    case empty
    /// Fewer than `PersonName.minimumLength` characters.
    case tooShort
    /// More than `PersonName.maximumLength` characters.
    case tooLong
    /// A character that is not a letter, a space, an apostrophe or a hyphen (e.g. a digit).
    case invalidCharacter(Character)
    /// An apostrophe or hyphen at the start or end of a word, or two in a row.
    case misplacedPunctuation

    public var code: String {
        switch self {
        case .empty: "name.empty"
        case .tooShort: "name.too_short"
        case .tooLong: "name.too_long"
        case .invalidCharacter: "name.invalid_character"
        case .misplacedPunctuation: "name.misplaced_punctuation"
        }
    }

    public var message: LocalizedMessage {
        switch self {
        case .empty:
            LocalizedMessage(vi: "Vui lòng nhập họ và tên", en: "Please enter the full name")
        case .tooShort:
            LocalizedMessage(
                vi: "Họ và tên phải có ít nhất \(PersonName.minimumLength) ký tự",
                en: "The full name must have at least \(PersonName.minimumLength) characters")
        case .tooLong:
            LocalizedMessage(
                vi: "Họ và tên không được dài quá \(PersonName.maximumLength) ký tự",
                en: "The full name must not be longer than \(PersonName.maximumLength) characters")
        case .invalidCharacter(let character):
            LocalizedMessage(
                vi: "Họ và tên chỉ được gồm chữ cái, dấu cách, dấu nháy đơn và gạch nối; ký tự \"\(character)\" không hợp lệ",
                en: "The full name may contain only letters, spaces, apostrophes and hyphens; \"\(character)\" is not allowed")
        case .misplacedPunctuation:
            LocalizedMessage(
                vi: "Dấu nháy đơn và gạch nối chỉ được đặt giữa các chữ cái",
                en: "Apostrophes and hyphens may only stand between letters")
        }
    }
}
