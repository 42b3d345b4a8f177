/// A value put into an LDAP search filter, escaped as RFC 4515 (section 3) requires.
///
/// What a person types as their username becomes part of a filter; unescaped, `*)(uid=*` would
/// turn "this person" into "anyone". The characters with a meaning in a filter — `*`, `(`, `)`,
/// `\` and NUL — become `\2a`, `\28`, `\29`, `\5c` and `\00`; everything else (UTF-8 included)
/// stands for itself.
struct LDAPFilterValue: CustomStringConvertible {
    let description: String

    init(_ value: String) {
        var escaped = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "*": escaped += "\\2a"
            case "(": escaped += "\\28"
            case ")": escaped += "\\29"
            case "\\": escaped += "\\5c"
            case "\0": escaped += "\\00"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        description = escaped
    }
}
