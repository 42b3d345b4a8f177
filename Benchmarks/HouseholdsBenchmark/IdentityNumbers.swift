import VietnameseIdentity

/// Unique-by-construction identity numbers: the `n`-th person always gets the same 12-digit
/// citizen ID and the `n`-th household book the same 9-digit number, and no two indices share
/// one, so duplicates exist only where the generator plants them.
struct IdentityNumbers {
    /// Ages 18 to 90 inclusive, times two sexes: the (birth year, sex) combinations used.
    private static let birthCombinations = 73 * 2
    private static let provinces = BirthProvince.all.map(\.code)
    private let currentYear: Int

    /// - Parameter currentYear: the year ages are counted from (the validator's year).
    init(currentYear: Int) {
        self.currentYear = currentYear
    }

    /// A citizen ID the validator accepts: a listed birth-province code, the century/sex
    /// digit, a birth year giving an age of 18–90, and six digits. Distinct for every
    /// `index` below 146 million: (birth year, sex) is `index` mod 146 and the last six
    /// digits a bijection of `index` / 146 (multiplying by a number prime to 10 modulo 10⁶).
    func citizenID(_ index: Int) -> String {
        let combination = index % Self.birthCombinations
        let serial = ((index / Self.birthCombinations) * 482_711 + 137_593) % 1_000_000
        let birthYear = currentYear - 18 - combination / 2
        let centuryAndSex = (birthYear >= 2000 ? 2 : 0) + combination % 2
        let province = Self.provinces[(index &* 40_503 >> 3) % Self.provinces.count]
        return province + String(centuryAndSex) + Self.digits(birthYear % 100, width: 2) + Self.digits(serial, width: 6)
    }

    /// A 9-digit household book number, distinct for every `index` below 900 million.
    func householdBook(_ index: Int) -> String {
        String(100_000_000 + index * 7_654_321 % 900_000_000)
    }

    /// `value` in decimal, zero-padded to `width` digits.
    static func digits(_ value: Int, width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
