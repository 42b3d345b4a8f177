import VietnameseIdentity

/// Not an error: the ID number given is a 9-digit legacy people's ID (*CMND*).
///
/// The request is accepted, but the customer is told to bring the 12-digit citizen ID, and
/// staff know that screening by this number is weaker (the card is no longer issued).
public struct LegacyIDNotice: FieldProblem, Hashable {
    public init() {}

    public var code: String { "id_number.legacy" }

    public var message: LocalizedMessage {
        LocalizedMessage(
            vi: "Đã nhận số CMND 9 chữ số; vui lòng mang theo CCCD 12 chữ số khi ký hợp đồng",
            en: "A 9-digit legacy ID card number was accepted; please bring the 12-digit citizen ID when signing the contract")
    }
}
