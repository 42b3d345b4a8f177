import Hummingbird

/// The language a page is shown in: Vietnamese by default, English on the switch in every
/// page's header (`?lang=en`), remembered in the `lang` cookie so the next page keeps it.
public enum PageLanguage: String, Sendable, CaseIterable {
    case vi
    case en

    static let cookie = "lang"

    /// The language `request` asks for: its `lang` query parameter, else its cookie, else Vietnamese.
    public init(_ request: Request) {
        if let asked = request.uri.queryParameters.get("lang").flatMap(PageLanguage.init(rawValue:)) {
            self = asked
        } else if let kept = request.cookies[Self.cookie].flatMap({ PageLanguage(rawValue: $0.value) }) {
            self = kept
        } else {
            self = .vi
        }
    }

    /// The other language, offered on the switch.
    var other: PageLanguage { self == .vi ? .en : .vi }

    /// `vi` or `en` of a pair of texts.
    public func pick(_ vi: String, _ en: String) -> String { self == .vi ? vi : en }
}
