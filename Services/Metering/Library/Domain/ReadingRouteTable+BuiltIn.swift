extension ReadingRouteTable {
    /// Routes for the branches and communes of intake's built-in service-area table, for
    /// development and tests; the route codes and days are illustrative. Production loads
    /// the real routes through `READING_ROUTES_FILE`.
    public static let builtIn: ReadingRouteTable = {
        typealias Branch = Document.BranchEntry
        typealias Commune = Document.CommuneEntry
        let document = Document(
            branches: [
                Branch(branchCode: "PCDNHC", route: "HC-R01", readingDay: 3),
                Branch(branchCode: "PCDNTK", route: "TKH-R01", readingDay: 4),
                Branch(branchCode: "PCDNST", route: "ST-R01", readingDay: 5),
                Branch(branchCode: "PCDNCL", route: "CL-R01", readingDay: 6),
                Branch(branchCode: "PCDNHV", route: "HV-R01", readingDay: 8),
                Branch(branchCode: "PC05TK", route: "TK-R01", readingDay: 10),
                Branch(branchCode: "PC05HA", route: "HA-R01", readingDay: 12),
            ],
            communes: [
                Commune(communeCode: "20350", route: "TK-R07", readingDay: 14),
                Commune(communeCode: "20356", route: "TK-R08", readingDay: 15),
                Commune(communeCode: "20377", route: "TK-R12", readingDay: 18),
                Commune(communeCode: "20395", route: "HA-R03", readingDay: 16),
                Commune(communeCode: "20317", route: "HV-R04", readingDay: 20),
            ])
        // The entries above are distinct with days in 1–28; a mistake would crash the first use, in every test.
        return try! ReadingRouteTable(document)
    }()
}
