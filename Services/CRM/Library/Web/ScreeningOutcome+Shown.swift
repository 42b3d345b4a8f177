import Contracts
import WebPages

extension ScreeningCompleted.Outcome: ShownCode {
    /// What the corporation-wide household screening found, as the branch console says it.
    public func shown(in language: PageLanguage) -> String {
        switch self {
        case .clear: language.pick("Không trùng hồ sơ nào", "No duplicate found")
        case .conflict: language.pick("Trùng hồ sơ đang hiệu lực", "Duplicate of an active dossier")
        }
    }
}
