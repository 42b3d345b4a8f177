/// Who files a request or a report, as far as the phone it names is concerned.
enum Filer: Sendable, Equatable {
    /// Anyone on the internet (the portal, or the API without a signed-in operator): the texts
    /// the filing causes draw on the phone's budget (``PhoneMessageBudget``), since nobody has
    /// shown the phone is theirs.
    case anonymous
    /// A call-centre operator signed in to the console, who is speaking with the caller: the
    /// operator vouches for the phone, which is confirmed from then on.
    case signedInOperator
}
