import Contracts

/// One commune or ward the company serves, and the branch that owns requests from it.
///
/// The customer only names a commune; every later step routes by the branch and the SLA
/// class found here, so no other service keeps an address table of its own.
public struct ServiceArea: Codable, Sendable, Equatable {
    /// The national code of the commune or ward (5 digits), e.g. `20314`.
    public var communeCode: String
    /// The commune's name as customers write it, e.g. `Phường Hòa Xuân`.
    public var communeName: String
    /// The province or centrally-run city the code belongs to, e.g. `Đà Nẵng`.
    public var province: String
    /// The branch (*Điện lực*) that serves the commune.
    public var branch: Branch
    /// Urban or rural: decides the SLA limit of requests from the commune.
    public var areaClass: AreaClass

    public init(communeCode: String, communeName: String, province: String, branch: Branch, areaClass: AreaClass) {
        self.communeCode = communeCode
        self.communeName = communeName
        self.province = province
        self.branch = branch
        self.areaClass = areaClass
    }
}
