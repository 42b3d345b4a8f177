/// crm asks metering to install a meter at a surveyed site (flow step 5).
///
/// Metering takes a verified meter of the given phase from the branch's stock and opens a
/// work order; it answers with `metering.work-order.opened`.
public struct InstallMeter: MessageContract {
    public static let routingKey = "metering.install-meter"
    public static let version = 1
    public static let kind = MessageKind.command

    public var requestCode: String
    /// What was asked for, which metering names again on the order's events so that crm hands
    /// them to the right ticket without looking the request up. Absent from messages
    /// published before the field was added.
    public var requestKind: RequestKind?
    /// The branch whose stock and field staff do the work.
    public var branchCode: String
    public var phase: MeterPhase
    /// Where to install (personal data: a residence).
    public var site: Site
    /// Set when the new meter splits a sub-household off a shared meter; metering then also
    /// announces `metering.meter.split` when the meter is installed.
    public var split: Split?

    /// The sub-household that gets its own meter, and the contract it moves to.
    public struct Split: Codable, Sendable, Equatable {
        /// The shared meter's customer code.
        public var sharedCustomerCode: String
        /// households' reference of the sub-household.
        public var subHouseholdId: String
        /// The customer code of the sub-household's own contract.
        public var newCustomerCode: String

        public init(sharedCustomerCode: String, subHouseholdId: String, newCustomerCode: String) {
            self.sharedCustomerCode = sharedCustomerCode
            self.subHouseholdId = subHouseholdId
            self.newCustomerCode = newCustomerCode
        }
    }

    public init(
        requestCode: String, requestKind: RequestKind?, branchCode: String, phase: MeterPhase, site: Site,
        split: Split? = nil
    ) {
        self.requestCode = requestCode
        self.requestKind = requestKind
        self.branchCode = branchCode
        self.phase = phase
        self.site = site
        self.split = split
    }
}
