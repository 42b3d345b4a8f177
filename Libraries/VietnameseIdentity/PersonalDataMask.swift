/// Scrubs free text — a log line, an exception message — of anything that looks like a
/// Vietnamese ID number or phone number, replacing each with its masked form.
///
/// Services mask personal data where they write it (`CitizenID` and `VietnamesePhoneNumber`
/// only print masked); this is the last line of defence for what slips through: a raw
/// request body in an error, a broker message dumped on failure. It runs on every log line,
/// so it is a single pass over the UTF-8 bytes with no regular expression and no allocation
/// unless something is replaced.
///
/// What is masked, when it stands alone (not glued to letters, and not part of a token such
/// as a UUID or `12:00:00.123456789` where it touches `-` or `.` next to a letter or digit):
/// - a run of 9 digits (legacy ID): `123456789` → `12*****89`;
/// - 12 digits starting with `0` (every citizen ID does), contiguous or grouped with spaces,
///   dots or dashes: `079 088 001 234` → `079*******34`;
/// - a mobile number in any usual form — `0912345678`, `0912 345 678`, `091.234.5678`,
///   `84912345678`, `+84 912 345 678`, `+84 0912…` — and landlines (`0235 3812 345`),
///   and pre-2018 11-digit mobiles: `+8491****678`.
///
/// Grouped numbers must use one separator throughout (after `+84` another may follow), so
/// `09.08.2024 10` — a date and an hour — is not a phone number. Grouped 9-digit numbers
/// are only masked when they start with `0`: `150.000.000` is an amount, and no amount is
/// written with a leading zero. A bare 9-digit amount (`150000000`) *is* masked: a log line
/// that loses an amount is better than one that leaks an ID. Shorter numbers (amounts,
/// dates, times, counts) and longer ones (timestamps in milliseconds) are left alone.
///
/// E-mail addresses are masked too, keeping the first character of the local part and the
/// domain: `nguyen.an@example.vn` → `n***@example.vn` (the form operators see elsewhere). An
/// address is an `@` with at least one of `A-Z a-z 0-9 . _ % + -` before it and a domain of
/// letters, digits, dots and dashes with a dot inside after it; a line without `@` costs one
/// byte search.
///
/// Known gaps: an ID glued to letters (`CCCD079088001234`), two numbers joined by a bare dash
/// (`0912345678-0987654321`), a grouped 9-digit legacy ID not starting with `0`, and an e-mail
/// address with non-ASCII letters or quoted local part.
public enum PersonalDataMask {
    /// Returns `text` with every ID-like and phone-like number and every e-mail address
    /// masked; the same string (no copy) when there is nothing to mask.
    ///
    /// - Parameter text: a line of free text.
    /// - Returns: the scrubbed text.
    public static func scrub(_ text: String) -> String {
        var text = text
        if let scrubbed = text.withUTF8({ scrub(utf8: $0) }) { text = scrubbed }
        if let masked = text.withUTF8({ maskEmails(utf8: $0) }) { text = masked }
        return text
    }
}
