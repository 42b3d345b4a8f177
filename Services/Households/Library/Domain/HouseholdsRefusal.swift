import VietnameseIdentity

/// Why the program refuses what a staff member asked, in the program's words. The HTTP edge
/// answers each with its status and bilingual message; the pages show the same message.
enum HouseholdsRefusal: Error, Sendable, Equatable {
    case dossierNotFound
    case subHouseholdNotFound
    /// No paper is kept under that id.
    case attachmentNotFound
    /// The customer code already has an active dossier.
    case customerCodeActive
    case dossierClosed
    /// The household or its dossier no longer shares the meter.
    case subHouseholdNotCurrent
    /// The household is in another dossier, which this change cannot override.
    case subHouseholdDuplicate
    /// Only a supervisor lets a duplicate through.
    case overrideNotAllowed
    /// The record is another unit's.
    case otherUnit
    /// Fields are invalid.
    case invalid(ValidationFailure)
}
