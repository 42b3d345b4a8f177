import VietnameseIdentity

/// What metering's rules find wrong with a field, with a stable code and a message in
/// Vietnamese and English.
public enum MeteringProblem: FieldProblem, Hashable {
    /// A serial must be 4 to 32 letters, digits or `-`.
    case invalidSerial
    /// The phase is neither 1 nor 3.
    case invalidPhase
    /// The text is not a `YYYY-MM-DD` day.
    case invalidDay
    /// The verification day is after today.
    case verifiedInFuture
    /// The certificate's last valid day is before its verification day.
    case validityBeforeVerification
    /// A branch code must be 2 to 16 upper-case letters or digits.
    case invalidBranchCode
    /// A reading in kWh must be a whole number, 0 or more.
    case negativeReading
    /// Between 1 and ``WorkOrderCompletion/maximumSeals`` seal numbers are required.
    case sealCount
    /// A seal number is blank or longer than 32 characters.
    case invalidSeal
    /// The serial installed is not the meter reserved for the work order.
    case notReservedMeter(reserved: String)
    /// The serial is not the meter metering knows at the customer code.
    case notVisitedMeter(known: String)
    /// A measured error must be a percentage between -100 and 100.
    case invalidMeasuredError
    /// The accuracy class must be 0.5, 1 or 2.
    case invalidAccuracyClass
    /// Findings must be at most 500 characters, without control characters.
    case invalidFindings

    public var code: String {
        switch self {
        case .invalidSerial: "meter.serial_invalid"
        case .invalidPhase: "meter.phase_invalid"
        case .invalidDay: "date.invalid"
        case .verifiedInFuture: "verification.in_future"
        case .validityBeforeVerification: "verification.validity_before_verification"
        case .invalidBranchCode: "branch.code_invalid"
        case .negativeReading: "reading.negative"
        case .sealCount: "seals.count"
        case .invalidSeal: "seals.invalid"
        case .notReservedMeter: "meter.not_reserved_for_work_order"
        case .notVisitedMeter: "meter.not_at_customer"
        case .invalidMeasuredError: "check.error_invalid"
        case .invalidAccuracyClass: "check.accuracy_class_invalid"
        case .invalidFindings: "findings.invalid"
        }
    }

    public var message: LocalizedMessage {
        switch self {
        case .invalidSerial:
            LocalizedMessage(vi: "Số chế tạo công tơ phải gồm 4 đến 32 chữ cái, chữ số hoặc dấu gạch nối",
                             en: "The meter serial must be 4 to 32 letters, digits or hyphens")
        case .invalidPhase:
            LocalizedMessage(vi: "Số pha phải là 1 hoặc 3", en: "The phase must be 1 or 3")
        case .invalidDay:
            LocalizedMessage(vi: "Ngày phải theo dạng YYYY-MM-DD và là ngày có thật",
                             en: "The date must be a real day written YYYY-MM-DD")
        case .verifiedInFuture:
            LocalizedMessage(vi: "Ngày kiểm định không được sau ngày hôm nay",
                             en: "The verification date must not be after today")
        case .validityBeforeVerification:
            LocalizedMessage(vi: "Ngày hết hạn kiểm định không được trước ngày kiểm định",
                             en: "The verification validity must not end before the verification date")
        case .invalidBranchCode:
            LocalizedMessage(vi: "Mã điện lực phải gồm 2 đến 16 chữ cái in hoa hoặc chữ số",
                             en: "The branch code must be 2 to 16 upper-case letters or digits")
        case .negativeReading:
            LocalizedMessage(vi: "Chỉ số công tơ phải là số nguyên không âm (kWh)",
                             en: "The meter reading must be a whole number of kWh, 0 or more")
        case .sealCount:
            LocalizedMessage(
                vi: "Cần từ 1 đến \(WorkOrderCompletion.maximumSeals) số niêm phong",
                en: "Between 1 and \(WorkOrderCompletion.maximumSeals) seal numbers are required")
        case .invalidSeal:
            LocalizedMessage(vi: "Số niêm phong không được để trống và không dài quá 32 ký tự",
                             en: "A seal number must not be blank nor longer than 32 characters")
        case .notReservedMeter(let reserved):
            LocalizedMessage(vi: "Công tơ này không phải công tơ đã dành cho lệnh công tác (công tơ \(reserved))",
                             en: "This is not the meter reserved for the work order (meter \(reserved))")
        case .notVisitedMeter(let known):
            LocalizedMessage(vi: "Công tơ này không phải công tơ đang lắp cho khách hàng (công tơ \(known))",
                             en: "This is not the meter installed for the customer (meter \(known))")
        case .invalidMeasuredError:
            LocalizedMessage(vi: "Sai số đo phải là phần trăm từ -100 đến 100",
                             en: "The measured error must be a percentage from -100 to 100")
        case .invalidAccuracyClass:
            LocalizedMessage(vi: "Cấp chính xác phải là 0.5, 1 hoặc 2", en: "The accuracy class must be 0.5, 1 or 2")
        case .invalidFindings:
            LocalizedMessage(vi: "Ghi chú không dài quá 500 ký tự và không chứa ký tự điều khiển",
                             en: "Findings must be at most 500 characters, without control characters")
        }
    }
}
