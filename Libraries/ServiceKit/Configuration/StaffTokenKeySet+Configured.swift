import Foundation

extension StaffTokenKeySet {
    /// The public keys in `file`, or the development set when there is none.
    ///
    /// A production service must be given its deployment's own set: without one, or with one
    /// that lists the development key (whose private half is public), anyone could sign the
    /// tokens it accepts.
    public static func configured(file: String?, in deployment: DeploymentEnvironment) throws(ConfigurationError)
        -> StaffTokenKeySet {
        let variable = ConfigurationKey.staffTokenKeysFile.name
        guard let file else {
            guard deployment == .development else {
                throw ConfigurationError(variable: variable, value: nil,
                                         expected: "the path of this deployment's public key set (EVN_ENV is not development, and it is not set)")
            }
            return .development
        }
        guard let json = FileManager.default.contents(atPath: file) else {
            throw ConfigurationError(variable: variable, value: file, expected: "a readable JSON Web Key Set file")
        }
        let keys: StaffTokenKeySet
        do {
            keys = try StaffTokenKeySet(json: json)
        } catch {
            throw ConfigurationError(variable: variable, value: file,
                                     expected: "a JSON Web Key Set of ES256 public keys (\(error))")
        }
        if deployment == .production, keys.containsDevelopmentKey {
            throw ConfigurationError(variable: variable, value: file,
                                     expected: "this deployment's own keys (EVN_ENV is not development, and the set lists the development key)")
        }
        return keys
    }
}
