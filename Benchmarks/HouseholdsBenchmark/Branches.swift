/// The corporation's 60 branch codes (`PC` + company number + district letters, like
/// `PC05TK` for Điện lực Tam Kỳ of PC Quảng Nam): four branches for each of 15 companies.
enum Branches {
    private static let districtLetters = [
        "HK", "BD", "TX", "LB", "HP", "NQ", "KA", "TL", "VD", "CG", "DA", "SS", "BN", "TS", "YP", "QV",
        "TK", "HA", "DB", "NT", "TB", "QS", "DL", "TP", "HL", "PN", "BT", "ST", "NS", "CL", "HT", "VL",
        "DH", "LC", "NH", "SC", "CT", "HV", "KT", "PL", "AK", "BM", "CM", "DQ", "GN", "KB", "LK", "MD",
        "NB", "OM", "PR", "QT", "RG", "SD", "TN", "UM", "VT", "XL", "YT", "CR",
    ]

    /// Every branch code.
    static let codes: [String] = districtLetters.enumerated().map { offset, letters in
        "PC" + IdentityNumbers.digits(offset / 4 + 1, width: 2) + letters
    }
}
