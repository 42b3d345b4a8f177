import VietnameseIdentity

/// Why a customer's look-up (planned outages, the meter-reading schedule, a bill estimate)
/// has no answer.
enum LookupRefusal: Error, Equatable, Sendable {
    /// Fields of the query are invalid, or the tariff tables refuse its figures.
    case invalid([FieldError])
    /// The service that knows supply points has none for the customer code.
    case customerCodeUnknown
    /// Outage did not answer in time.
    case plannedOutagesUnavailable
    /// Metering did not answer in time.
    case readingScheduleUnavailable
    /// households holds no active dossier for the customer code, or not with that phone.
    case meterHouseholdsUnknown
    /// households did not answer in time.
    case meterHouseholdsUnavailable

    /// What the customer is told, each at its field ("" for the look-up as a whole).
    var errors: [FieldError] {
        switch self {
        case .invalid(let errors):
            errors
        case .customerCodeUnknown:
            [FieldError(field: "customerCode", code: "customer_code.unknown", message: LocalizedMessage(
                vi: "Không tìm thấy mã khách hàng này; vui lòng kiểm tra lại trên hóa đơn tiền điện",
                en: "This customer code is not known; please check it on your electricity bill"))]
        case .plannedOutagesUnavailable:
            [FieldError(field: "", code: "planned_outages.unavailable", message: LocalizedMessage(
                vi: "Chưa tra cứu được lịch tạm ngừng cấp điện; vui lòng thử lại sau ít phút",
                en: "The planned-outage schedule cannot be looked up right now; please try again in a few minutes"))]
        case .readingScheduleUnavailable:
            [FieldError(field: "", code: "reading_schedule.unavailable", message: LocalizedMessage(
                vi: "Chưa tra cứu được lịch ghi chỉ số công tơ; vui lòng thử lại sau ít phút",
                en: "The meter-reading schedule cannot be looked up right now; please try again in a few minutes"))]
        case .meterHouseholdsUnknown:
            [FieldError(field: "customerCode", code: "meter_households.unknown", message: LocalizedMessage(
                vi: "Không tìm thấy hồ sơ hộ dùng chung công tơ của mã khách hàng này với số điện thoại đã nhập",
                en: "No shared-meter dossier is registered for this customer code with this phone"))]
        case .meterHouseholdsUnavailable:
            [FieldError(field: "", code: "meter_households.unavailable", message: LocalizedMessage(
                vi: "Chưa tra cứu được các hộ dùng chung công tơ; vui lòng thử lại sau ít phút",
                en: "The households sharing the meter cannot be looked up right now; please try again in a few minutes"))]
        }
    }
}
