/// A Vietnamese mobile network code: the three digits (trunk `0` included) that open a
/// 10-digit mobile number, and the network that holds it.
///
/// Sources, checked in 2025: the Ministry of Information and Communications' conversion of
/// 11-digit numbers to 10 digits (15 Sep 2018 – 30 Jun 2019, as reported by the ministry's
/// notices and the press), the codes that existed before it, and libphonenumber's Vietnamese
/// carrier table (`resources/carrier/en/84.txt`) for the codes allocated since: 052
/// (Vietnamobile), 055 (Reddi), 087 (iTel, on VinaPhone's network), 030 and 051 (MobiFone).
/// A number ported to another network keeps its code, so `carrier` is the network that was
/// allocated the code, not necessarily the subscriber's current one.
///
/// The tables are data: the ministry allocates new codes from time to time; add a row.
public struct MobilePrefix: Sendable, Hashable {
    /// The code with the trunk zero, e.g. `"091"`.
    public let code: String
    /// The network the code is allocated to, e.g. `"VinaPhone"`.
    public let carrier: String

    /// - Parameters:
    ///   - code: three digits starting with `0`.
    ///   - carrier: the network's name.
    public init(code: String, carrier: String) {
        self.code = code
        self.carrier = carrier
    }

    /// Finds the mobile code a number starts with.
    ///
    /// - Parameter code: three digits with the trunk zero, e.g. `"086"`.
    /// - Returns: the allocation, or `nil` when the code is not a mobile code.
    public static func withCode(_ code: String) -> MobilePrefix? {
        byCode[code]
    }

    private static let byCode: [String: MobilePrefix] =
        Dictionary(uniqueKeysWithValues: all.map { ($0.code, $0) })

    /// Every mobile code in use.
    public static let all: [MobilePrefix] = [
        // Viettel
        MobilePrefix(code: "032", carrier: "Viettel"),
        MobilePrefix(code: "033", carrier: "Viettel"),
        MobilePrefix(code: "034", carrier: "Viettel"),
        MobilePrefix(code: "035", carrier: "Viettel"),
        MobilePrefix(code: "036", carrier: "Viettel"),
        MobilePrefix(code: "037", carrier: "Viettel"),
        MobilePrefix(code: "038", carrier: "Viettel"),
        MobilePrefix(code: "039", carrier: "Viettel"),
        MobilePrefix(code: "086", carrier: "Viettel"),
        MobilePrefix(code: "096", carrier: "Viettel"),
        MobilePrefix(code: "097", carrier: "Viettel"),
        MobilePrefix(code: "098", carrier: "Viettel"),
        // VinaPhone
        MobilePrefix(code: "081", carrier: "VinaPhone"),
        MobilePrefix(code: "082", carrier: "VinaPhone"),
        MobilePrefix(code: "083", carrier: "VinaPhone"),
        MobilePrefix(code: "084", carrier: "VinaPhone"),
        MobilePrefix(code: "085", carrier: "VinaPhone"),
        MobilePrefix(code: "088", carrier: "VinaPhone"),
        MobilePrefix(code: "091", carrier: "VinaPhone"),
        MobilePrefix(code: "094", carrier: "VinaPhone"),
        // MobiFone
        MobilePrefix(code: "030", carrier: "MobiFone"),
        MobilePrefix(code: "051", carrier: "MobiFone"),
        MobilePrefix(code: "070", carrier: "MobiFone"),
        MobilePrefix(code: "076", carrier: "MobiFone"),
        MobilePrefix(code: "077", carrier: "MobiFone"),
        MobilePrefix(code: "078", carrier: "MobiFone"),
        MobilePrefix(code: "079", carrier: "MobiFone"),
        MobilePrefix(code: "089", carrier: "MobiFone"),
        MobilePrefix(code: "090", carrier: "MobiFone"),
        MobilePrefix(code: "093", carrier: "MobiFone"),
        // Vietnamobile
        MobilePrefix(code: "052", carrier: "Vietnamobile"),
        MobilePrefix(code: "056", carrier: "Vietnamobile"),
        MobilePrefix(code: "058", carrier: "Vietnamobile"),
        MobilePrefix(code: "092", carrier: "Vietnamobile"),
        // Gmobile (Gtel)
        MobilePrefix(code: "059", carrier: "Gmobile"),
        MobilePrefix(code: "099", carrier: "Gmobile"),
        // Mobile virtual networks
        MobilePrefix(code: "087", carrier: "iTel"),
        MobilePrefix(code: "055", carrier: "Reddi"),
    ]

    /// The 2018 conversion of 11-digit mobile codes to 10-digit ones: old code → new code.
    /// The seven digits after the code were kept, so `0168 999 3339` became `038 999 3339`.
    /// Old numbers stopped working on 30 Jun 2019; a customer who still writes one gets told
    /// the new code instead of a bare "invalid".
    public static let convertedIn2018: [String: String] = [
        // MobiFone
        "0120": "070", "0121": "079", "0122": "077", "0126": "076", "0128": "078",
        // VinaPhone
        "0123": "083", "0124": "084", "0125": "085", "0127": "081", "0129": "082",
        // Viettel
        "0162": "032", "0163": "033", "0164": "034", "0165": "035",
        "0166": "036", "0167": "037", "0168": "038", "0169": "039",
        // Vietnamobile
        "0186": "056", "0188": "058",
        // Gmobile
        "0199": "059",
    ]
}
