import Contracts
import Foundation
import ServiceKit

/// The communes the company serves, looked up by commune code.
///
/// It is data, not code: the built-in table (``builtIn``) serves development and tests, and
/// an operator points `SERVICE_AREAS_FILE` at a JSON array of ``ServiceArea`` to serve the
/// real list without a new release.
public struct ServiceAreaTable: Sendable {
    /// The environment variable naming the JSON file that replaces the built-in table.
    public static let fileVariable = "SERVICE_AREAS_FILE"

    private let areasByCode: [String: ServiceArea]
    private let branchesByCode: [String: Branch]

    /// - Parameter areas: the communes served; each code at most once.
    /// - Throws: ``ServiceAreaTableError`` when a code appears twice, since a commune has one branch.
    public init(_ areas: [ServiceArea]) throws(ServiceAreaTableError) {
        var byCode: [String: ServiceArea] = [:]
        for area in areas {
            guard byCode.updateValue(area, forKey: area.communeCode) == nil else {
                throw .duplicateCommune(area.communeCode)
            }
        }
        areasByCode = byCode
        branchesByCode = Dictionary(areas.map { ($0.branch.code, $0.branch) }) { first, _ in first }
    }

    /// The branch with this code, as customers are told about it; `nil` for a code no served commune names.
    ///
    /// Services that start from a branch code (a customer code's prefix, a dispatcher's form)
    /// name the branch in their notices from here, so no service keeps a branch table of its own.
    public func branch(code: String) -> Branch? {
        branchesByCode[code]
    }

    /// The served commune with this code, or `nil` when the company does not serve it.
    public func area(communeCode: String) -> ServiceArea? {
        areasByCode[communeCode]
    }

    /// Every served commune, in code order.
    public var areas: [ServiceArea] {
        areasByCode.values.sorted { $0.communeCode < $1.communeCode }
    }

    /// The table the environment asks for: the file named by `SERVICE_AREAS_FILE`, else the built-in one.
    ///
    /// - Parameter environment: the variables to read; the process environment in production.
    /// - Throws: `DataTableFileError` when the file cannot be read or is not a valid table,
    ///   so that a misconfigured service stops at start instead of refusing every address.
    public static func load(environment: [String: String]) throws(DataTableFileError) -> ServiceAreaTable {
        try DataTableFile.load(fileVariable, environment: environment, builtIn: builtIn) { (areas: [ServiceArea]) in
            guard !areas.isEmpty else { throw ServiceAreaTableError.empty }
            return try ServiceAreaTable(areas)
        }
    }
}

/// Why a service-area table cannot be used.
public enum ServiceAreaTableError: Error, Equatable, CustomStringConvertible {
    case duplicateCommune(String)
    case empty

    public var description: String {
        switch self {
        case .duplicateCommune(let code):
            "commune \(code) appears twice in the service-area table"
        case .empty:
            "the service-area table is empty"
        }
    }
}
