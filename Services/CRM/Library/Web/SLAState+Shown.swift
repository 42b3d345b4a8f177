import WebPages

extension SLAState: ShownCode {
    /// Where the ticket stands against its deadline, as the branch console says it.
    func shown(in language: PageLanguage) -> String {
        switch self {
        case .onTrack: language.pick("trong hạn", "on track")
        case .dueToday: language.pick("đến hạn hôm nay", "due today")
        case .breached: language.pick("quá hạn", "past the deadline")
        case .met: language.pick("đã xong đúng hạn", "done in time")
        }
    }
}
