import WebPages

extension TariffGroup {
    /// The tariff group `value` names, as the branch console shows it; `nil` for a group crm
    /// does not name, so that a page shows nothing rather than a raw value.
    static func shown(_ value: Any?, in language: PageLanguage) -> String? {
        guard let code = value as? String else { return nil }
        switch code {
        case of(.residential): return language.pick("Sinh hoạt (bậc thang)", "Residential (tiered)")
        case of(.business): return language.pick("Kinh doanh", "Business")
        case of(.production): return language.pick("Sản xuất", "Production")
        case of(.publicService): return language.pick("Hành chính sự nghiệp", "Public service")
        default: return nil
        }
    }
}
