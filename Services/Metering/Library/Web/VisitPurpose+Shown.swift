import Contracts
import WebPages

extension VisitMeter.Purpose: ShownCode {
    /// Why the technician goes to the meter, as the technicians' pages say it.
    public func shown(in language: PageLanguage) -> String {
        switch self {
        case .inspection: language.pick("Kiểm tra công tơ", "Meter inspection")
        case .verification: language.pick("Kiểm định công tơ", "Meter verification")
        case .independentVerification: language.pick("Kiểm định độc lập", "Independent verification")
        case .finalReading: language.pick("Chốt chỉ số", "Final reading")
        }
    }
}
