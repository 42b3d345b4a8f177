import Foundation

/// An RFC 2047 decoder written for the tests (so `Mail` is not checked against itself).
/// Each encoded-word is decoded on its own and must be valid UTF-8 by itself, as
/// RFC 2047 §5 requires ("an integral number of characters").
public enum EncodedWords {
    public static func decode(_ value: String) throws -> String {
        let word = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/
        var result = ""
        var rest = value[...]
        var afterWord = false
        while let match = rest.firstMatch(of: word) {
            let between = rest[..<match.range.lowerBound]
            // Linear white space between two encoded-words is not part of the text (§6.2).
            if !(afterWord && between.allSatisfy { $0 == " " || $0 == "\t" }) { result += between }
            guard match.output.1.uppercased() == "UTF-8" else { throw FixtureError("charset \(match.output.1)") }
            let bytes: [UInt8]
            if match.output.2.uppercased() == "B" {
                guard let data = Data(base64Encoded: String(match.output.3)) else {
                    throw FixtureError("bad base64 in \(match.output.0)")
                }
                bytes = Array(data)
            } else {
                bytes = try quotedPrintableWord(String(match.output.3))
            }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw FixtureError("\(match.output.0) is not whole UTF-8 characters")
            }
            result += text
            afterWord = true
            rest = rest[match.range.upperBound...]
        }
        return result + rest
    }

    private static func quotedPrintableWord(_ text: String) throws -> [UInt8] {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "_"): bytes.append(0x20)
            case UInt8(ascii: "="):
                guard let high = iterator.next(), let low = iterator.next(),
                      let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
                else { throw FixtureError("bad Q encoding in \(text)") }
                bytes.append(value)
            default: bytes.append(byte)
            }
        }
        return bytes
    }
}
