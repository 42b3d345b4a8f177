import Contracts
import WebPages

extension TicketClosed.Resolution: ShownCode {
    /// How a ticket ended, as the branch console shows it.
    public func shown(in language: PageLanguage) -> String {
        switch self {
        case .contractSigned: language.pick("Đã ký hợp đồng", "Contract signed")
        case .refused: language.pick("Không chấp thuận", "Turned down")
        case .completed: language.pick("Đã thực hiện", "Carried out")
        }
    }
}
