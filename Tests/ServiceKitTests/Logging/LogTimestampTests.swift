import Foundation
@testable import ServiceKit
import Testing

/// Every line's timestamp reads as Foundation's ISO 8601 style writes it (UTC, milliseconds):
/// across leap days, century years and the instants just before midnight and 1970.
@Suite struct LogTimestampTests {
    private static let foundation = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    private func text(_ date: Date) -> String {
        LogRecord(timestamp: date, level: .info, service: "intake", message: "", metadata: [:]).timestampText
    }

    @Test func aLineTimestampIsISO8601InUTCWithMilliseconds() {
        #expect(text(Date(timeIntervalSince1970: 1_714_550_400.125)) == "2024-05-01T08:00:00.125Z")
        #expect(text(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
        #expect(text(Date(timeIntervalSince1970: 951_868_799.999)) == "2000-02-29T23:59:59.999Z")
    }

    /// Instants whose fraction a `Double` holds exactly, so Foundation's style cannot differ by its
    /// own rounding: leap days, century years, the last instant of a day and of 1969.
    @Test(arguments: [
        0.0, -0.125, -86_400, 951_782_400, 951_868_799.5, 1_709_164_800.25, 4_107_542_400, 4_102_444_799.875,
        1_735_689_599.5, 253_402_300_799.5,
    ])
    func writesWhatFoundationWrites(_ seconds: Double) {
        let date = Date(timeIntervalSince1970: seconds)
        #expect(text(date) == Self.foundation.format(date))
    }

    /// Any instant to 2100 reads back, through Foundation's ISO 8601 parser, as itself to the
    /// millisecond: within 2 ms, as the writer cuts the fraction and the parser, reading
    /// `.xyz` into a `Double`, may lose one more (a wrong day, hour or second is off by far more).
    @Test func tenThousandInstantsReadBackToTheMillisecond() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<10_000 {
            let milliseconds = Int64.random(in: 0...4_102_444_800_000, using: &generator)
            let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
            let written = text(date)
            let read = try Self.foundation.parse(written)
            #expect(abs(read.timeIntervalSince(date)) < 0.002, "\(milliseconds) ms written \(written)")
        }
    }
}
