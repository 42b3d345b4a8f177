import WebPages

extension MemberRole: ShownCode {
    /// A household's place on the shared meter, as the households pages show it.
    public func shown(in language: PageLanguage) -> String {
        switch self {
        case .main: language.pick("Hộ chính", "Main household")
        case .sub: language.pick("Hộ dùng chung", "Sharing household")
        }
    }
}
