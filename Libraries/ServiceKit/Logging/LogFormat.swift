/// How a service writes its log lines.
public enum LogFormat: String, Sendable {
    /// `key=value` pairs, easy to read when tailing; the default. Written by ``LogfmtLogHandler``.
    case logfmt
    /// One JSON object per line, for log collectors that parse JSON. Written by ``JSONLogHandler``.
    case json
}
