import WebPages

extension ServiceStage: ShownCode {
    /// The step a service request waits at, as the branch console shows it.
    func shown(in language: PageLanguage) -> String {
        switch self {
        case .screening: language.pick("Chờ kiểm tra hồ sơ hộ", "Awaiting the household check")
        case .review: language.pick("Chờ điện lực quyết định", "Awaiting the branch's decision")
        case .fieldWork: language.pick("Chờ nhân viên hiện trường", "Awaiting the field visit")
        case .counting: language.pick("Chờ cập nhật số hộ", "Awaiting the household count")
        case .signing: language.pick("Chờ chủ hợp đồng mới ký", "Awaiting the new holder's signature")
        case .closed: language.pick("Đã xong", "Finished")
        }
    }
}
