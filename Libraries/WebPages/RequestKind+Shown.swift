import Contracts

extension RequestKind: ShownCode {
    /// The kind as customers and staff call it, on every service's pages.
    public func shown(in language: PageLanguage) -> String {
        switch self {
        case .newLowVoltageConnection: language.pick("Cấp điện mới hạ áp", "New low-voltage connection")
        case .newMediumVoltageConnection: language.pick("Cấp điện mới trung áp", "New medium-voltage connection")
        case .changeOfHolder: language.pick("Thay đổi chủ thể hợp đồng", "Change of contract holder")
        case .changeOfPurpose: language.pick("Thay đổi mục đích sử dụng điện", "Change of purpose of use")
        case .contractRenewal: language.pick("Gia hạn hợp đồng mua bán điện", "Contract renewal")
        case .contractTermination: language.pick("Chấm dứt hợp đồng mua bán điện", "Contract termination")
        case .householdCountChange: language.pick("Thay đổi số hộ dùng chung công tơ", "Change of households sharing the meter")
        case .meterInspection: language.pick("Kiểm tra công tơ", "Meter inspection")
        case .meterVerification: language.pick("Kiểm định công tơ", "Meter verification")
        case .independentVerification: language.pick("Kiểm định độc lập", "Independent verification")
        case .meterSplit: language.pick("Tách công tơ cho hộ dùng chung", "Split a shared meter")
        }
    }
}
