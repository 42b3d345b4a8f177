/// Why a sub-household still shares the main household's meter: the coded list the monthly
/// report counts by, with free text beside it for what the code does not say.
public enum NotSplitReason: String, Codable, Sendable, CaseIterable {
    /// The households live in one dwelling: there is no separate place to supply.
    case sharedDwelling = "shared_dwelling"
    /// Tenants in rented rooms on the landlord's meter.
    case rentedRooms = "rented_rooms"
    /// No low-voltage line reaches a separate supply point yet.
    case noSupplyPoint = "no_supply_point"
    /// The household cannot afford its own connection and wiring yet.
    case cost
    /// Land or ownership papers for a separate connection are not ready.
    case pendingDocuments = "pending_documents"
    /// The household does not want its own meter.
    case declined
    /// Something else: the note says what.
    case other

    /// The Vietnamese and English labels, as the printed report shows them.
    public var label: (vi: String, en: String) {
        switch self {
        case .sharedDwelling: ("Ở chung một nhà", "One shared dwelling")
        case .rentedRooms: ("Phòng trọ dùng công tơ chủ nhà", "Rented rooms on the landlord's meter")
        case .noSupplyPoint: ("Chưa có lưới điện hạ áp đến điểm đấu nối riêng", "No low-voltage supply point yet")
        case .cost: ("Chưa đủ kinh phí đấu nối", "Cannot afford the connection yet")
        case .pendingDocuments: ("Chưa đủ giấy tờ nhà đất", "Land or ownership papers pending")
        case .declined: ("Không có nhu cầu tách", "Does not want its own meter")
        case .other: ("Lý do khác", "Other reason")
        }
    }
}
