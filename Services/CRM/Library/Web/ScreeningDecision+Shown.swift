import WebPages

extension ScreeningDecision: ShownCode {
    /// Staff's decision on a duplicate, as the branch console offers and shows it.
    func shown(in language: PageLanguage) -> String {
        switch self {
        case .cleared: language.pick("Đã giải trình: được tiếp tục", "Explained: may proceed")
        case .refused: language.pick("Trùng thật: từ chối yêu cầu", "Upheld: the request is turned down")
        }
    }
}
