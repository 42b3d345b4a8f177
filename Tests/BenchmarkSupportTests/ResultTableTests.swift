import BenchmarkSupport
import Testing

@Suite struct ResultTableTests {
    @Test func aWrongCountFailsTheRunNamingIt() {
        let table = ResultTable(nameWidth: 30)
        table.check("tickets opened", 24, expected: 24)
        table.check("lost (filed but never closed)", 2, expected: 0)
        let error = #expect(throws: BenchmarkError.self) { try table.verdict("bench-flow") }
        #expect(error?.description == "bench-flow: 1 check(s) failed: lost (filed but never closed)")
    }

    @Test func aMissedTargetIsAMeasurementNotAFailure() throws {
        let table = ResultTable(nameWidth: 30)
        table.row("accepted at intake", "190 req/s", target: "≥ 1000", met: false)
        table.check("lost (filed but never closed)", 0, expected: 0)
        table.check("incidents / areas hit", "12 / 12", expected: "≤ areas", passed: true)
        try table.verdict("bench-flow")
    }
}
