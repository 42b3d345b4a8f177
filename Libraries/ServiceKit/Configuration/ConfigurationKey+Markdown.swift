extension ConfigurationKey {
    /// The Markdown table of every key in ``all``, as `docs/configuration.md` holds it.
    ///
    /// A test compares the documentation with this table, so a key added or changed here
    /// without regenerating the documentation fails the build.
    public static var markdownTable: String {
        var lines = [
            "| Variable | Default | Description |",
            "| --- | --- | --- |",
        ]
        for key in all {
            lines.append("| `\(key.name)` | \(key.defaultValue.markdown) | \(key.description) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension ConfigurationKey.Default {
    fileprivate var markdown: String {
        switch self {
        case .fixed(let value):
            return "`\(value)`"
        case .perService(let values, let otherwise):
            let listed = values.map { "`\($0.value)` \($0.service)" }
            return (listed + ["`\(otherwise)` any other"]).joined(separator: ", ")
        }
    }
}
