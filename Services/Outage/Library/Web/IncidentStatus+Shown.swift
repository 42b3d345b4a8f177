import WebPages

extension IncidentStatus: ShownCode {
    /// Where the incident is, as the dispatcher's board shows it.
    func shown(in language: PageLanguage) -> String {
        switch self {
        case .open: language.pick("Chưa cử tổ sửa chữa", "No crew sent yet")
        case .crewAssigned: language.pick("Tổ sửa chữa đang xử lý", "Crew at work")
        case .restored: language.pick("Đã khôi phục cấp điện", "Power restored")
        }
    }
}
