import Foundation

extension Date {
    /// This instant cut to the whole second below it: the one rounding rule of every instant a
    /// service stores or sends. Message bodies carry ISO-8601 instants without a fraction
    /// (`JSONCoding`), so an instant kept with its fraction would no longer equal the same
    /// instant read back from a message, and a comparison of the two would depend on where
    /// within its second it was taken.
    public var wholeSeconds: Date {
        Date(timeIntervalSince1970: timeIntervalSince1970.rounded(.down))
    }
}
