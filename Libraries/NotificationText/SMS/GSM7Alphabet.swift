/// The GSM 03.38 default alphabet and its extension table (3GPP TS 23.038 §6.2.1).
///
/// Deciding GSM-7 versus UCS-2, and counting septets, both come down to asking this table
/// what a Unicode scalar costs. Kept as scalars rather than characters because that is the
/// unit the gateway encodes.
enum GSM7Alphabet {
    /// The 127 characters of the basic table (every code but 0x1B, the escape to the
    /// extension table), one septet each. 0x09 is `Ç`, as in the current table.
    static let basic: Set<Unicode.Scalar> = Set(
        ("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà").unicodeScalars
    )

    /// The characters reached through the escape 0x1B, two septets each: form feed,
    /// `^ { } \ [ ~ ] |` and `€`.
    static let extensionTable: Set<Unicode.Scalar> = Set("\u{0C}^{}\\[~]|€".unicodeScalars)

    /// What `scalar` costs in septets: 1 in the basic table, 2 in the extension table,
    /// `nil` when GSM-7 cannot carry it.
    static func septets(for scalar: Unicode.Scalar) -> Int? {
        if scalar.isASCII {
            let septets = asciiSeptets[Int(scalar.value)]
            return septets == 0 ? nil : Int(septets)
        }
        return tableSeptets(for: scalar)
    }

    /// Whether GSM-7 can carry every one of `scalars`.
    static func canEncode(_ scalars: some Sequence<Unicode.Scalar>) -> Bool {
        scalars.allSatisfy { septets(for: $0) != nil }
    }

    /// Whether `text` is ASCII that GSM-7 carries whole: most of a notice (codes, links,
    /// numbers, unaccented words), answered without hashing a scalar.
    static func carriesASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 && asciiSeptets[Int($0)] != 0 }
    }

    /// ``septets(for:)`` of the 128 ASCII scalars, 0 for those GSM-7 lacks: looked up by
    /// index, as nearly every scalar of a notice is one of them.
    private static let asciiSeptets: [UInt8] = (0..<128).map { value in
        UInt8(tableSeptets(for: Unicode.Scalar(UInt8(value))) ?? 0)
    }

    private static func tableSeptets(for scalar: Unicode.Scalar) -> Int? {
        if basic.contains(scalar) { return 1 }
        if extensionTable.contains(scalar) { return 2 }
        return nil
    }
}
