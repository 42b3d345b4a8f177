import StaffAuth

extension StaffRole: ShownCode {
    /// The role as staff call it, on the staff pages and their refusals.
    public func shown(in language: PageLanguage) -> String {
        switch self {
        case .customerService: language.pick("Giao dịch khách hàng", "Customer service")
        case .fieldTechnician: language.pick("Kỹ thuật hiện trường", "Field technician")
        case .meterStock: language.pick("Quản lý kho công tơ", "Meter stock")
        case .householdsOfficer: language.pick("Cán bộ hộ dùng chung", "Households officer")
        case .householdsSupervisor: language.pick("Giám sát hộ dùng chung", "Households supervisor")
        case .dispatcher: language.pick("Điều độ", "Dispatcher")
        case .callCentre: language.pick("Tổng đài viên", "Call-centre operator")
        case .branchHead: language.pick("Giám đốc điện lực", "Branch head")
        case .wallBoard: language.pick("Bảng tin điện lực (thiết bị)", "Branch wall board (device)")
        }
    }
}
