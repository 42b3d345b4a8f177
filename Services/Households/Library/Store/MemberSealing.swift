import Foundation
import PersonalData
import VietnameseIdentity

/// Turns a household head's personal data into the columns a member row stores: sealed values,
/// keyed fingerprints for equality search, masked forms for display.
///
/// The name, ID number and (in one sealed record) household book and permanent address are
/// sealed with AES-GCM; the ID number and household book are also fingerprinted (HMAC), which
/// is all the corporation-wide duplicate check needs. Nothing is stored in plain text.
struct MemberSealing: Sendable {
    /// The sealed extra details: one AES-GCM box for both, as both are only ever shown together.
    /// Sealed as the two texts joined by U+001F (unit separator), which validated text never holds:
    /// bulk imports seal hundreds of thousands, and a JSON encoder per row cost more than the seal.
    struct Details: Sendable, Equatable {
        var householdBook: String?
        var permanentAddress: String?

        var packed: String { "\(householdBook ?? "")\u{1F}\(permanentAddress ?? "")" }

        init(householdBook: String?, permanentAddress: String?) {
            self.householdBook = householdBook
            self.permanentAddress = permanentAddress
        }

        init(packed: String) {
            let parts = packed.split(separator: "\u{1F}", maxSplits: 1, omittingEmptySubsequences: false)
            householdBook = parts.first.flatMap { $0.isEmpty ? nil : String($0) }
            permanentAddress = parts.count > 1 && !parts[1].isEmpty ? String(parts[1]) : nil
        }
    }

    /// A member's columns, ready to bind.
    struct Sealed: Sendable {
        var name: Data
        var id: Data
        var idFingerprint: String
        var idMasked: String
        var idLegacy: Bool
        var details: Data?
        var bookFingerprint: String?
        var bookMasked: String?
    }

    let personalData: PersonalDataProtector

    func seal(name: PersonName, id: CitizenID, householdBook: String?, permanentAddress: String?) -> Sealed {
        let details = householdBook == nil && permanentAddress == nil ? nil
            : personalData.seal(Details(householdBook: householdBook, permanentAddress: permanentAddress).packed)
        return Sealed(
            name: personalData.seal(name.value), id: personalData.seal(id.unmaskedDigits),
            idFingerprint: personalData.fingerprint(id.unmaskedDigits), idMasked: id.masked, idLegacy: id.isLegacy,
            details: details, bookFingerprint: householdBook.map { personalData.fingerprint(Self.bookFingerprinted($0)) },
            bookMasked: householdBook.map(Self.mask))
    }

    func openDetails(_ sealed: Data?) throws -> Details? {
        guard let sealed else { return nil }
        return Details(packed: try personalData.open(sealed))
    }

    /// Every fingerprint an ID number may be stored under (one per configured key), for look-ups.
    func idFingerprints(_ id: CitizenID) -> [String] {
        personalData.fingerprints(id.unmaskedDigits)
    }

    /// Every fingerprint a household book may be stored under, for look-ups.
    func bookFingerprints(_ book: String) -> [String] {
        personalData.fingerprints(Self.bookFingerprinted(book))
    }

    /// What a household book's fingerprint is made of: the book with a `book:` prefix, kept
    /// apart from ID numbers' so equal digits never match across kinds.
    static func bookFingerprinted(_ book: String) -> String {
        "book:" + book
    }

    /// The first two and last two characters, the rest as `*`: `12*****89`.
    static func mask(_ book: String) -> String {
        let characters = Array(book)
        guard characters.count > 4 else { return String(repeating: "*", count: characters.count) }
        return String(characters.prefix(2)) + String(repeating: "*", count: characters.count - 4) + String(characters.suffix(2))
    }
}
