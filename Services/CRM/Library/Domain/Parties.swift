import Contracts

/// The people of a request whom the contract and the household registration name: the
/// applicant (the future holder) and the other households' heads.
///
/// Kept sealed at rest as one JSON document (``PersonalDataProtector``): crm needs the
/// full ID numbers once more, for `households.register-main-household`, and nothing else
/// reads them, so they are never stored in a column anyone could query.
struct Parties: Codable, Sendable, Equatable {
    var applicant: Applicant
    var extraHouseholds: [Person]

    /// The applicant as the contract's holder.
    var holder: Person {
        Person(fullName: applicant.fullName, idNumber: applicant.idNumber)
    }

    /// Every ID number to screen: the applicant's first, then each extra household's.
    var idNumbers: [String] {
        [applicant.idNumber] + extraHouseholds.map(\.idNumber)
    }
}
