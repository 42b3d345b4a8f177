/// Why an estimate cannot be made from what the customer or the caller gave.
///
/// The service answers these with HTTP 422, so each case has a stable ``code`` that clients
/// branch on and dashboards count (it never changes once shipped) and a message in
/// Vietnamese and in English for the person who typed the value (the wording may change).
public enum TariffInputError: Error, Sendable, Hashable {
    /// The consumption is below zero.
    case negativeConsumption(kWh: Int)
    /// The consumption is above ``TariffSchedule/maximumConsumptionKWh``.
    case consumptionTooLarge(kWh: Int)
    /// The declared share of the meter is zero or less quarters of a household.
    case quartersNotPositive(quarters: Int)
    /// The declared share is above ``TariffSchedule/maximumQuarters``.
    case tooManyQuarters(quarters: Int)
    /// The day (or a period's first day) is before the first table of the schedule.
    case dayBeforeFirstTable(day: TariffDay, firstTable: TariffDay)
    /// A period's last day is before its first day.
    case periodEndsBeforeStart(from: TariffDay, through: TariffDay)
    /// A period is longer than ``TariffSchedule/maximumPeriodDays``.
    case periodTooLong(days: Int)

    /// The stable machine-readable code, e.g. `consumption.negative`.
    public var code: String {
        switch self {
        case .negativeConsumption: "consumption.negative"
        case .consumptionTooLarge: "consumption.too_large"
        case .quartersNotPositive: "households.not_positive"
        case .tooManyQuarters: "households.too_many"
        case .dayBeforeFirstTable: "tariff.day_before_first_table"
        case .periodEndsBeforeStart: "period.ends_before_start"
        case .periodTooLong: "period.too_long"
        }
    }

    /// The explanation in Vietnamese, with diacritics.
    public var vietnamese: String {
        switch self {
        case .negativeConsumption(let kWh):
            "Sản lượng điện tiêu thụ không được là số âm (đã nhập \(kWh) kWh)"
        case .consumptionTooLarge(let kWh):
            "Sản lượng \(kWh) kWh vượt quá mức tối đa \(TariffSchedule.maximumConsumptionKWh) kWh của một lần ước tính"
        case .quartersNotPositive:
            "Số hộ sử dụng chung công tơ phải lớn hơn 0"
        case .tooManyQuarters(let quarters):
            "Số hộ sử dụng chung công tơ (\(quarters) phần tư hộ) vượt quá mức tối đa \(TariffSchedule.maximumQuarters / 4) hộ"
        case .dayBeforeFirstTable(let day, let firstTable):
            "Chưa có biểu giá điện cho ngày \(day.vietnameseText); biểu giá sớm nhất áp dụng từ ngày \(firstTable.vietnameseText)"
        case .periodEndsBeforeStart(let from, let through):
            "Ngày cuối kỳ (\(through.vietnameseText)) không được trước ngày đầu kỳ (\(from.vietnameseText))"
        case .periodTooLong(let days):
            "Kỳ ghi chỉ số dài \(days) ngày, vượt quá \(TariffSchedule.maximumPeriodDays) ngày"
        }
    }

    /// The explanation in English.
    public var english: String {
        switch self {
        case .negativeConsumption(let kWh):
            "The consumption cannot be negative (\(kWh) kWh entered)"
        case .consumptionTooLarge(let kWh):
            "\(kWh) kWh is more than the \(TariffSchedule.maximumConsumptionKWh) kWh an estimate takes"
        case .quartersNotPositive:
            "The number of households sharing the meter must be greater than zero"
        case .tooManyQuarters(let quarters):
            "The households sharing the meter (\(quarters) quarters) are more than the \(TariffSchedule.maximumQuarters / 4) an estimate takes"
        case .dayBeforeFirstTable(let day, let firstTable):
            "There is no tariff for \(day); the earliest applies from \(firstTable)"
        case .periodEndsBeforeStart(let from, let through):
            "The period's last day (\(through)) is before its first day (\(from))"
        case .periodTooLong(let days):
            "The reading period is \(days) days long, more than \(TariffSchedule.maximumPeriodDays) days"
        }
    }
}
