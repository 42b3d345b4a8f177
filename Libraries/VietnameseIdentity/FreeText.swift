import Foundation

/// Text typed by a person (a street, a note, a reason), tidied and checked one way in every service.
///
/// NFC, so that one letter with its tone mark compares and counts as one character, and
/// trimmed; a control character is refused, since no form field needs one and it would break
/// a log line or an SMS. Each service bounds the length with its own error.
public enum FreeText {
    /// `input` in NFC, without white space around it.
    public static func tidied(_ input: String) -> String {
        input.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Whether `text` holds a control character.
    public static func containsControlCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }
}
