/// Where the electricity is used: the address to connect, and the branch that serves it.
///
/// Personal data (a residence). The branch and area class are resolved by intake from the
/// commune, so every later service routes by them without its own address table.
public struct Site: Codable, Sendable, Equatable {
    /// Province or centrally-run city, e.g. `Đà Nẵng`.
    public var province: String
    /// The national code of the commune or ward (5 digits), e.g. `20314`.
    public var communeCode: String
    /// House number, street, hamlet or village.
    public var street: String
    /// The branch (*Điện lực*) that serves the commune, e.g. `PC05TK`.
    public var branchCode: String
    /// Whether the commune is urban or rural.
    public var areaClass: AreaClass

    public init(province: String, communeCode: String, street: String, branchCode: String, areaClass: AreaClass) {
        self.province = province
        self.communeCode = communeCode
        self.street = street
        self.branchCode = branchCode
        self.areaClass = areaClass
    }
}
