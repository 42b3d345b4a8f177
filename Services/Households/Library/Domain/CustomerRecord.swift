import Contracts

/// One customer of the billing system's (CMIS) export, checked.
struct CustomerRecord: Sendable, Equatable {
    var customerCode: String
    var name: String
    var address: String
    var branch: String
    var areaClass: AreaClass
    /// The count the customer is billed with; ≥ 2 households makes it a main household of the program.
    var households: HouseholdQuarters
}
