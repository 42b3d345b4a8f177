import WebPages

extension NotSplitReason: ShownCode {
    /// Why the household has not split, in the page's language.
    public func shown(in language: PageLanguage) -> String {
        language.pick(label.vi, label.en)
    }
}
