import Foundation
import GRDB
import Households
import Logging
import PersonalData
import WorkingCalendar

/// The program under test: a fresh households store, the CMIS and dossier imports, the
/// duplicate report and the repricing list, each timed, then the residence pass a service
/// starting on that store runs (with the list read while it runs) and the counter registrations.
struct HouseholdsRun {
    /// The key the benchmark gives the program: sealed values and fingerprints are real ones.
    static func personalData() throws -> PersonalDataProtector {
        PersonalDataProtector(key: try PersonalDataKey(base64: Data(repeating: 0x2A, count: 32).base64EncodedString()))
    }

    /// How an import went, as far as the table needs.
    struct ImportCounts {
        let rows: Int
        let rejected: Int
    }

    /// Step times and the program's answers.
    struct Outcome {
        var importCustomers: Duration
        var importDossiers: Duration
        var duplicates: Duration
        var repricing: Duration
        var customerImport: ImportCounts
        var dossierImport: ImportCounts
        /// The first few rejected rows, to show why.
        var firstRejections: [String]
        var duplicateCases: Int
        var repricingCases: Int
        /// The peak resident memory over both imports, in bytes.
        var peakMemoryDuringImport: Int?
        var residencePass: ResidencePassRound.Outcome
        var registrations: RegistrationRound.Outcome

        var total: Duration { importCustomers + importDossiers + duplicates + repricing }
    }

    let storePath: String
    let registrations: Int
    let refusals: Int
    let seed: UInt64

    /// - Parameter afterReports: given the store once both reports are timed and before the
    ///   residence pass and the registrations change it, untimed: what the imports stored is read there.
    func run(_ corporation: GeneratedCorporation, today: CalendarDay,
             afterReports: (DatabasePool) throws -> Void) async throws -> Outcome {
        try? FileManager.default.removeItem(atPath: storePath)
        var logger = Logger(label: "bench-households")
        logger.logLevel = .warning
        let personalData = try Self.personalData()
        let store = try HouseholdsProgram.openStore(path: storePath, personalData: personalData)
        let program = HouseholdsProgram(store: store, personalData: personalData, logger: logger)
        let clock = ContinuousClock()

        PeakMemory.reset()
        var customerSummary: ImportSummary?
        let importCustomers = try await clock.measure {
            customerSummary = try await program.importCustomers(csvFile: corporation.customersFile, by: "bench-households")
        }
        var dossierSummary: ImportSummary?
        let importDossiers = try await clock.measure {
            dossierSummary = try await program.importDossiers(csvFile: corporation.dossiersFile, by: "bench-households")
        }
        let peakMemory = PeakMemory.bytes()
        var duplicateCases = 0
        let duplicates = try await clock.measure {
            duplicateCases = try await program.reports.duplicates(unit: nil).cases.count
        }
        var repricingCases = 0
        let repricing = try await clock.measure {
            repricingCases = try await program.reports.repricing(unit: nil).entries.count
        }
        try afterReports(store.database)
        let residencePass = try await ResidencePassRound(program: program).run()
        let registrationOutcome = try await RegistrationRound(
            program: program, count: registrations, refusals: refusals, seed: seed, today: today
        ).run(on: corporation)

        let rejections = (customerSummary?.rejected ?? []) + (dossierSummary?.rejected ?? [])
        return Outcome(
            importCustomers: importCustomers, importDossiers: importDossiers,
            duplicates: duplicates, repricing: repricing,
            customerImport: ImportCounts(customerSummary),
            dossierImport: ImportCounts(dossierSummary),
            firstRejections: rejections.prefix(5).map { "line \($0.line), \($0.field): \($0.code)" },
            duplicateCases: duplicateCases, repricingCases: repricingCases,
            peakMemoryDuringImport: peakMemory, residencePass: residencePass, registrations: registrationOutcome)
    }
}

private extension HouseholdsRun.ImportCounts {
    init(_ summary: ImportSummary?) {
        self.init(rows: summary?.rows ?? 0, rejected: summary?.rejected.count ?? 0)
    }
}
