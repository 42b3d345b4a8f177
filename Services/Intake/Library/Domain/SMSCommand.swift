import Foundation

/// What a customer asks by SMS, in the syntax utilities' SMS services have taught them:
/// `EVN <keyword> <code>`, written without diacritics, in any case and with any spacing.
///
/// `EVN TC <request code>` tracks a request; `EVN MD <customer code>` reports that the supply
/// has no power; `EVN LICH <customer code>` asks for the supply's planned outages. Anything
/// else, a keyword without its code included, asks for help. Diacritics are dropped first
/// (`EVN LỊCH` reads as `EVN LICH`), and the code may be split by spaces the customer typed
/// (`PC05TK 0012345`): the parts after the keyword are joined.
enum SMSCommand: Sendable, Equatable {
    case track(requestCode: String)
    case reportOutage(customerCode: String)
    case plannedOutages(customerCode: String)
    case help

    /// The prefix every command starts with.
    static let prefix = "EVN"

    init(text: String) {
        let folded = text.replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "D")
            .folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil).uppercased()
        var words = folded.split(whereSeparator: { $0.isWhitespace || $0 == "." || $0 == "," || $0 == ":" })
            .map(String.init)
        // `EVNTC PC05TK-…` as often as `EVN TC PC05TK-…`: the prefix may be glued to the keyword.
        if let first = words.first, first.hasPrefix(Self.prefix), first.count > Self.prefix.count {
            words[0] = String(first.dropFirst(Self.prefix.count))
            words.insert(Self.prefix, at: 0)
        }
        guard words.count >= 3, words[0] == Self.prefix else {
            self = .help
            return
        }
        let code = words[2...].joined()
        switch words[1] {
        case "TC": self = .track(requestCode: code)
        case "MD": self = .reportOutage(customerCode: code)
        case "LICH": self = .plannedOutages(customerCode: code)
        default: self = .help
        }
    }

    /// The command's name in the logs.
    var name: String {
        switch self {
        case .track: "track"
        case .reportOutage: "report_outage"
        case .plannedOutages: "planned_outages"
        case .help: "help"
        }
    }
}
