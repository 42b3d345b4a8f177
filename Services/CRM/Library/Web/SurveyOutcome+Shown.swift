import Contracts
import WebPages

extension SurveyRecorded.Outcome: ShownCode {
    /// The site survey's finding, as the branch console offers and shows it.
    public func shown(in language: PageLanguage) -> String {
        switch self {
        case .feasible: language.pick("Đủ điều kiện cấp điện", "Can be connected")
        case .needsPoleOrCable: language.pick("Cần bổ sung cột hoặc cáp", "Needs a pole or cable")
        case .infeasible: language.pick("Chưa đủ điều kiện cấp điện", "Cannot be connected")
        }
    }
}
