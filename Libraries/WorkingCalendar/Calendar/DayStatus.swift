/// The full status of one day, for calendars shown to staff: besides working and
/// non-working days it singles out the Saturdays that are worked in exchange for a swap,
/// which otherwise surprise people.
public enum DayStatus: Sendable, Hashable {
    /// An ordinary working day (Monday–Friday, no holiday).
    case working
    /// A weekend day that the year's decision made a working day.
    case makeUpWorkingDay(LocalizedName)
    /// A day off, with the reason.
    case nonWorking(NonWorkingReason)

    /// Whether requests are handled on this day and it counts towards service-time limits.
    public var isWorkingDay: Bool {
        if case .nonWorking = self { return false }
        return true
    }
}
