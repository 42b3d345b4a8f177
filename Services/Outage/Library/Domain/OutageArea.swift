/// What the reports of one incident have in common: the most precise place outage knows.
///
/// A transformer station (known from the reporter's supply point) is what actually loses
/// power, so reports naming one cluster by it; otherwise by commune; a report by a customer
/// code outage has no supply point for clusters with the branch's other such reports.
struct OutageArea: Sendable, Hashable, CustomStringConvertible {
    /// `station:<code>`, `commune:<code>` or `branch`: the `area` column and the event's field.
    let description: String

    static func station(_ code: String) -> OutageArea { OutageArea(description: "station:\(code)") }
    static func commune(_ code: String) -> OutageArea { OutageArea(description: "commune:\(code)") }
    static let wholeBranch = OutageArea(description: "branch")

    /// The area of a report: the supply point's station, else the commune named or the supply point's, else the branch.
    static func of(communeCode: String?, supplyPoint: SupplyPoint?) -> OutageArea {
        if let station = supplyPoint?.stationCode { return .station(station) }
        if let commune = communeCode ?? supplyPoint?.communeCode { return .commune(commune) }
        return .wholeBranch
    }
}
