@testable import StaffDirectory
import Testing

/// RFC 4515's own examples (section 4) of values escaped in a filter.
@Suite struct LDAPFilterValueTests {
    @Test(arguments: [
        ("Parens R Us (for all your parenthetical needs)", "Parens R Us \\28for all your parenthetical needs\\29"),
        ("*", "\\2a"),
        ("C:\\MyFile", "C:\\5cMyFile"),
        ("a\u{0}b", "a\\00b"),
        ("*)(uid=*", "\\2a\\29\\28uid=\\2a"),
        ("Nguyễn Văn Hùng", "Nguyễn Văn Hùng"),
    ])
    func theCharactersWithAMeaningInAFilterAreEscaped(value: String, escaped: String) {
        #expect(LDAPFilterValue(value).description == escaped)
    }
}
