/// Where a service runs, from `EVN_ENV`: on a developer's machine or a test, or anywhere else.
///
/// The development defaults of the secrets are public (they are in this repository), so only a
/// process that says it is in development may run on them; anything else — `EVN_ENV` unset
/// included — is production and must bring secrets of its own (see ``SecretPolicy``).
public enum DeploymentEnvironment: String, Sendable {
    /// `make run`, `make test`, the benchmarks: the public development secrets are accepted.
    case development
    /// Every other deployment: the secrets must be the deployment's own.
    case production
}
