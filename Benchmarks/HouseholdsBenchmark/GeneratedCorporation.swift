/// The files the generator wrote and the answers it knows they must give.
struct GeneratedCorporation {
    /// A customer with a dossier, where the registration step adds sub-households.
    struct RegistrationTarget {
        let customerCode: String
        let branch: String
    }

    /// A person planted in several dossiers: registering them anywhere else must be refused.
    struct PlantedPerson {
        let fullName: String
        let idNumber: String
        let permanentAddress: String
        /// The customers whose dossiers hold the person.
        var holders: [String]
    }

    let customersFile: String
    let dossiersFile: String
    let customers: Int
    /// Customers with a CMIS household count of 2 or more.
    let sharedCustomers: Int
    let dossiers: Int
    let subRows: Int
    /// ID numbers held in more than one dossier (planted, and only those).
    let duplicateIDCases: Int
    /// Household book numbers held in more than one dossier.
    let duplicateBookCases: Int
    /// Customers whose CMIS count differs from the count their dossier supports today.
    let repricingCases: Int
    let registrationTargets: [RegistrationTarget]
    /// Planted people held in at least two dossiers.
    let plantedPeople: [PlantedPerson]
    /// The first person index no generated row used: fresh people for registrations start here.
    let nextPersonIndex: Int

    /// Every duplicate case the report must find.
    var duplicateCases: Int { duplicateIDCases + duplicateBookCases }
}
