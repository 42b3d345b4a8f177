import ArgumentParser
import Foundation
import ServiceKit
import StaffTokenIssuing

/// `evnctl staff-token-keys`: makes a deployment's staff token signing key and the public key
/// set the services check tokens with.
struct StaffTokenKeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff-token-keys",
        abstract: "Generate a staff token signing key (for the issuer) and its public key set (STAFF_TOKEN_KEYS_FILE).",
        discussion: """
            The private key goes to the staff sign-in's secret store and nowhere else; the key \
            set goes to every service. To rotate, pass the set in use with --keep, publish the \
            new set, and switch the issuer once every service has read it (docs/operations.md).
            """
    )

    @Option(help: "The new key's id (kid), e.g. the month it is made: 2026-12.")
    var kid: String

    @Option(help: "Where to write the private key (PEM, mode 600); the file must not exist.")
    var privateKey: String

    @Option(help: "Where to write the public key set (JWKS) for STAFF_TOKEN_KEYS_FILE.")
    var keySet: String

    @Option(help: "A key set in use whose keys the new set keeps, for a rotation.")
    var keep: String?

    func validate() throws {
        guard !kid.isEmpty, kid.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }) else {
            throw ValidationError("--kid must be ASCII letters, digits, '-', '_' or '.'")
        }
    }

    func run() throws {
        let kept = try keep.map { path in
            guard let json = FileManager.default.contents(atPath: path) else {
                throw ValidationError("--keep: cannot read \(path)")
            }
            return try StaffTokenKeySet(json: json)
        }
        let files = try StaffTokenKeyFiles(id: kid, keeping: kept)
        try files.write(privateKeyPath: privateKey, keySetPath: keySet)
        print("""
            private key \(kid): \(privateKey) (the issuer's secret store only)
            public key set (\(files.keySet.keys.map(\.kid).joined(separator: ", "))): \(keySet) (STAFF_TOKEN_KEYS_FILE of every service)
            """)
    }
}
