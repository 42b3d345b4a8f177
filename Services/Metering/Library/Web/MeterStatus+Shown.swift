import WebPages

extension MeterStatus: ShownCode {
    /// Where a meter is, as the stock page shows it.
    public func shown(in language: PageLanguage) -> String {
        switch self {
        case .inStock: language.pick("Trong kho", "In stock")
        case .reserved: language.pick("Đã dành cho lệnh công tác", "Reserved for a work order")
        case .installed: language.pick("Đã lắp đặt", "Installed")
        }
    }
}
