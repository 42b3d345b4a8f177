import Foundation
import Households

/// One run's measurements, printed as the results table: the steps of the program and of both
/// `sqlite3` baselines, every count checked against the planted truth, and the targets.
///
/// The end-to-end target is judged against the store-schema baseline (same sealed rows, same
/// schema and indexes, same durability); the ratio to the bare baseline (plain CSV into
/// unindexed TEXT tables) is printed beside it, for comparison with earlier runs.
struct RunResults {
    let corporation: GeneratedCorporation
    let ours: HouseholdsRun.Outcome
    let storeSchema: BaselineOutcome
    let bare: BaselineOutcome

    func print(to report: Report) {
        Swift.print("results:")
        report.stepHeading(ours: "ours", baselines: ["sqlite3, store", "sqlite3, bare"])
        report.step("create store schema", ours: nil, baselines: [storeSchema.createSchema, bare.createSchema])
        report.step("import CMIS customers", ours: ours.importCustomers, baselines: [storeSchema.importCustomers, bare.importCustomers])
        report.step("import dossiers", ours: ours.importDossiers, baselines: [storeSchema.importDossiers, bare.importDossiers])
        report.step("duplicate report", ours: ours.duplicates, baselines: [storeSchema.duplicates, bare.duplicates])
        report.step("reconciliation (repricing list)", ours: ours.repricing,
                    baselines: [storeSchema.reconciliation, bare.reconciliation])
        report.step("end to end", ours: ours.total, baselines: [storeSchema.total, bare.total])
        Swift.print("  (store: the program's stored rows, sealed and fingerprinted, into its own schema and indexes;")
        Swift.print("   bare: the CSV files into plain unindexed tables; ours creates its schema before the clock starts)")
        printChecks(to: report)
        printTargets(to: report)
    }

    private func printChecks(to report: Report) {
        report.heading("checks:")
        for (name, baseline) in [("sqlite3, store", storeSchema), ("sqlite3, bare", bare)] {
            report.check("\(name): duplicate cases (ID + book)", baseline.duplicateIDCases + baseline.duplicateBookCases,
                         expected: corporation.duplicateCases)
            report.check("\(name): customers to reprice", baseline.repricingCases, expected: corporation.repricingCases)
        }
        report.check("ours: CMIS rows rejected", ours.customerImport.rejected, expected: 0)
        report.check("ours: dossier rows rejected", ours.dossierImport.rejected, expected: 0)
        report.check("ours: duplicate cases", ours.duplicateCases, expected: corporation.duplicateCases)
        report.check("ours: customers to reprice", ours.repricingCases, expected: corporation.repricingCases)
        report.check("ours: fresh sub-households registered", ours.registrations.registered, expected: ours.registrations.expectedRegistered)
        report.check("ours: planted people refused as duplicates", ours.registrations.refused, expected: ours.registrations.expectedRefused)
        let pass = ours.residencePass
        report.check("ours: dossiers recounted at start-up", pass.pass.recounted, expected: 0)
        let again = pass.secondPass
        report.check("ours: left to do by a second pass that day",
                     again.recounted + again.remindersSent + again.remindersHeld + again.remindersWithoutPhone, expected: 0)
        for rejection in ours.firstRejections {
            Swift.print("      rejected: \(rejection)")
        }
        if let error = ours.registrations.firstError {
            Swift.print("      registration failed: \(error)")
        }
    }

    private func printTargets(to report: Report) {
        let ratio = ours.total.seconds / storeSchema.total.seconds
        let bareRatio = ours.total.seconds / bare.total.seconds
        let latencies = ours.registrations.latencies
        report.heading("targets:")
        report.target("end to end, ours / sqlite3 store schema", String(format: "%.2f", ratio), "≤ 1.5", met: ratio <= 1.5)
        Swift.print("  \("end to end, ours / sqlite3 bare (not judged)".padding(toLength: 44, withPad: " ", startingAt: 0)) "
                    + String(format: "%12.2f", bareRatio))
        report.target("duplicate report", Report.format(ours.duplicates), "< 2 s", met: ours.duplicates < .seconds(2))
        let pass = ours.residencePass
        report.target("residence pass at start-up", Report.format(pass.duration), "≤ 60 s", met: pass.duration <= .seconds(60))
        report.target("repricing page read during the pass, p99", String(format: "%.2f ms", pass.listReads.value(99)), "< 2000 ms",
                      met: pass.listReads.value(99) < 2000)
        Swift.print("    (\(Report.grouped(pass.listReadCount)) reads of the first \(ListPage.maxLimit) entries, longest "
                    + String(format: "%.2f ms", pass.listReads.maximum) + "; the pass held \(Report.grouped(pass.pass.remindersHeld)) "
                    + "reminders, sent \(Report.grouped(pass.pass.remindersSent)), \(Report.grouped(pass.pass.remindersWithoutPhone)) without a phone)")
        report.target("register one sub-household, p50", String(format: "%.2f ms", latencies.value(50)), "", met: true)
        report.target("register one sub-household, p99", String(format: "%.2f ms", latencies.value(99)), "< 20 ms", met: latencies.value(99) < 20)
        report.target("register one sub-household, max", String(format: "%.2f ms", latencies.maximum), "", met: true)
        if let peak = ours.peakMemoryDuringImport {
            report.target("peak memory during import (VmHWM)", Report.megabytes(peak), "< 500 MB", met: peak < 500 << 20)
        } else {
            Swift.print("  peak memory during import: not available (no /proc/self/status)")
        }
    }
}
