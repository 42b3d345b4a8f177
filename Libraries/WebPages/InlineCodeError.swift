import Foundation

/// A page template holds markup that the pages' Content-Security-Policy blocks: an inline
/// `<script>`, an event attribute (`onclick=`), a `javascript:` address or inline style.
///
/// ``WebPages`` refuses such a template when the service starts, so a page can never depend on
/// code the browser will not run; scripts and styles belong in ``WebAssets``.
public struct InlineCodeError: Error, Equatable, CustomStringConvertible {
    /// The template's name.
    public let template: String
    /// The markup found, as written.
    public let markup: String

    public var description: String {
        "The page template \(template) holds \(markup), which the pages' Content-Security-Policy blocks: serve it from WebAssets."
    }

    /// What the policy blocks: a script without `src`, `<style>`, `style=`, `on…=`, `javascript:`.
    private static let blocked = try! NSRegularExpression(
        pattern: #"<script(?![^>]*\ssrc=)[^>]*>|<style[\s>]|\sstyle\s*=|\son[a-z]+\s*=|javascript:"#,
        options: [.caseInsensitive])

    /// Throws for the first blocked markup in `text`, the template `name`.
    static func check(_ text: String, named name: String) throws(InlineCodeError) {
        let range = NSRange(text.startIndex..., in: text)
        if let match = blocked.firstMatch(in: text, range: range), let found = Range(match.range, in: text) {
            throw InlineCodeError(template: name, markup: String(text[found]).trimmingCharacters(in: .whitespaces))
        }
    }
}
