import WebPages

extension MemberStatus: ShownCode {
    /// Whether a household still shares the meter, as the households pages show it.
    public func shown(in language: PageLanguage) -> String {
        switch self {
        case .active: language.pick("Đang dùng chung", "Sharing the meter")
        case .ended: language.pick("Đã thôi dùng chung", "No longer sharing")
        case .split: language.pick("Đã tách công tơ", "Has its own meter")
        }
    }
}
