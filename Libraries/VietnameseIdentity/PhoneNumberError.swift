/// Why a text is not a Vietnamese mobile number that can receive an SMS.
///
/// Each case is one thing the customer can fix; a landline gets its own code because it is a
/// real, reachable number that just cannot take the one-time codes and notices we send.
public enum PhoneNumberError: FieldProblem, Hashable {
    /// Nothing but whitespace was given.
    case empty
    /// A character other than digits, a leading `+`, spaces, dots, dashes or parentheses.
    case invalidCharacters
    /// The number of digits does not make a Vietnamese number.
    case wrongLength(digitCount: Int)
    /// The number has a country code other than +84.
    case foreignNumber
    /// A Vietnamese landline (area codes 02x): reachable by voice, not by SMS.
    case landline
    /// A 10-digit number whose first three digits are not a mobile network code.
    case unknownPrefix(code: String)
    /// An 11-digit mobile number from before the 2018 conversion; `newCode` replaces `oldCode`.
    case obsoletePrefix(oldCode: String, newCode: String)
    /// A service number (1800 free-phone, 1900 premium-rate) or another non-mobile number.
    case notMobile

    public var code: String {
        switch self {
        case .empty: "phone.empty"
        case .invalidCharacters: "phone.invalid_characters"
        case .wrongLength: "phone.wrong_length"
        case .foreignNumber: "phone.foreign_number"
        case .landline: "phone.landline"
        case .unknownPrefix: "phone.unknown_prefix"
        case .obsoletePrefix: "phone.obsolete_prefix"
        case .notMobile: "phone.not_mobile"
        }
    }

    public var message: LocalizedMessage {
        switch self {
        case .empty:
            LocalizedMessage(
                vi: "Vui lòng nhập số điện thoại di động",
                en: "Please enter a mobile phone number")
        case .invalidCharacters:
            LocalizedMessage(
                vi: "Số điện thoại chỉ được gồm chữ số, có thể kèm dấu + ở đầu và dấu cách, dấu chấm hoặc gạch ngang",
                en: "A phone number may contain only digits, a leading +, spaces, dots or dashes")
        case .wrongLength(let count):
            LocalizedMessage(
                vi: "Số điện thoại di động phải có 10 chữ số (bắt đầu bằng 0), số đã nhập có \(count) chữ số",
                en: "A mobile number must have 10 digits (starting with 0); the number entered has \(count)")
        case .foreignNumber:
            LocalizedMessage(
                vi: "Chỉ chấp nhận số điện thoại di động Việt Nam (+84)",
                en: "Only Vietnamese mobile numbers (+84) are accepted")
        case .landline:
            LocalizedMessage(
                vi: "Số điện thoại cố định không nhận được tin nhắn SMS, vui lòng nhập số di động",
                en: "Landline numbers cannot receive SMS; please enter a mobile number")
        case .unknownPrefix(let code):
            LocalizedMessage(
                vi: "Đầu số \(code) không phải đầu số di động Việt Nam",
                en: "\(code) is not a Vietnamese mobile prefix")
        case .obsoletePrefix(let oldCode, let newCode):
            LocalizedMessage(
                vi: "Đầu số \(oldCode) đã được chuyển thành \(newCode) từ năm 2018, vui lòng nhập số mới (10 chữ số)",
                en: "The prefix \(oldCode) was changed to \(newCode) in 2018; please enter the new 10-digit number")
        case .notMobile:
            LocalizedMessage(
                vi: "Đây không phải số điện thoại di động, vui lòng nhập số di động để nhận tin nhắn SMS",
                en: "This is not a mobile number; please enter a mobile number that can receive SMS")
        }
    }
}
