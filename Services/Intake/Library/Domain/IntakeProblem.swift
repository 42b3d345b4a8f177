import Contracts
import VietnameseIdentity

/// What intake's own rules find wrong with a field, beside the identity parsers' problems.
///
/// Each case is one thing the customer (or the call-centre operator) can fix, with a stable
/// code and a message in Vietnamese and English.
public enum IntakeProblem: FieldProblem, Hashable {
    /// The commune is not in the service-area table.
    case unknownCommune(code: String)
    /// The customer did not agree to the processing of their personal data.
    case consentRequired
    /// The number of households sharing the meter is outside 1…``ConnectionRequest/maximumHouseholds``.
    case householdCountOutOfRange
    /// A contract's term is outside ``ContractTerm/allowedMonths``.
    case termOutOfRange
    /// A household's contract is open-ended: only other purposes (temporary supply) take a term.
    case termForHousehold
    /// The extra households listed do not match the declared count minus the applicant's.
    case extraHouseholdsMismatch(expected: Int)
    /// A request filed by phone must name the operator who took the call.
    case operatorRequired
    /// A request filed on the web has no operator.
    case operatorNotAllowed
    /// The value is not one of the accepted choices.
    case invalidChoice(allowed: [String])
    /// The text is longer than the limit.
    case tooLong(maximum: Int)
    /// The text holds a control character or, for an identifier, a character outside the allowed set.
    case invalidCharacters
    /// The text is not an e-mail address.
    case invalidEmail
    /// A signing code is six digits.
    case signingCodeFormat
    /// Not a customer code (``CustomerCode``).
    case customerCodeFormat
    /// The customer code names no branch of the company.
    case customerCodeNotServed
    /// An outage report names neither a customer code nor a commune.
    case outagePlaceRequired
    /// The commune named is not served by the customer code's branch.
    case communeOfOtherBranch
    /// A day is written `YYYY-MM-DD`.
    case dayFormat
    /// A count (kWh, households, persons) is a whole number, 0 or more.
    case wholeNumber
    /// The last day is before the first, or too far after it.
    case dayRange(longest: Int)
    /// The field belongs to other request kinds than this one.
    case notForKind(String)
    /// A change of holder names the requester as the new holder.
    case sameHolder
    /// An ID number appears twice in one request.
    case repeatedIdNumber
    /// A household change lists no new household, or too many.
    case newHouseholdsCount
    /// A household change lists too many sub-households that left, or names one twice.
    case leavingSubHouseholdsCount
    /// A household change names neither households joining nor households leaving.
    case householdChangeEmpty
    /// A request code or sub-household reference is malformed.
    case referenceFormat
    /// A partner's id (an SMS's, a call's) is missing, too long or spans lines.
    case partnerIdFormat
    /// An instant is written in ISO 8601 with its offset.
    case instantFormat
    /// An agent's extension is 2 to 8 digits.
    case extensionFormat

    public var code: String {
        switch self {
        case .unknownCommune: "commune.not_served"
        case .consentRequired: "consent.required"
        case .householdCountOutOfRange: "households.count_out_of_range"
        case .termOutOfRange: "term.out_of_range"
        case .termForHousehold: "term.not_for_households"
        case .extraHouseholdsMismatch: "households.count_mismatch"
        case .operatorRequired: "operator.required"
        case .operatorNotAllowed: "operator.not_allowed"
        case .invalidChoice: "choice.invalid"
        case .tooLong: "text.too_long"
        case .invalidCharacters: "text.invalid_characters"
        case .invalidEmail: "email.invalid"
        case .signingCodeFormat: "signing_code.format"
        case .customerCodeFormat: "customer_code.format"
        case .customerCodeNotServed: "customer_code.not_served"
        case .outagePlaceRequired: "outage.place_required"
        case .communeOfOtherBranch: "commune.other_branch"
        case .dayFormat: "day.format"
        case .wholeNumber: "number.whole"
        case .dayRange: "day.range"
        case .notForKind: "field.not_for_kind"
        case .sameHolder: "new_holder.same_as_requester"
        case .repeatedIdNumber: "id_number.repeated"
        case .newHouseholdsCount: "new_households.count"
        case .leavingSubHouseholdsCount: "leaving_sub_households.count"
        case .householdChangeEmpty: "household_change.empty"
        case .referenceFormat: "reference.format"
        case .partnerIdFormat: "partner_id.format"
        case .instantFormat: "instant.format"
        case .extensionFormat: "extension.format"
        }
    }

    public var message: LocalizedMessage {
        switch self {
        case .unknownCommune(let code):
            LocalizedMessage(
                vi: "Xã/phường có mã \(code) không thuộc khu vực cấp điện của công ty",
                en: "The commune or ward with code \(code) is outside the company's service area")
        case .consentRequired:
            LocalizedMessage(
                vi: "Vui lòng đồng ý cho phép xử lý dữ liệu cá nhân để gửi yêu cầu",
                en: "Please consent to the processing of your personal data to submit the request")
        case .householdCountOutOfRange:
            LocalizedMessage(
                vi: "Số hộ dùng chung công tơ phải từ 1 đến \(ConnectionRequest.maximumHouseholds)",
                en: "The number of households sharing the meter must be from 1 to \(ConnectionRequest.maximumHouseholds)")
        case .termOutOfRange:
            LocalizedMessage(
                vi: "Thời hạn hợp đồng phải từ \(ContractTerm.allowedMonths.lowerBound) đến \(ContractTerm.allowedMonths.upperBound) tháng; để trống nếu dùng điện lâu dài",
                en: "The contract's term must be from \(ContractTerm.allowedMonths.lowerBound) to \(ContractTerm.allowedMonths.upperBound) months; leave it empty for a permanent supply")
        case .termForHousehold:
            LocalizedMessage(
                vi: "Hợp đồng mua bán điện sinh hoạt không có thời hạn; vui lòng để trống thời hạn hợp đồng",
                en: "A household's electricity contract has no end date; please leave the contract's term empty")
        case .extraHouseholdsMismatch(let expected):
            LocalizedMessage(
                vi: "Vui lòng khai báo đúng \(expected) hộ dùng chung (ngoài hộ người yêu cầu), mỗi hộ gồm họ tên và số CCCD của chủ hộ",
                en: "Please list exactly \(expected) sharing household(s) besides the applicant's, each with its head's name and ID number")
        case .operatorRequired:
            LocalizedMessage(
                vi: "Yêu cầu nhận qua điện thoại phải có mã điện thoại viên",
                en: "A request taken by phone must give the operator's id")
        case .operatorNotAllowed:
            LocalizedMessage(
                vi: "Chỉ yêu cầu nhận qua điện thoại mới có mã điện thoại viên",
                en: "Only a request taken by phone has an operator's id")
        case .invalidChoice(let allowed):
            LocalizedMessage(
                vi: "Giá trị không hợp lệ, chỉ chấp nhận: \(allowed.joined(separator: ", "))",
                en: "Invalid value; accepted values: \(allowed.joined(separator: ", "))")
        case .tooLong(let maximum):
            LocalizedMessage(
                vi: "Nội dung không được dài quá \(maximum) ký tự",
                en: "The text must not be longer than \(maximum) characters")
        case .invalidCharacters:
            LocalizedMessage(
                vi: "Nội dung có ký tự không hợp lệ",
                en: "The text contains characters that are not allowed")
        case .invalidEmail:
            LocalizedMessage(
                vi: "Địa chỉ e-mail không hợp lệ",
                en: "This is not a valid e-mail address")
        case .signingCodeFormat:
            LocalizedMessage(
                vi: "Mã ký hợp đồng gồm 6 chữ số",
                en: "The signing code is six digits")
        case .customerCodeFormat:
            LocalizedMessage(
                vi: "Mã khách hàng gồm 5 đến 20 chữ cái hoặc chữ số, ví dụ PC05TK0012345 (in trên hóa đơn tiền điện)",
                en: "A customer code is 5 to 20 letters or digits, e.g. PC05TK0012345 (printed on the electricity bill)")
        case .customerCodeNotServed:
            LocalizedMessage(
                vi: "Mã khách hàng không thuộc Điện lực nào của công ty",
                en: "The customer code belongs to none of the company's branches")
        case .outagePlaceRequired:
            LocalizedMessage(
                vi: "Vui lòng nhập mã khách hàng hoặc chọn xã/phường nơi mất điện",
                en: "Please give your customer code or the commune without power")
        case .communeOfOtherBranch:
            LocalizedMessage(
                vi: "Xã/phường này không thuộc Điện lực quản lý mã khách hàng đã nhập",
                en: "This commune is not served by the branch of the customer code given")
        case .dayFormat:
            LocalizedMessage(vi: "Ngày phải có dạng YYYY-MM-DD, ví dụ 2026-12-10", en: "A day is written YYYY-MM-DD, e.g. 2026-12-10")
        case .wholeNumber:
            LocalizedMessage(vi: "Phải là một số nguyên không âm", en: "This must be a whole number, 0 or more")
        case .dayRange(let longest):
            LocalizedMessage(vi: "Ngày kết thúc phải sau ngày bắt đầu và cách không quá \(longest) ngày",
                             en: "The last day must follow the first by at most \(longest) days")
        case .notForKind(let kind):
            LocalizedMessage(vi: "Thông tin này không dùng cho loại yêu cầu \(kind); vui lòng bỏ trống",
                             en: "This field does not apply to a \(kind) request; please leave it out")
        case .sameHolder:
            LocalizedMessage(vi: "Chủ hợp đồng mới phải là người khác với người yêu cầu",
                             en: "The new holder must be someone other than the requester")
        case .repeatedIdNumber:
            LocalizedMessage(vi: "Số CCCD này đã được khai ở trên", en: "This ID number is already given above")
        case .newHouseholdsCount:
            LocalizedMessage(
                vi: "Vui lòng khai từ 1 đến \(ConnectionRequest.maximumHouseholds - 1) hộ dùng chung mới, mỗi hộ gồm họ tên và số CCCD của chủ hộ",
                en: "Please list 1 to \(ConnectionRequest.maximumHouseholds - 1) new sharing households, each with its head's name and ID number")
        case .leavingSubHouseholdsCount:
            LocalizedMessage(
                vi: "Vui lòng khai từ 1 đến \(ConnectionRequest.maximumHouseholds - 1) mã hộ dùng chung đã chuyển đi, mỗi mã một lần (ví dụ SH-1042)",
                en: "Please list 1 to \(ConnectionRequest.maximumHouseholds - 1) references of sub-households that left, each once (e.g. SH-1042)")
        case .householdChangeEmpty:
            LocalizedMessage(
                vi: "Vui lòng khai các hộ dùng chung mới, hoặc mã các hộ dùng chung đã chuyển đi",
                en: "Please list the new sharing households, or the references of the sub-households that left")
        case .referenceFormat:
            LocalizedMessage(vi: "Mã tham chiếu gồm 1 đến 40 chữ cái, chữ số hoặc dấu gạch nối",
                             en: "A reference is 1 to 40 letters, digits or hyphens")
        case .partnerIdFormat:
            LocalizedMessage(vi: "Mã định danh phải có, dài không quá \(IntakeFields.maximumPartnerIdLength) ký tự, trên một dòng",
                             en: "The id is required, at most \(IntakeFields.maximumPartnerIdLength) characters on one line")
        case .instantFormat:
            LocalizedMessage(vi: "Thời điểm phải theo ISO 8601, ví dụ 2026-12-03T08:15:00+07:00",
                             en: "An instant is written in ISO 8601, e.g. 2026-12-03T08:15:00+07:00")
        case .extensionFormat:
            LocalizedMessage(vi: "Số máy lẻ gồm 2 đến 8 chữ số", en: "An extension is 2 to 8 digits")
        }
    }
}
