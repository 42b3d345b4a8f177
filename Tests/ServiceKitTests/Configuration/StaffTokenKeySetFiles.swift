import Foundation
import ServiceKit

/// Key set files for the configuration tests, written once to the temporary folder.
enum StaffTokenKeySetFiles {
    /// A deployment's own public key (made for these tests; its private half is not kept).
    static let deploymentKey = StaffTokenKeySet.Key(
        kid: "2026-12", x: "uu6zDCYKdHlWaKnK0BM0EBIxIEfZFYSNiYhIrOy8UrE", y: "430yE3FilxDKQ3FmTHL_RvOpRVtFH8uwg7lHZDnM28Y")
    /// The private scalar of ``deploymentKey``, as a JWK would carry it.
    static let deploymentPrivateScalar = "OVrM4kcVojn7Btih2iGviiCy6DSPsfKhp2huOV-KqRw"

    static let deploymentKeys = try! StaffTokenKeySet(keys: [deploymentKey])

    /// The deployment's set as a JWKS file.
    static let deployment = write("deployment", deploymentKeys.json)

    /// `text` in a file of its own.
    static func write(_ name: String, _ text: String) -> URL {
        write(name, Data(text.utf8))
    }

    static func write(_ name: String, _ data: Data) -> URL {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("staff-token-keys-\(name)-\(UUID().uuidString).json")
        try! data.write(to: file)
        return file
    }
}
