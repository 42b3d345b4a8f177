import Contracts
import VietnameseIdentity
import WorkingCalendar

/// Turns a ``MeterStockForm`` into a ``ReceivedMeter``, or into every field error at once.
struct MeterStockValidator: Sendable {
    /// Checks the form as received on `today` (in Vietnam).
    ///
    /// - Parameter branch: the staff member's own branch; `nil` for corporation staff, who
    ///   must then name the receiving branch in `branchCode`.
    func validate(_ form: MeterStockForm, branch: String?, today: CalendarDay) throws(ValidationFailure) -> ReceivedMeter {
        var validation = Validation()
        let serial = validation.required("serial", form.serial, Self.serial)
        let phase = form.phase.flatMap(MeterPhase.init(rawValue:))
        if phase == nil { validation.add(MeteringProblem.invalidPhase, at: "phase") }
        let verifiedOn = validation.required("verifiedOn", form.verifiedOn) { (text: String) throws(MeteringProblem) in
            let day = try Self.day(text)
            guard day <= today else { throw .verifiedInFuture }
            return day
        }
        let validUntil = validation.required("verificationValidUntil", form.verificationValidUntil, Self.day)
        if let verifiedOn, let validUntil, validUntil < verifiedOn {
            validation.add(MeteringProblem.validityBeforeVerification, at: "verificationValidUntil")
        }
        let branchCode = branch ?? validation.required("branchCode", form.branchCode, Self.branchCode)
        try validation.finish()
        return ReceivedMeter(serial: serial!, phase: phase!,
                             verification: Verification(verifiedOn: verifiedOn!, validUntil: validUntil!),
                             branchCode: branchCode!)
    }

    /// A manufacturer's serial, as ``MeterSerial`` checks it.
    static func serial(_ input: String) throws(MeteringProblem) -> String {
        guard let serial = MeterSerial(input) else { throw .invalidSerial }
        return serial.value
    }

    private static func day(_ text: String) throws(MeteringProblem) -> CalendarDay {
        guard let day = CalendarDay(text.trimmingCharacters(in: .whitespaces)) else { throw .invalidDay }
        return day
    }

    private static func branchCode(_ input: String) throws(MeteringProblem) -> String {
        guard let code = BranchCode(input) else { throw .invalidBranchCode }
        return code.value
    }
}
