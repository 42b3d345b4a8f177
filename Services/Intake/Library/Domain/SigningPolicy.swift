/// The rules of signing a contract with a one-time code (flow steps 6–7), in one place;
/// the README's signing section states the same numbers.
enum SigningPolicy {
    /// How long a code signs, in minutes: long enough to read an SMS and type six digits,
    /// short enough that a code read off a lost phone later is useless.
    static let codeValidityMinutes = 10
    /// Wrong codes a session takes before it is locked: a guesser gets 5 chances in a million.
    static let maximumWrongAttempts = 5
    /// Codes one contract may be sent within an hour, the first one included, so that nobody
    /// can flood a customer's phone with texts.
    static let maximumCodesPerHour = 3

    static var codeValidity: Double { Double(codeValidityMinutes * 60) }
}
