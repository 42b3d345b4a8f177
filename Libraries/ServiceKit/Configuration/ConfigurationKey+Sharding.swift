/// Splitting a service into shards by provincial power company.
extension ConfigurationKey {
    /// The shard this instance is, when the service is split by provincial power company.
    public static let shard = ConfigurationKey(
        name: "SHARD",
        defaultValue: .fixed(""),
        description: "Unset: the service is one instance. A shard's name (lower-case letters and digits, e.g. `pc05`): the instance consumes `<service>.<shard>.inbox`, keeps `<service>-<shard>.sqlite` and handles only the messages of `SHARD_BRANCHES` (`docs/scaling.md`)."
    )

    /// The branches a shard owns.
    public static let shardBranches = ConfigurationKey(
        name: "SHARD_BRANCHES",
        defaultValue: .fixed(""),
        description: "With `SHARD`, required: comma-separated branch codes or prefixes the shard owns (`PC05` is every branch of PC Quảng Nam); a message is the shard's when its request code or customer code starts with one."
    )
}
