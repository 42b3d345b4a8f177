import VietnameseIdentity

/// What households' rules find wrong with a field, with a stable code and a message in
/// Vietnamese and English.
public enum HouseholdsProblem: FieldProblem, Hashable {
    /// A customer code must be 5 to 20 upper-case letters or digits.
    case invalidCustomerCode
    /// A unit is a branch code: 2 to 16 upper-case letters or digits.
    case invalidUnit
    /// The ID number already belongs to another household of the same dossier.
    case duplicateIdNumber
    /// The household book number already belongs to another household of the same dossier.
    case duplicateHouseholdBook
    /// A meter serial must be 4 to 32 letters, digits or `-`.
    case invalidMeterSerial
    /// A household book number is 4 to 20 letters or digits.
    case invalidHouseholdBook
    /// An address is 3 to 200 characters; an issuer's name 5 to 200.
    case invalidAddress
    case invalidIssuer
    /// A confirmation number is 1 to 40 characters.
    case invalidConfirmationNumber
    /// A day is written `YYYY-MM-DD`.
    case invalidDate
    /// A confirmation cannot be issued after today.
    case issuedInFuture
    /// A confirmation cannot end before it is issued.
    case validBeforeIssued
    /// A tenant group has 1 to 50 registered persons.
    case invalidPersons
    /// The billing system's area class is `urban` or `rural`.
    case invalidAreaClass
    /// A household count is a whole number of households or quarters: `2`, `2.5`, `3.25`.
    case invalidHouseholdCount
    /// A row's role is `main` or `sub`.
    case invalidRole
    /// A name or text field is required and is empty.
    case invalidText
    /// A reason is one of the coded reasons.
    case invalidReason
    /// A supervisor's override must say why, in 10 to 500 characters.
    case invalidOverrideReason
    /// A month is written `YYYY-MM`.
    case invalidMonth
    /// A page of a list holds 1 to ``ListPage/maxLimit`` entries.
    case invalidLimit
    /// A page starts after the entry the previous page named as its `next`.
    case invalidAfter

    public var code: String {
        switch self {
        case .invalidCustomerCode: "customer_code.invalid"
        case .invalidUnit: "unit.invalid"
        case .duplicateIdNumber: "id_number.duplicate_in_dossier"
        case .duplicateHouseholdBook: "household_book.duplicate_in_dossier"
        case .invalidMeterSerial: "meter.serial_invalid"
        case .invalidHouseholdBook: "household_book.invalid"
        case .invalidAddress: "address.invalid"
        case .invalidIssuer: "confirmation.issuer_invalid"
        case .invalidConfirmationNumber: "confirmation.number_invalid"
        case .invalidDate: "date.invalid"
        case .issuedInFuture: "confirmation.issued_in_future"
        case .validBeforeIssued: "confirmation.ends_before_issued"
        case .invalidPersons: "persons.invalid"
        case .invalidAreaClass: "area_class.invalid"
        case .invalidHouseholdCount: "household_count.invalid"
        case .invalidRole: "role.invalid"
        case .invalidText: "text.invalid"
        case .invalidReason: "reason.invalid"
        case .invalidOverrideReason: "override.reason_invalid"
        case .invalidMonth: "month.invalid"
        case .invalidLimit: "limit.invalid"
        case .invalidAfter: "after.invalid"
        }
    }

    public var message: LocalizedMessage {
        switch self {
        case .invalidCustomerCode:
            LocalizedMessage(vi: "Mã khách hàng phải gồm 5 đến 20 chữ cái in hoa hoặc chữ số",
                             en: "The customer code must be 5 to 20 upper-case letters or digits")
        case .invalidUnit:
            LocalizedMessage(vi: "Mã đơn vị phải gồm 2 đến 16 chữ cái in hoa hoặc chữ số",
                             en: "The unit code must be 2 to 16 upper-case letters or digits")
        case .duplicateIdNumber:
            LocalizedMessage(vi: "Số CCCD này đã được khai cho một hộ khác trong cùng hồ sơ",
                             en: "This ID number is already given for another household of the same dossier")
        case .duplicateHouseholdBook:
            LocalizedMessage(vi: "Số sổ hộ khẩu này đã được khai cho một hộ khác trong cùng hồ sơ",
                             en: "This household book number is already given for another household of the same dossier")
        case .invalidMeterSerial:
            LocalizedMessage(vi: "Số chế tạo công tơ phải gồm 4 đến 32 chữ cái, chữ số hoặc dấu gạch nối",
                             en: "The meter serial must be 4 to 32 letters, digits or hyphens")
        case .invalidHouseholdBook:
            LocalizedMessage(vi: "Số sổ hộ khẩu phải gồm 4 đến 20 chữ cái hoặc chữ số",
                             en: "The household book number must be 4 to 20 letters or digits")
        case .invalidAddress:
            LocalizedMessage(vi: "Địa chỉ phải dài từ 3 đến 200 ký tự",
                             en: "The address must be 3 to 200 characters long")
        case .invalidIssuer:
            LocalizedMessage(vi: "Tên cơ quan xác nhận phải dài từ 5 đến 200 ký tự",
                             en: "The issuing authority must be 5 to 200 characters long")
        case .invalidConfirmationNumber:
            LocalizedMessage(vi: "Số giấy xác nhận phải dài từ 1 đến 40 ký tự",
                             en: "The confirmation number must be 1 to 40 characters long")
        case .invalidDate:
            LocalizedMessage(vi: "Ngày phải có dạng NNNN-TT-NN và là một ngày có thật",
                             en: "The date must be a real day written YYYY-MM-DD")
        case .issuedInFuture:
            LocalizedMessage(vi: "Ngày cấp xác nhận không được sau ngày hôm nay",
                             en: "The confirmation cannot be issued after today")
        case .validBeforeIssued:
            LocalizedMessage(vi: "Ngày hết hạn không được trước ngày cấp",
                             en: "The confirmation cannot end before it was issued")
        case .invalidPersons:
            LocalizedMessage(vi: "Số người ở trọ phải từ 1 đến 50",
                             en: "The number of tenants must be 1 to 50")
        case .invalidAreaClass:
            LocalizedMessage(vi: "Khu vực phải là urban (thành thị) hoặc rural (nông thôn)",
                             en: "The area class must be urban or rural")
        case .invalidHouseholdCount:
            LocalizedMessage(vi: "Số hộ phải là số nguyên dương hoặc có phần lẻ 0,25, 0,5, 0,75",
                             en: "The household count must be a positive whole number or end in .25, .5 or .75")
        case .invalidRole:
            LocalizedMessage(vi: "Vai trò phải là main (hộ chính) hoặc sub (hộ dùng chung)",
                             en: "The role must be main or sub")
        case .invalidText:
            LocalizedMessage(vi: "Trường này phải dài từ 2 đến 200 ký tự",
                             en: "This field must be 2 to 200 characters long")
        case .invalidReason:
            LocalizedMessage(vi: "Lý do không thuộc danh mục", en: "The reason is not one of the listed reasons")
        case .invalidOverrideReason:
            LocalizedMessage(vi: "Lý do chấp thuận phải dài từ 10 đến 500 ký tự",
                             en: "The override reason must be 10 to 500 characters long")
        case .invalidMonth:
            LocalizedMessage(vi: "Tháng phải có dạng NNNN-TT", en: "The month must be written YYYY-MM")
        case .invalidLimit:
            LocalizedMessage(vi: "Số dòng mỗi trang phải từ 1 đến \(ListPage.maxLimit)",
                             en: "A page holds 1 to \(ListPage.maxLimit) entries")
        case .invalidAfter:
            LocalizedMessage(vi: "Trang sau bắt đầu từ giá trị next của trang trước",
                             en: "A page starts after the next of the previous page")
        }
    }
}
