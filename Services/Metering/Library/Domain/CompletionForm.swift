import VietnameseIdentity

/// The body of `POST /api/v1/work-orders/{id}/completion` as sent, before any check.
struct CompletionForm: Decodable, Sendable {
    var meterSerial: String?
    var initialReadingKWh: Int?
    var sealNumbers: [String]?

    /// The completion, when every field is valid and the serial is the meter `reserved` for the order.
    func validated(reserved: String) throws(ValidationFailure) -> WorkOrderCompletion {
        var validation = Validation()
        let serial = validation.required("meterSerial", meterSerial) { (text: String) throws(MeteringProblem) in
            let serial = try MeterStockValidator.serial(text)
            guard serial == reserved else { throw .notReservedMeter(reserved: reserved) }
            return serial
        }
        if (initialReadingKWh ?? -1) < 0 {
            validation.add(MeteringProblem.negativeReading, at: "initialReadingKWh")
        }
        let seals = (sealNumbers ?? []).map { $0.trimmingCharacters(in: .whitespaces) }
        if !(1...WorkOrderCompletion.maximumSeals).contains(seals.count) {
            validation.add(MeteringProblem.sealCount, at: "sealNumbers")
        }
        for (index, seal) in seals.enumerated() where seal.isEmpty || seal.count > 32 {
            validation.add(MeteringProblem.invalidSeal, at: "sealNumbers[\(index)]")
        }
        try validation.finish()
        return WorkOrderCompletion(meterSerial: serial!, initialReadingKWh: initialReadingKWh!, sealNumbers: seals)
    }
}
