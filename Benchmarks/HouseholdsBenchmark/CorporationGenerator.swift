import BenchmarkSupport
import Foundation
import WorkingCalendar

/// Writes a synthetic corporation's CMIS export (`customers.csv`) and dossier file
/// (`dossiers.csv`) in one streaming pass, deterministic from the seed, and counts as it goes
/// the answers the duplicate report and the reconciliation must give.
///
/// Every ID number and household book number is unique by construction (`IdentityNumbers`);
/// duplicates are then planted on purpose: a planted person is first written as an extra
/// sub-household of one dossier and copied into the next dossier or two that fall in the
/// same branch (half of them) or in another branch (the other half); a planted household
/// book likewise reappears once. Only a handful of plants are pending at any time, so memory
/// stays bounded whatever the size.
///
/// The CMIS count of a shared customer normally agrees with its dossier; it differs when a
/// confirmation expired and billing was not yet repriced (always so when that left the
/// dossier below two households, which billing's shared count cannot show), when the customer
/// has no dossier at all, or when billing simply holds another count.
struct CorporationGenerator {
    struct SubHousehold {
        var fullName: String
        var idNumber: String
        var householdBook: String?
        var permanentAddress: String
        var confirmationNumber: String
        var issuer: String
        var issuedOn: CalendarDay
        var validUntil: CalendarDay?
        var persons: Int?
    }

    static let sharedShare = 0.10
    /// Sub-households per dossier before planting: 1 to 5 (CMIS count 2 to 6).
    private static let subCountWeights = [(1, 0.48), (2, 0.30), (3, 0.13), (4, 0.06), (5, 0.03)]
    private static let registrationSampleSize = 2048

    let spec: CorporationSpec

    /// Writes both files into `folder` and returns what they must yield.
    func generate(into folder: URL) throws -> GeneratedCorporation {
        var run = Run(spec: spec, folder: folder)
        try run.writeAll()
        return run.result
    }

    /// The state of one generation pass.
    struct Run {
        let spec: CorporationSpec
        let customersPath: String
        let dossiersPath: String
        var rng: SeededGenerator
        let numbers: IdentityNumbers
        var branchSequences: [Int]
        var personIndex = 0
        var bookIndex = 0
        var sharedCustomers = 0
        var dossiers = 0
        var subRows = 0
        var idCases = 0
        var bookCases = 0
        var repricingCases = 0
        var plantedPersonsStarted = 0
        var plantedBooksStarted = 0
        var pending: [PendingPlant] = []
        var planted: [GeneratedCorporation.PlantedPerson] = []
        var targets: [GeneratedCorporation.RegistrationTarget] = []
        let personInterval: Int
        let bookInterval: Int

        init(spec: CorporationSpec, folder: URL) {
            self.spec = spec
            customersPath = folder.appendingPathComponent("customers.csv").path
            dossiersPath = folder.appendingPathComponent("dossiers.csv").path
            rng = SeededGenerator(seed: spec.seed)
            numbers = IdentityNumbers(currentYear: spec.today.year)
            branchSequences = Array(repeating: 0, count: Branches.codes.count)
            // Start plants early enough (in the first ~80 % of dossiers) that each finds its copies.
            let expectedDossiers = Double(spec.customers) * CorporationGenerator.sharedShare
            personInterval = max(1, Int(expectedDossiers * 0.8 / Double(max(spec.plantedIDs, 1))))
            bookInterval = max(1, Int(expectedDossiers * 0.8 / Double(max(spec.plantedBooks, 1))))
        }

        var result: GeneratedCorporation {
            GeneratedCorporation(
                customersFile: customersPath, dossiersFile: dossiersPath, customers: spec.customers,
                sharedCustomers: sharedCustomers, dossiers: dossiers, subRows: subRows,
                duplicateIDCases: idCases, duplicateBookCases: bookCases, repricingCases: repricingCases,
                registrationTargets: targets, plantedPeople: planted.filter { $0.holders.count >= 2 },
                nextPersonIndex: personIndex)
        }

        mutating func writeAll() throws {
            let customers = try CSVFileWriter(path: customersPath, byteOrderMark: true)
            let dossierFile = try CSVFileWriter(path: dossiersPath, byteOrderMark: false)
            for header in ["customer_code", "name", "address", "branch", "area_class", "household_count"] {
                customers.field(header)
            }
            try customers.endRecord()
            for header in [
                "customer_code", "unit", "role", "full_name", "id_number", "household_book", "permanent_address",
                "confirmation_issuer", "confirmation_number", "confirmation_issued_on", "confirmation_valid_until",
                "persons", "contact_phone",
            ] {
                dossierFile.field(header)
            }
            try dossierFile.endRecord()

            for _ in 0..<spec.customers {
                try writeCustomer(customers: customers, dossiers: dossierFile)
            }
            try customers.close()
            try dossierFile.close()
        }

        private mutating func writeCustomer(customers: CSVFileWriter, dossiers: CSVFileWriter) throws {
            let branchNumber = Int.random(in: 0..<Branches.codes.count, using: &rng)
            let branch = Branches.codes[branchNumber]
            branchSequences[branchNumber] += 1
            let code = branch + IdentityNumbers.digits(branchSequences[branchNumber], width: 7)
            let urban = rng.chance(0.35)
            let holder = VietnameseSamples.name(using: &rng)
            let address = VietnameseSamples.address(urban: urban, using: &rng)

            var cmisQuarters = 4
            if rng.chance(CorporationGenerator.sharedShare) {
                sharedCustomers += 1
                if rng.chance(0.002) {
                    cmisQuarters = Int.random(in: 2...6, using: &rng) * 4
                    repricingCases += 1
                } else {
                    cmisQuarters = try writeDossier(
                        code: code, branch: branch, holder: holder, address: address, to: dossiers)
                }
            }
            customers.field(code)
            customers.field(holder)
            customers.field(address)
            customers.field(branch)
            customers.field(urban ? "urban" : "rural")
            customers.field(Self.decimal(quarters: cmisQuarters))
            try customers.endRecord()
        }

        /// Writes a shared customer's dossier and returns the count CMIS holds for it.
        private mutating func writeDossier(
            code: String, branch: String, holder: String, address: String, to file: CSVFileWriter
        ) throws -> Int {
            dossiers += 1
            sampleTarget(code: code, branch: branch)
            var subs = ordinarySubHouseholds()
            plant(into: &subs, code: code, branch: branch)

            let allQuarters = 4 + subs.reduce(0) { $0 + ($1.persons ?? 4) }
            let effective = 4 + subs.reduce(0) { $0 + (isValid($1) ? ($1.persons ?? 4) : 0) }
            let cmisQuarters: Int
            if rng.chance(0.007) {
                cmisQuarters = effective < 12 || rng.chance(0.5) ? effective + 4 : effective - 4
            } else if effective != allQuarters, effective >= 8, rng.chance(0.8) {
                cmisQuarters = effective
            } else {
                cmisQuarters = allQuarters
            }
            if cmisQuarters != effective { repricingCases += 1 }

            file.field(code)
            file.field(branch)
            file.field("main")
            file.field(holder)
            file.field(numbers.citizenID(nextPerson()))
            if let book = maybeBook() { file.field(book) } else { file.emptyField() }
            file.field(address)
            for _ in 0..<5 { file.emptyField() }
            file.field(phone())
            try file.endRecord()
            for sub in subs {
                file.field(code)
                file.field(branch)
                file.field("sub")
                file.field(sub.fullName)
                file.field(sub.idNumber)
                if let book = sub.householdBook { file.field(book) } else { file.emptyField() }
                file.field(sub.permanentAddress)
                file.field(sub.issuer)
                file.field(sub.confirmationNumber)
                file.field(sub.issuedOn.description)
                if let validUntil = sub.validUntil { file.field(validUntil.description) } else { file.emptyField() }
                if let persons = sub.persons { file.field(persons) } else { file.emptyField() }
                file.emptyField()
                try file.endRecord()
            }
            subRows += subs.count
            return cmisQuarters
        }

        private mutating func ordinarySubHouseholds() -> [SubHousehold] {
            var roll = Double.random(in: 0..<1, using: &rng)
            var count = CorporationGenerator.subCountWeights.last!.0
            for (subCount, weight) in CorporationGenerator.subCountWeights {
                if roll < weight { count = subCount; break }
                roll -= weight
            }
            var subs: [SubHousehold] = []
            subs.reserveCapacity(count + 2)
            for _ in 0..<count {
                var sub = freshSubHousehold(book: maybeBook())
                let validity = Double.random(in: 0..<1, using: &rng)
                if validity < 0.05 {
                    let validUntil = spec.today.adding(days: -Int.random(in: 2...400, using: &rng))
                    sub.validUntil = validUntil
                    sub.issuedOn = validUntil.adding(days: -Int.random(in: 180...730, using: &rng))
                } else if validity < 0.08 {
                    sub.validUntil = spec.today.adding(days: Int.random(in: 2...30, using: &rng))
                }
                if rng.chance(0.05) {
                    sub.persons = Int.random(in: (count == 1 ? 4 : 1)...8, using: &rng)
                }
                subs.append(sub)
            }
            if 4 + subs.reduce(0, { $0 + ($1.persons ?? 4) }) < 8 { subs[0].persons = nil }
            return subs
        }

        /// A sub-household with a valid confirmation (no expiry for 40 %, else a month to
        /// three years ahead) and no tenants.
        mutating func freshSubHousehold(book: String?) -> SubHousehold {
            let index = nextPerson()
            return SubHousehold(
                fullName: VietnameseSamples.name(using: &rng),
                idNumber: numbers.citizenID(index),
                householdBook: book,
                permanentAddress: VietnameseSamples.address(urban: rng.chance(0.3), using: &rng),
                confirmationNumber: "\(Int.random(in: 1...9999, using: &rng))/XN-CA",
                issuer: VietnameseSamples.confirmationIssuer(using: &rng),
                issuedOn: spec.today.adding(days: -Int.random(in: 1...700, using: &rng)),
                validUntil: rng.chance(0.4) ? nil : spec.today.adding(days: Int.random(in: 31...1095, using: &rng)),
                persons: nil)
        }

        /// Reservoir sampling, so targets spread over the whole file in fixed memory.
        private mutating func sampleTarget(code: String, branch: String) {
            let target = GeneratedCorporation.RegistrationTarget(customerCode: code, branch: branch)
            if targets.count < CorporationGenerator.registrationSampleSize {
                targets.append(target)
            } else {
                let slot = Int.random(in: 0..<dossiers, using: &rng)
                if slot < targets.count { targets[slot] = target }
            }
        }

        private func isValid(_ sub: SubHousehold) -> Bool {
            sub.validUntil.map { $0 >= spec.today } ?? true
        }

        private mutating func maybeBook() -> String? {
            rng.chance(0.7) ? numbers.householdBook(nextBook()) : nil
        }

        private mutating func nextPerson() -> Int {
            defer { personIndex += 1 }
            return personIndex
        }

        mutating func nextBook() -> Int {
            defer { bookIndex += 1 }
            return bookIndex
        }

        /// A mobile number in the `+849x` range (every second digit but 5 is a live code).
        private mutating func phone() -> String {
            let second = rng.pick([0, 1, 2, 3, 4, 6, 7, 8, 9])
            return "+849\(second)" + IdentityNumbers.digits(Int.random(in: 0..<10_000_000, using: &rng), width: 7)
        }

        /// A count as the billing system writes it: `2`, `2.25`, `2.5`, `2.75`.
        static func decimal(quarters: Int) -> String {
            String(quarters / 4) + ["", ".25", ".5", ".75"][quarters % 4]
        }
    }
}
