import Foundation
import ServiceKit

/// Which reading route a newly installed meter joins: by the site's commune, else the
/// branch's default route.
///
/// It is data, not code: the built-in table (``builtIn``) serves development and tests, and
/// an operator points `READING_ROUTES_FILE` at a JSON file of the same shape to serve the
/// real routes without a new release.
public struct ReadingRouteTable: Sendable {
    /// The environment variable naming the JSON file that replaces the built-in table.
    public static let fileVariable = "READING_ROUTES_FILE"

    /// The file's shape: `{"branches": [BranchEntry…], "communes": [CommuneEntry…]}`.
    public struct Document: Codable, Sendable {
        /// The route a branch's meters join when their commune has none of its own.
        public struct BranchEntry: Codable, Sendable {
            public var branchCode: String
            public var route: String
            public var readingDay: Int
        }

        /// The route of one commune's meters.
        public struct CommuneEntry: Codable, Sendable {
            public var communeCode: String
            public var route: String
            public var readingDay: Int
        }

        public var branches: [BranchEntry]
        public var communes: [CommuneEntry]
    }

    private let byCommune: [String: ReadingRoute]
    private let byBranch: [String: ReadingRoute]

    /// - Throws: ``ReadingRouteTableError`` for a code listed twice or a reading day outside 1–28.
    public init(_ document: Document) throws(ReadingRouteTableError) {
        byCommune = try Self.index(document.communes.map { ($0.communeCode, ReadingRoute(route: $0.route, readingDay: $0.readingDay)) })
        byBranch = try Self.index(document.branches.map { ($0.branchCode, ReadingRoute(route: $0.route, readingDay: $0.readingDay)) })
    }

    /// The route of a meter installed in `communeCode`, served by `branchCode`; `nil` when
    /// neither the commune nor the branch has one.
    public func route(communeCode: String, branchCode: String) -> ReadingRoute? {
        byCommune[communeCode] ?? byBranch[branchCode]
    }

    /// The table the environment asks for: the file named by `READING_ROUTES_FILE`, else the built-in one.
    ///
    /// - Throws: `DataTableFileError` when the file cannot be read or is not a valid table,
    ///   so a misconfigured service stops at start instead of at the first installation.
    public static func load(environment: [String: String]) throws(DataTableFileError) -> ReadingRouteTable {
        try DataTableFile.load(fileVariable, environment: environment, builtIn: builtIn) { (document: Document) in
            guard !document.branches.isEmpty else { throw ReadingRouteTableError.noBranchRoute }
            return try ReadingRouteTable(document)
        }
    }

    private static func index(_ entries: [(String, ReadingRoute)]) throws(ReadingRouteTableError) -> [String: ReadingRoute] {
        var index: [String: ReadingRoute] = [:]
        for (code, route) in entries {
            guard (1...28).contains(route.readingDay) else { throw .readingDayOutOfRange(code: code) }
            guard !route.route.isEmpty else { throw .emptyRoute(code: code) }
            guard index.updateValue(route, forKey: code) == nil else { throw .duplicate(code: code) }
        }
        return index
    }
}

/// Why a reading-route table cannot be used.
public enum ReadingRouteTableError: Error, Equatable, CustomStringConvertible {
    case duplicate(code: String)
    case readingDayOutOfRange(code: String)
    case emptyRoute(code: String)
    case noBranchRoute

    public var description: String {
        switch self {
        case .duplicate(let code): "\(code) appears twice in the reading-route table"
        case .readingDayOutOfRange(let code): "the reading day of \(code) is not from 1 to 28"
        case .emptyRoute(let code): "the route of \(code) is empty"
        case .noBranchRoute: "no branch has a default route"
        }
    }
}
