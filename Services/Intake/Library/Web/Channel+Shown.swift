import Contracts
import WebPages

extension Channel {
    /// The channel as the tracking page and the call-centre console name it.
    func shown(in language: PageLanguage) -> String {
        switch self {
        case .web: language.pick("Cổng dịch vụ trực tuyến", "the online portal")
        case .phone: language.pick("Tổng đài 1900 1909", "the 1900 1909 call centre")
        case .sms: language.pick("Tin nhắn SMS", "SMS")
        case .email: language.pick("Thư điện tử", "E-mail")
        }
    }
}
