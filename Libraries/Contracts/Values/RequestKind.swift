/// The kind of customer request, which decides its steps and its service-time limit
/// (the corporation's published standards, `domain.md`).
///
/// The two connection kinds travel as `intake.request.submitted` and run the connection flow
/// (survey, meter, contract); every other kind concerns an existing supply point, named by its
/// customer code, and travels as `intake.service-request.submitted`.
public enum RequestKind: String, Codable, Sendable, CaseIterable {
    /// A new low-voltage connection (residential, shared-meter residential or non-residential).
    case newLowVoltageConnection = "new_lv_connection"
    /// A new medium-voltage connection: 30 working days.
    case newMediumVoltageConnection = "new_mv_connection"
    /// The contract passes to a new holder: 3 working days.
    case changeOfHolder = "change_of_holder"
    /// The electricity is used for another purpose, so another tariff group applies: 3.
    case changeOfPurpose = "change_of_purpose"
    /// The contract is renewed for a new term: 3.
    case contractRenewal = "contract_renewal"
    /// The contract ends; metering takes the final reading: 3.
    case contractTermination = "contract_termination"
    /// More households share the meter (screened and counted by households): 3.
    case householdCountChange = "household_count_change"
    /// The meter is inspected on the customer's request (Electricity Law art. 25.3): 3.
    case meterInspection = "meter_inspection"
    /// The meter is verified (*kiểm định*) on the customer's request: 5; the customer pays
    /// the fee only when the meter proves accurate.
    case meterVerification = "meter_verification"
    /// A disputed verification is verified again by an independent body: 15.
    case independentVerification = "independent_verification"
    /// A sub-household gets its own meter, split off the shared one: as a new connection.
    case meterSplit = "meter_split"

    /// Whether the kind runs the connection flow (`intake.request.submitted`).
    public var isConnection: Bool {
        self == .newLowVoltageConnection || self == .newMediumVoltageConnection
    }
}
