/// Why a text is not a usable citizen ID number.
///
/// Each case is one thing the customer can fix, with its own stable `code`, so the form can
/// say precisely what is wrong ("province code 099 does not exist") instead of "invalid".
public enum CitizenIDError: FieldProblem, Hashable {
    /// Nothing but whitespace was given.
    case empty
    /// Something other than digits and spaces was given.
    case notDigits
    /// The number of digits is neither 12 (citizen ID) nor 9 (legacy people's ID).
    case wrongLength(digitCount: Int)
    /// The first three digits are not a birth-registration province code.
    case unknownProvince(code: String)
    /// The century digit and the year digits give a birth year after the reference date.
    case birthYearInFuture(year: Int)
    /// The birth year is more than `CitizenID.maximumAge` years before the reference date.
    case birthYearTooOld(year: Int)

    public var code: String {
        switch self {
        case .empty: "id_number.empty"
        case .notDigits: "id_number.not_digits"
        case .wrongLength: "id_number.wrong_length"
        case .unknownProvince: "id_number.invalid_province"
        case .birthYearInFuture: "id_number.birth_year_in_future"
        case .birthYearTooOld: "id_number.birth_year_too_old"
        }
    }

    public var message: LocalizedMessage {
        switch self {
        case .empty:
            LocalizedMessage(
                vi: "Vui lòng nhập số CCCD (12 chữ số) hoặc số CMND (9 chữ số)",
                en: "Please enter the citizen ID number (12 digits) or the old ID card number (9 digits)")
        case .notDigits:
            LocalizedMessage(
                vi: "Số CCCD chỉ được gồm các chữ số",
                en: "The citizen ID number may contain digits only")
        case .wrongLength(let count):
            LocalizedMessage(
                vi: "Số CCCD phải có 12 chữ số (CMND cũ: 9 chữ số), số đã nhập có \(count) chữ số",
                en: "The citizen ID number must have 12 digits (old ID card: 9 digits); the number entered has \(count)")
        case .unknownProvince(let code):
            LocalizedMessage(
                vi: "Số CCCD không hợp lệ: mã tỉnh \(code) không tồn tại",
                en: "Invalid citizen ID: province code \(code) does not exist")
        case .birthYearInFuture(let year):
            LocalizedMessage(
                vi: "Số CCCD không hợp lệ: năm sinh \(String(year)) chưa tới",
                en: "Invalid citizen ID: birth year \(String(year)) is in the future")
        case .birthYearTooOld(let year):
            LocalizedMessage(
                vi: "Số CCCD không hợp lệ: năm sinh \(String(year)) cách đây hơn \(CitizenID.maximumAge) năm",
                en: "Invalid citizen ID: birth year \(String(year)) is more than \(CitizenID.maximumAge) years ago")
        }
    }
}
