import Attachments
import ServiceKit

/// Households' own settings, read from the service's environment (the table in
/// `Services/Households/README.md`), checked once at start-up.
struct HouseholdsSettings: Sendable {
    /// The time of day (Vietnam) of the daily residence pass, `RESIDENCE_CHECK_AT`, `HH:MM`.
    var residenceCheck: (hour: Int, minute: Int)
    /// The largest CSV file the import API takes, `IMPORT_MAX_BYTES`; larger ones go through the command.
    var importMaxBytes: Int
    /// The most main households one residence pass texts at once, `REMINDER_HOLD_ABOVE`; a pass
    /// that would text more holds its reminders for a households officer to release.
    var reminderHoldAbove: Int
    /// `ATTACHMENT_MAX_BYTES`, `ATTACHMENT_MAX_FILES`: how large a dossier's paper and how many per dossier.
    var attachments: AttachmentLimits

    /// - Throws: ``ConfigurationError`` naming the first variable whose value cannot be used.
    init(environment: [String: String]) throws(ConfigurationError) {
        let check = try TimeOfDay.setting("RESIDENCE_CHECK_AT", default: "06:00", in: environment)
        residenceCheck = (check.hour, check.minute)
        let bytes = environment["IMPORT_MAX_BYTES"].flatMap { $0.isEmpty ? nil : $0 } ?? "67108864"
        guard let limit = Int(bytes), limit >= 1024 else {
            throw ConfigurationError(variable: "IMPORT_MAX_BYTES", value: bytes, expected: "a number of bytes, 1024 or more")
        }
        importMaxBytes = limit
        let hold = environment["REMINDER_HOLD_ABOVE"].flatMap { $0.isEmpty ? nil : $0 } ?? "\(HouseholdsProgram.defaultReminderHoldAbove)"
        guard let holdAbove = Int(hold), holdAbove >= 0 else {
            throw ConfigurationError(variable: "REMINDER_HOLD_ABOVE", value: hold, expected: "a number of reminders, 0 or more")
        }
        reminderHoldAbove = holdAbove
        attachments = try AttachmentLimits(environment: environment)
    }
}
