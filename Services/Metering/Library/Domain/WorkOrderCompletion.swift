/// What the technician reports when the meter is installed and sealed, after every check.
struct WorkOrderCompletion: Sendable {
    /// A meter and its terminal cover carry at most four seals.
    static let maximumSeals = 4

    var meterSerial: String
    var initialReadingKWh: Int
    var sealNumbers: [String]
}
