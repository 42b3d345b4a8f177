/// A code (an enum's raw value in the API's JSON and the forms) that pages show by its words
/// in the page's language, so staff and customers never read `clear` or `needs_pole_or_cable`.
public protocol ShownCode: RawRepresentable<String> {
    /// The code as people say it, in `language`.
    func shown(in language: PageLanguage) -> String
}

extension ShownCode {
    /// The words for the code `value` holds (a value of decoded JSON); `nil` when it holds no
    /// such code, so that a page shows nothing rather than a raw value.
    public static func shown(_ value: Any?, in language: PageLanguage) -> String? {
        (value as? String).flatMap(Self.init(rawValue:))?.shown(in: language)
    }
}

extension ShownCode where Self: CaseIterable {
    /// Every code as a form's `<option>`: `value` posted, `label` shown.
    public static func choices(in language: PageLanguage) -> [[String: String]] {
        allCases.map { ["value": $0.rawValue, "label": $0.shown(in: language)] }
    }
}
