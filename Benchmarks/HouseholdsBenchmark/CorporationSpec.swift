import WorkingCalendar

/// What synthetic corporation to generate: its size, its seed and how many duplicates to
/// plant.
struct CorporationSpec {
    /// Customers in the CMIS export; about a tenth share a meter (household count ≥ 2).
    var customers: Int
    var seed: UInt64
    /// People whose ID number is planted in two (a fifth of them three) dossiers.
    var plantedIDs: Int
    /// Household book numbers planted in two dossiers.
    var plantedBooks: Int
    /// The day confirmations are counted as valid on.
    var today: CalendarDay
}
