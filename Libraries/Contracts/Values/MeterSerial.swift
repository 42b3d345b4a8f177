import Foundation

/// A meter's manufacturer serial as typed by staff, checked: 4 to 32 ASCII letters, digits
/// or `-`, e.g. `VSE-11-2503`.
///
/// Metering stocks meters by serial and households keeps it on shared-meter dossiers; both
/// accept the same serials, so a meter typed into one is found by the other.
public struct MeterSerial: Sendable, Hashable, CustomStringConvertible {
    /// How many characters a serial has.
    public static let lengths = 4...32

    /// The serial, upper-cased.
    public let value: String

    /// `text` trimmed and upper-cased, when that is a meter serial; else `nil`.
    public init?(_ text: String) {
        let serial = text.trimmingCharacters(in: .whitespaces).uppercased()
        guard Self.lengths.contains(serial.count),
              serial.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" })
        else { return nil }
        value = serial
    }

    public var description: String { value }
}
