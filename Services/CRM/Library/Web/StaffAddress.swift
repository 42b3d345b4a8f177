import Foundation
import ServiceKit

/// A service's staff address as staff browsers reach it (`https://crm.noibo.cskh.example.vn`),
/// read from a variable for the links crm puts on its pages and in its e-mails.
///
/// The default, `make run`'s address, applies in development only; elsewhere the variable is
/// required, since a link to the wrong host leads nowhere.
enum StaffAddress {
    /// The address `variable` names, without a trailing `/`.
    ///
    /// - Throws: ``ConfigurationError`` naming `variable` when it is unset outside development,
    ///   or is not an http(s) URL.
    static func read(_ variable: String, developmentDefault: String, environment: [String: String],
                     deployment: DeploymentEnvironment, expected: String) throws -> String {
        let raw = environment[variable].flatMap { $0.isEmpty ? nil : $0 }
        guard let url = raw ?? (deployment == .development ? developmentDefault : nil),
              let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme), parsed.host != nil else {
            throw ConfigurationError(variable: variable, value: raw, expected: expected)
        }
        return url.hasSuffix("/") ? String(url.dropLast()) : url
    }

    /// `id` as one segment of a link's path.
    static func segment(_ id: String) -> String {
        id.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(["-"])) ?? id
    }
}
