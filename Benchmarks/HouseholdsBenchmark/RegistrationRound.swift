import BenchmarkSupport
import Foundation
import Households
import StaffAuth
import WorkingCalendar

/// Sub-households registered one at a time at the counter, each with its corporation-wide
/// duplicate check, timed one by one: fresh people on randomly chosen shared customers, and
/// among them planted people, who must be refused as duplicates.
struct RegistrationRound {
    struct Outcome {
        var latencies: Percentiles
        var registered: Int
        var refused: Int
        var expectedRegistered: Int
        var expectedRefused: Int
        /// The first registration that threw instead of answering, to show why.
        var firstError: String?
    }

    let program: HouseholdsProgram
    let count: Int
    let refusals: Int
    let seed: UInt64
    let today: CalendarDay

    func run(on corporation: GeneratedCorporation) async throws -> Outcome {
        var rng = SeededGenerator(seed: seed ^ 0x5EED_0F_C0_07E5)
        let numbers = IdentityNumbers(currentYear: today.year)
        let refusing = min(refusals, corporation.plantedPeople.count)
        let clock = ContinuousClock()
        var latencies: [Duration] = []
        latencies.reserveCapacity(count)
        var registered = 0
        var refused = 0
        var firstError: String?
        for attempt in 0..<count {
            let planted = attempt < refusing ? corporation.plantedPeople[attempt * corporation.plantedPeople.count / refusing] : nil
            var target = rng.pick(corporation.registrationTargets)
            while let planted, planted.holders.contains(target.customerCode) {
                target = rng.pick(corporation.registrationTargets)
            }
            let form = SubHouseholdForm(
                fullName: planted?.fullName ?? VietnameseSamples.name(using: &rng),
                idNumber: planted?.idNumber ?? numbers.citizenID(corporation.nextPersonIndex + attempt),
                householdBook: nil,
                permanentAddress: planted?.permanentAddress ?? VietnameseSamples.address(urban: false, using: &rng),
                residenceConfirmation: ResidenceConfirmationForm(
                    issuer: VietnameseSamples.confirmationIssuer(using: &rng),
                    number: "\(Int.random(in: 1...9999, using: &rng))/XN-CA",
                    issuedOn: today.adding(days: -Int.random(in: 1...60, using: &rng)).description,
                    validUntil: today.adding(days: 365).description),
                persons: nil)
            let claims = StaffClaims(
                staffId: "bench-officer-\(target.branch)", roles: [.householdsOfficer],
                unit: target.branch, expiresAt: Date().addingTimeInterval(3600))
            let started = clock.now
            do {
                switch try await program.registerSubHousehold(form, customerCode: target.customerCode, by: claims) {
                case .registered: registered += 1
                case .duplicates: refused += 1
                }
            } catch {
                firstError = firstError ?? "\(target.customerCode): \(error)"
            }
            latencies.append(clock.now - started)
        }
        return Outcome(
            latencies: Percentiles(latencies), registered: registered, refused: refused,
            expectedRegistered: count - refusing, expectedRefused: refusing, firstError: firstError)
    }
}
