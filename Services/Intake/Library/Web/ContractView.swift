import Contracts
import ServiceAreas
import WebPages

/// The drafted contract as the signing page shows it before the signature, so that nobody
/// signs what they have not read: the parties, the supply point, the meter, the tariff group,
/// the households sharing the meter and the terms, in the page's language, printable.
struct ContractView {
    let contract: ContractDrafted
    let areas: ServiceAreaTable

    /// The values of the `contract` template.
    func context(_ language: PageLanguage) -> [String: Any] {
        var context: [String: Any] = [
            "contractNumber": contract.contractNumber, "requestCode": contract.requestCode,
            "seller": seller, "sellerHotline": contract.branch.hotline,
            "buyer": contract.holderName, "address": address,
            "meterSerial": contract.meterSerial, "purpose": contract.purpose.shown(in: language),
            "tariffGroup": Self.tariffGroup(contract.tariffGroup, language), "householdCount": contract.householdCount,
            "term": Self.term(contract.termMonths, endsOn: contract.endsOn, language),
            "draftedOn": ShownTime.dayAndTime(contract.draftedAt),
            "terms": clauses(language),
        ]
        context["buyerId"] = contract.holderIdMasked
        return context
    }

    /// The branch that sells, as the contract names it.
    var seller: String { "Điện lực \(contract.branch.name)" }

    /// The supply point: street, commune, province.
    var address: String {
        let site = contract.site
        let commune = areas.area(communeCode: site.communeCode)?.communeName
        return [site.street, commune, site.province].compactMap { $0 }.joined(separator: ", ")
    }

    /// The clauses both parties undertake, in order, in `language`.
    func clauses(_ language: PageLanguage) -> [String] {
        (Self.terms + Self.renewal(contract.termMonths, takenOver: contract.endsOn != nil)).map { language.pick($0.vi, $0.en) }
    }

    /// How long the contract runs: to the last day of a contract a new holder takes over as it
    /// stands, a fixed term counted from the signature (its end day is known once signed), or no
    /// end date, as every household's contract.
    static func term(_ months: Int?, endsOn: CalendarDate? = nil, _ language: PageLanguage) -> String {
        if let endsOn {
            let day = ShownTime.day(endsOn.description)
            return language.pick("Đến hết ngày \(day)", "Until the end of \(day)")
        }
        guard let months else { return language.pick("Không thời hạn", "Open-ended (no end date)") }
        return language.pick("\(months) tháng kể từ ngày ký", "\(months) months from the day it is signed")
    }

    /// What a contract with a term undertakes about its end: none for an open-ended one.
    /// A contract a new holder takes over keeps its end day, so it says no term from the signature.
    static func renewal(_ months: Int?, takenOver: Bool = false) -> [(vi: String, en: String)] {
        guard let months else { return [] }
        if takenOver {
            return [("Trước khi hợp đồng hết hạn, Bên mua điện có thể đề nghị gia hạn thêm \(months) tháng.",
                     "Before the contract ends, the buyer may ask to renew it for another \(months) months.")]
        }
        return [("Hợp đồng có thời hạn \(months) tháng kể từ ngày ký; trước khi hết hạn, Bên mua điện có thể đề nghị gia hạn thêm \(months) tháng.",
                 "The contract runs for \(months) months from the day it is signed; before it ends, the buyer may ask to renew it for another \(months) months.")]
    }

    /// The tariff table's name for a group crm names by code; an unknown code as it came.
    static func tariffGroup(_ code: String, _ language: PageLanguage) -> String {
        switch code {
        case "residential-tiered":
            language.pick("Giá bán lẻ điện sinh hoạt (bậc thang)", "Residential retail tariff (tiered)")
        case "business": language.pick("Giá bán lẻ điện cho kinh doanh", "Retail tariff for business")
        case "production": language.pick("Giá bán lẻ điện cho sản xuất", "Retail tariff for production")
        case "public-service":
            language.pick("Giá bán lẻ điện cho hành chính sự nghiệp", "Retail tariff for public services")
        default: code
        }
    }

    /// What both parties undertake, whatever the supply point.
    static let terms: [(vi: String, en: String)] = [
        ("Bên bán điện cung cấp điện an toàn, liên tục, đúng chất lượng tại địa điểm sử dụng điện nêu trên, trừ khi ngừng, giảm mức cung cấp điện theo quy định của pháp luật và có thông báo trước.",
         "The seller supplies electricity safely, continuously and to the required quality at the supply point above, except for interruptions or reductions the law allows, announced in advance."),
        ("Bên mua điện thanh toán tiền điện hằng tháng theo chỉ số công tơ và giá bán lẻ điện do Nhà nước quy định cho nhóm giá nêu trên.",
         "The buyer pays each month for the energy the meter records, at the retail tariff the State sets for the tariff group above."),
        ("Với giá sinh hoạt, định mức mỗi bậc giá được nhân với số hộ dùng chung công tơ nêu trên.",
         "On the residential tariff, each tier's allowance is multiplied by the number of households sharing the meter above."),
        ("Công tơ do Bên bán điện lắp đặt, niêm phong và kiểm định; Bên mua điện có quyền đề nghị kiểm tra, kiểm định công tơ.",
         "The seller installs, seals and verifies the meter; the buyer may ask for the meter to be inspected or verified."),
        ("Khi thay đổi mục đích sử dụng điện, số hộ dùng chung công tơ hoặc chủ hợp đồng, Bên mua điện báo Bên bán điện để điều chỉnh hợp đồng.",
         "The buyer tells the seller when the purpose of use, the number of households sharing the meter or the holder changes, so that the contract is amended."),
        ("Hợp đồng có hiệu lực từ khi Bên mua điện ký bằng mã xác nhận gửi qua tin nhắn đến số điện thoại đã đăng ký.",
         "The contract takes effect when the buyer signs it with the code sent by text message to the registered phone."),
    ]
}
