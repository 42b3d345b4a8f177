import Foundation

/// crm ended a supply point's contract: a termination's final reading was taken.
///
/// From `effectiveOn` nobody holds a contract for the customer code: outage drops the supply
/// point, so its phone gets no more outage texts and its look-ups answer as for an unknown code.
/// The holder hears of the final reading from `crm.request.progressed`, as the one who asked.
public struct ContractEnded: MessageContract {
    public static let routingKey = "crm.contract.ended"
    public static let version = 1
    public static let kind = MessageKind.event

    /// The contract ended; absent when crm does not hold it (one signed before crm kept
    /// contracts), when the supply point still ends.
    public var contractNumber: String?
    /// The termination's request.
    public var requestCode: String
    public var branch: Branch
    /// The supply point that no longer has a contract.
    public var customerCode: String
    /// The Vietnam calendar day of the final reading, from which the contract is ended.
    public var effectiveOn: CalendarDate
    /// When the final reading was taken.
    public var endedAt: Date

    public init(contractNumber: String?, requestCode: String, branch: Branch, customerCode: String,
                effectiveOn: CalendarDate, endedAt: Date) {
        self.contractNumber = contractNumber
        self.requestCode = requestCode
        self.branch = branch
        self.customerCode = customerCode
        self.effectiveOn = effectiveOn
        self.endedAt = endedAt
    }
}
