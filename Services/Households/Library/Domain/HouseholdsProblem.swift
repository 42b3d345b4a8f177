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
    /// A meter serial must be 4 to 32 letters, digits or `-`.
    case invalidMeterSerial

    public var code: String {
        switch self {
        case .invalidCustomerCode: "customer_code.invalid"
        case .invalidUnit: "unit.invalid"
        case .duplicateIdNumber: "id_number.duplicate_in_dossier"
        case .invalidMeterSerial: "meter.serial_invalid"
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
        case .invalidMeterSerial:
            LocalizedMessage(vi: "Số chế tạo công tơ phải gồm 4 đến 32 chữ cái, chữ số hoặc dấu gạch nối",
                             en: "The meter serial must be 4 to 32 letters, digits or hyphens")
        }
    }
}
