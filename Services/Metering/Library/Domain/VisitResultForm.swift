import Contracts
import Foundation
import VietnameseIdentity

/// What field staff found at a meter, checked: the serial, the reading, and for an inspection
/// or verification the measured error against the meter's accuracy class.
struct VisitResult: Sendable {
    var meterSerial: String
    var readingKWh: Int
    /// Set when the purpose measures the error.
    var measurement: (errorPercent: Double, accuracyClass: Double)?
    var findings: String?
}

/// The body of `POST /api/v1/meter-visits/{id}/result` as sent, before any check.
struct VisitResultForm: Decodable, Sendable {
    /// The accuracy classes of the meters the corporation installs (IEC 62053: 0.5S, 1, 2).
    static let accuracyClasses: Set<Double> = [0.5, 1, 2]
    static let findingsLimit = 500

    var meterSerial: String?
    var readingKWh: Int?
    var measuredErrorPercent: Double?
    var accuracyClass: Double?
    var findings: String?

    /// The result, when every field is valid; the serial must be the one metering knows for
    /// the customer code (`known`), when it knows one.
    func validated(purpose: VisitMeter.Purpose, known: String?) throws(ValidationFailure) -> VisitResult {
        var validation = Validation()
        let serial = validation.required("meterSerial", meterSerial) { (text: String) throws(MeteringProblem) in
            let serial = try MeterStockValidator.serial(text)
            if let known, serial != known { throw .notVisitedMeter(known: known) }
            return serial
        }
        if (readingKWh ?? -1) < 0 {
            validation.add(MeteringProblem.negativeReading, at: "readingKWh")
        }
        var measurement: (Double, Double)?
        if purpose.measuresError {
            let error = measuredErrorPercent.flatMap { $0.isFinite && (-100...100).contains($0) ? $0 : nil }
            if measuredErrorPercent == nil {
                validation.add(MissingValue(), at: "measuredErrorPercent")
            } else if error == nil {
                validation.add(MeteringProblem.invalidMeasuredError, at: "measuredErrorPercent")
            }
            let accuracyClass = accuracyClass.flatMap { Self.accuracyClasses.contains($0) ? $0 : nil }
            if self.accuracyClass == nil {
                validation.add(MissingValue(), at: "accuracyClass")
            } else if accuracyClass == nil {
                validation.add(MeteringProblem.invalidAccuracyClass, at: "accuracyClass")
            }
            if let error, let accuracyClass { measurement = (error, accuracyClass) }
        }
        let findings = findings.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        if let findings, findings.count > Self.findingsLimit || FreeText.containsControlCharacters(findings) {
            validation.add(MeteringProblem.invalidFindings, at: "findings")
        }
        try validation.finish()
        return VisitResult(meterSerial: serial!, readingKWh: readingKWh!, measurement: measurement, findings: findings)
    }
}
