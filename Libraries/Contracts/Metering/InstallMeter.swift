/// crm asks metering to install a meter at a surveyed site (flow step 5).
///
/// Metering takes a verified meter of the given phase from the branch's stock and opens a
/// work order; it answers with `metering.work-order.opened`.
public struct InstallMeter: MessageContract {
    public static let routingKey = "metering.install-meter"
    public static let version = 1
    public static let kind = MessageKind.command

    public var requestCode: String
    /// The branch whose stock and field staff do the work.
    public var branchCode: String
    public var phase: MeterPhase
    /// Where to install (personal data: a residence).
    public var site: Site

    public init(requestCode: String, branchCode: String, phase: MeterPhase, site: Site) {
        self.requestCode = requestCode
        self.branchCode = branchCode
        self.phase = phase
        self.site = site
    }
}
