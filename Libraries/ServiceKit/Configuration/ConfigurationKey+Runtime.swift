/// How the process runs: its environment, where it keeps its store and how it logs.
extension ConfigurationKey {
    /// Whether the process may run on the public development secrets.
    public static let deploymentEnvironment = ConfigurationKey(
        name: "EVN_ENV",
        defaultValue: .fixed(DeploymentEnvironment.production.rawValue),
        description: "`development` (`make run`, `make test`, the benchmarks) or `production`. Unless it is `development`, the service refuses to start when `PERSONAL_DATA_KEY` or the password in `AMQP_URL` is unset, too short or a development value this repository ships, or when `STAFF_TOKEN_KEYS_FILE` is unset, holds a private key or the development key, naming the variable and never the value."
    )

    /// Where the service keeps its SQLite store.
    public static let dataDirectory = ConfigurationKey(
        name: "DATA_DIR",
        defaultValue: .fixed("var/data"),
        description: "Folder of the service's SQLite store, `<DATA_DIR>/<service>.sqlite`; created if missing."
    )

    /// How log lines are written.
    public static let logFormat = ConfigurationKey(
        name: "LOG_FORMAT",
        defaultValue: .fixed(LogFormat.logfmt.rawValue),
        description: "`logfmt` (one `key=value` line per event) or `json` (one JSON object per line)."
    )

    /// The lowest level that is logged.
    public static let logLevel = ConfigurationKey(
        name: "LOG_LEVEL",
        defaultValue: .fixed("info"),
        description: "Lowest level written: `trace`, `debug`, `info`, `notice`, `warning`, `error` or `critical`."
    )
}
