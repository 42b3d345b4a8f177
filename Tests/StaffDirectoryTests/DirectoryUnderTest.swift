import Foundation
import StaffDirectory
import Testing

/// The development directory the tests sign in against, as `scripts/test.sh` names it.
enum DirectoryUnderTest {
    static let environment = ProcessInfo.processInfo.environment

    /// Every seeded person's development password (`deploy/directory/staff.ldif`).
    static let staffPassword = "evn-dev-staff"

    /// The directory over `ldap://`, nil when `STAFF_DIRECTORY_URL` is unset.
    static let settings: StaffDirectorySettings? = environment["STAFF_DIRECTORY_URL"].flatMap { url in
        url.isEmpty ? nil : try? StaffDirectorySettings(environment: environment.merging(["EVN_ENV": "development"]) { $1 })
    }

    /// The directory over `ldaps://` trusting `caFile` (the system's CAs when nil); nil when
    /// `STAFF_DIRECTORY_TLS_URL` or the directory's CA is not given.
    static func tlsSettings(caFile: String?) -> StaffDirectorySettings? {
        guard let settings, let url = environment["STAFF_DIRECTORY_TLS_URL"], !url.isEmpty,
              environment["STAFF_DIRECTORY_CA_FILE"]?.isEmpty == false else { return nil }
        return StaffDirectorySettings(url: url, caFile: caFile, bindDN: settings.bindDN, bindPassword: settings.bindPassword,
                                      searchBase: settings.searchBase, timeout: settings.timeout)
    }
}

/// Expects `signIn` to fail because the directory is unavailable, and gives the reason it names.
@discardableResult
func expectUnavailable(_ signIn: () async throws -> DirectoryPerson,
                       sourceLocation: SourceLocation = #_sourceLocation) async -> String? {
    do {
        let person = try await signIn()
        Issue.record("expected the directory to be unavailable, got \(person)", sourceLocation: sourceLocation)
    } catch StaffDirectoryError.unavailable(let reason) {
        return reason
    } catch {
        Issue.record("expected the directory to be unavailable, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}
