import WebPages

extension DossierStatus: ShownCode {
    /// The dossier's status as the households pages show it.
    public func shown(in language: PageLanguage) -> String {
        switch self {
        case .active: language.pick("Đang hiệu lực", "In force")
        case .closed: language.pick("Đã đóng", "Closed")
        }
    }
}
