import VietnameseIdentity

/// What outage's own rules find wrong with a field, with a stable code and a message in
/// Vietnamese and English.
enum OutageProblem: FieldProblem, Hashable {
    /// The commune is not served by the branch named.
    case communeNotOfBranch(code: String, branch: String)
    /// No served branch has this code.
    case unknownBranch(code: String)
    /// Not an instant with its offset, such as `2026-12-10T07:30:00+07:00`.
    case instantFormat
    /// The start is past.
    case startsInPast
    /// The end is not after the start, or the outage lasts longer than ``PlannedOutageRules/longest``.
    case endNotAfterStart
    case tooLong(maximumHours: Int)
    /// Less than five days' notice without an urgent reason (Circular 22/2020/TT-BCT).
    case noticeTooShort(days: Int)
    /// Text shorter or longer than allowed, or with control characters.
    case textLength(minimum: Int, maximum: Int)
    /// A planned outage covers at least one and at most ``PlannedOutageRules/maximumCommunes`` communes.
    case communeCount(maximum: Int)
    /// Not a customer code (``CustomerCode``).
    case customerCodeFormat
    /// The customer code's first six characters name another branch than the row's.
    case customerCodeOfOtherBranch(branch: String)
    /// Not a Vietnamese mobile number.
    case phoneFormat

    var code: String {
        switch self {
        case .communeNotOfBranch: "commune.other_branch"
        case .unknownBranch: "branch.unknown"
        case .instantFormat: "instant.format"
        case .startsInPast: "planned_outage.starts_in_past"
        case .endNotAfterStart: "planned_outage.end_before_start"
        case .tooLong: "planned_outage.too_long"
        case .noticeTooShort: "planned_outage.notice_too_short"
        case .textLength: "text.length"
        case .communeCount: "planned_outage.commune_count"
        case .customerCodeFormat: "customer_code.format"
        case .customerCodeOfOtherBranch: "customer_code.other_branch"
        case .phoneFormat: "phone.invalid"
        }
    }

    var message: LocalizedMessage {
        switch self {
        case .communeNotOfBranch(let code, let branch):
            LocalizedMessage(vi: "Xã/phường \(code) không thuộc Điện lực \(branch)",
                             en: "Commune \(code) is not served by branch \(branch)")
        case .unknownBranch(let code):
            LocalizedMessage(vi: "Không có Điện lực mã \(code)", en: "There is no branch with code \(code)")
        case .instantFormat:
            LocalizedMessage(vi: "Thời điểm phải có dạng 2026-12-10T07:30:00+07:00",
                             en: "An instant is written like 2026-12-10T07:30:00+07:00")
        case .startsInPast:
            LocalizedMessage(vi: "Thời điểm bắt đầu đã qua", en: "The start is in the past")
        case .endNotAfterStart:
            LocalizedMessage(vi: "Thời điểm đóng điện lại phải sau thời điểm bắt đầu",
                             en: "The restoration must come after the start")
        case .tooLong(let hours):
            LocalizedMessage(vi: "Một lần tạm ngừng cấp điện không quá \(hours) giờ",
                             en: "One planned outage lasts at most \(hours) hours")
        case .noticeTooShort(let days):
            LocalizedMessage(
                vi: "Phải thông báo trước ít nhất \(days) ngày (Thông tư 22/2020/TT-BCT); nếu khẩn cấp, ghi rõ lý do khẩn cấp",
                en: "Customers must be told at least \(days) days ahead (Circular 22/2020/TT-BCT); if urgent, give the urgent reason")
        case .textLength(let minimum, let maximum):
            LocalizedMessage(vi: "Nội dung phải dài từ \(minimum) đến \(maximum) ký tự, không có ký tự điều khiển",
                             en: "The text must be \(minimum) to \(maximum) characters long, without control characters")
        case .communeCount(let maximum):
            LocalizedMessage(vi: "Chọn từ 1 đến \(maximum) xã/phường", en: "Choose 1 to \(maximum) communes")
        case .customerCodeFormat:
            LocalizedMessage(vi: "Mã khách hàng gồm 5 đến 20 chữ cái in hoa hoặc chữ số, ví dụ PC05TK0012345",
                             en: "A customer code is 5 to 20 upper-case letters or digits, e.g. PC05TK0012345")
        case .customerCodeOfOtherBranch(let branch):
            LocalizedMessage(vi: "Mã khách hàng không thuộc Điện lực \(branch): sáu ký tự đầu là mã Điện lực quản lý",
                             en: "This customer code is not one of branch \(branch): its first six characters name its branch")
        case .phoneFormat:
            LocalizedMessage(vi: "Số điện thoại di động không hợp lệ", en: "This is not a valid Vietnamese mobile number")
        }
    }
}
