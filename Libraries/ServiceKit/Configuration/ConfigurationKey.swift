/// One environment variable that every service reads: its name, its default and what it is for.
///
/// ``ConfigurationKey/all`` is the single source of truth. ``ServiceConfiguration`` reads these keys,
/// and the table in `docs/configuration.md` is generated from them (see ``ConfigurationKey/markdownTable``),
/// so the documentation an operator reads cannot drift from what the code does.
public struct ConfigurationKey: Sendable {
    /// How a key's value is chosen when its variable is unset or empty.
    public enum Default: Sendable {
        /// The same value for every service.
        case fixed(String)
        /// A value per service, so that all services can run side by side on one machine,
        /// and a value for any service not listed.
        case perService([(service: String, value: String)], otherwise: String)

        /// The default value for the named service.
        public func value(for service: String) -> String {
            switch self {
            case .fixed(let value):
                return value
            case .perService(let values, let otherwise):
                return values.first { $0.service == service }?.value ?? otherwise
            }
        }
    }

    /// The environment variable's name, for example `HTTP_PORT`.
    public let name: String
    /// The value used when the variable is unset or empty; chosen to work on a developer machine.
    public let defaultValue: Default
    /// What the variable controls and which values it accepts, as written in the documentation.
    public let description: String
}

extension ConfigurationKey {
    /// Whether the process may run on the public development secrets.
    public static let deploymentEnvironment = ConfigurationKey(
        name: "EVN_ENV",
        defaultValue: .fixed(DeploymentEnvironment.production.rawValue),
        description: "`development` (`make run`, `make test`, the benchmarks) or `production`. Unless it is `development`, the service refuses to start when `PERSONAL_DATA_KEY` or the password in `AMQP_URL` is unset, too short or a development value this repository ships, or when `STAFF_TOKEN_KEYS_FILE` is unset, holds a private key or the development key, naming the variable and never the value."
    )

    /// The broker every service connects to: one node or a cluster's nodes.
    public static let amqpURL = ConfigurationKey(
        name: "AMQP_URL",
        defaultValue: .fixed("amqp://evn:evn@127.0.0.1:5672/evn"),
        description: "The RabbitMQ broker: `amqp://user:password@host:port/vhost` (the password never reaches the logs). A cluster's nodes are listed as comma-separated hosts, `amqps://user:password@broker-1:5671,broker-2:5671,broker-3:5671/evn`: each connection tries them in turn and moves to the next node when its own dies, logging the node it moved to. Outside development the password must be the deployment's own, 12 characters or more."
    )

    /// The CAs the broker's TLS certificate must chain to, for an `amqps://` URL.
    public static let amqpCAFile = ConfigurationKey(
        name: "AMQP_CA_FILE",
        defaultValue: .fixed(""),
        description: "With an `amqps://` `AMQP_URL`: the PEM file of the CAs the broker's certificate must chain to; unset, the system's CAs. The certificate must also name the URL's host; a broker that fails either check is refused."
    )

    /// Where the service keeps its SQLite store.
    public static let dataDirectory = ConfigurationKey(
        name: "DATA_DIR",
        defaultValue: .fixed("var/data"),
        description: "Folder of the service's SQLite store, `<DATA_DIR>/<service>.sqlite`; created if missing."
    )

    /// The address the HTTP server binds to.
    public static let httpHost = ConfigurationKey(
        name: "HTTP_HOST",
        defaultValue: .fixed("127.0.0.1"),
        description: "Address the HTTP server (API, health, metrics) listens on; `0.0.0.0` in a container."
    )

    /// The HTTP server's port, distinct per service so that all of them run on one machine.
    public static let httpPort = ConfigurationKey(
        name: "HTTP_PORT",
        defaultValue: .perService(
            [
                ("intake", "8080"),
                ("crm", "8081"),
                ("metering", "8082"),
                ("households", "8083"),
                ("outage", "8084"),
                ("notification", "8085"),
                ("signin", "8087"),
            ],
            otherwise: "8090"
        ),
        description: "Port of the HTTP server, 1 to 65535."
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

    /// How many unacknowledged deliveries the broker may push to one consumer.
    public static let amqpPrefetch = ConfigurationKey(
        name: "AMQP_PREFETCH",
        defaultValue: .fixed("200"),
        description: "Unacknowledged deliveries in flight per consumer, 1 to 65535; 100 to 300 is fastest."
    )

    /// How often AMQP heartbeats are exchanged.
    public static let amqpHeartbeatSeconds = ConfigurationKey(
        name: "AMQP_HEARTBEAT_SECONDS",
        defaultValue: .fixed("30"),
        description: "AMQP heartbeat interval, 0 (off) to 65535; a connection silent for twice as long is dead."
    )

    /// How often a failing message is tried before it is dead-lettered.
    public static let messageMaxAttempts = ConfigurationKey(
        name: "MESSAGE_MAX_ATTEMPTS",
        defaultValue: .fixed("5"),
        description: "Deliveries of one message before it goes to `<service>.dead` with the reason, 1 or more."
    )

    /// The public keys staff tokens are checked with.
    public static let staffTokenKeysFile = ConfigurationKey(
        name: "STAFF_TOKEN_KEYS_FILE",
        defaultValue: .fixed(""),
        description: "Path of the JSON Web Key Set (ES256 public keys, each with its `kid`) that staff tokens are checked with; only the issuer holds the private key (`evnctl staff-token-keys` makes a pair). Read again when a token is checked 30 seconds or more after the last reading, so a key added or removed takes effect within 30 seconds and without a restart; a file that no longer reads, or would not let the service start, leaves the last good set in place. Unset: the development key set built into the code, which `evnctl staff-token` signs with. Outside `EVN_ENV=development` it is required, and a set holding a private key or the development key is refused."
    )

    /// The issuer staff tokens must name.
    public static let staffTokenIssuer = ConfigurationKey(
        name: "STAFF_TOKEN_ISSUER",
        defaultValue: .fixed("evn-staff-sign-in"),
        description: "The `iss` every staff token must carry: the name of the place that signs them. A token of another issuer is refused."
    )

    /// How far apart the issuer's and the service's clocks may be.
    public static let staffTokenClockSkewSeconds = ConfigurationKey(
        name: "STAFF_TOKEN_CLOCK_SKEW_SECONDS",
        defaultValue: .fixed("60"),
        description: "Seconds, 0 to 300, a staff token is still accepted after its `exp` and already accepted before its `nbf`/`iat`, for clocks that are not quite in step."
    )

    /// The longest a staff token may be valid.
    public static let staffTokenMaxLifetimeHours = ConfigurationKey(
        name: "STAFF_TOKEN_MAX_LIFETIME_HOURS",
        defaultValue: .fixed("12"),
        description: "Hours, 1 to 744, a staff token may be valid from `iat` to `exp`; a token issued for longer is refused however it is signed."
    )

    /// Where browsers reach the staff sign-in, which the staff pages send their visitors to.
    public static let staffSignInURL = ConfigurationKey(
        name: "STAFF_SIGN_IN_URL",
        defaultValue: .fixed("http://localhost:8087"),
        description: "The staff sign-in's base URL as staff browsers reach it (`https://dang-nhap.example.vn`). The staff pages of intake, crm, metering, households and outage send a visitor without a valid staff token to `<STAFF_SIGN_IN_URL>/gia-han?next=<the page>`, post their sign-out button to `<STAFF_SIGN_IN_URL>/dang-xuat`, and allow it as a form target in their Content-Security-Policy. The default is the development sign-in on this machine and applies only with `EVN_ENV=development`; otherwise it is required by the services with staff pages."
    )

    /// The key personal data is sealed with in the stores.
    public static let personalDataKey = ConfigurationKey(
        name: "PERSONAL_DATA_KEY",
        defaultValue: .fixed("ZGV2ZWxvcG1lbnQtb25seS1rZXktZG8tbm90LWRlcGw="),
        description: "32 bytes in base64 (`openssl rand -base64 32`): the current key, which seals personal data at rest (ID and phone numbers, names, e-mail and street addresses; AES-GCM) and keys their look-up fingerprints. The default is public and refused unless `EVN_ENV` is `development`. To change it, move the old key to `PERSONAL_DATA_PREVIOUS_KEYS` under its id, then run `evnctl reseal` (`docs/operations.md`)."
    )

    /// The id the current personal-data key's values carry.
    public static let personalDataKeyId = ConfigurationKey(
        name: "PERSONAL_DATA_KEY_ID",
        defaultValue: .fixed("1"),
        description: "1 to 16 ASCII letters or digits: the id of `PERSONAL_DATA_KEY`, written into every value it seals and every fingerprint it makes. Give each new key a new id."
    )

    /// Older personal-data keys, read while a store is re-sealed to the current one.
    public static let personalDataPreviousKeys = ConfigurationKey(
        name: "PERSONAL_DATA_PREVIOUS_KEYS",
        defaultValue: .fixed(""),
        description: "Secret. Keys being rotated out, as `id:base64` entries separated by commas: values sealed and fingerprints made under them are still read and found, never written. Remove an entry once `evnctl reseal` has run on every store."
    )

    /// How long a connection may sit without a request under way.
    public static let httpIdleTimeoutSeconds = ConfigurationKey(
        name: "HTTP_IDLE_TIMEOUT_SECONDS",
        defaultValue: .fixed("65"),
        description: "Seconds, 1 to 3600, a connection may stay open with no request under way — kept alive after an answer, or still sending its request's head (a slow-header client) — before it is closed. Longer than an ingress's upstream keep-alive (60 s in ingress-nginx), so the proxy never reuses a connection being closed."
    )

    /// How long a request's body may take to arrive.
    public static let httpReadTimeoutSeconds = ConfigurationKey(
        name: "HTTP_READ_TIMEOUT_SECONDS",
        defaultValue: .fixed("300"),
        description: "Seconds, 1 to 3600, within which a request must arrive whole once its head has; a client still sending its body then is cut off. 300 s carries the largest upload the APIs take (households' 64 MiB import) at about 220 kB/s."
    )

    /// How many connections one instance holds open at once.
    public static let httpMaxConnections = ConfigurationKey(
        name: "HTTP_MAX_CONNECTIONS",
        defaultValue: .fixed("1000"),
        description: "Open HTTP connections at most, 1 to 100000; further clients wait in the listen queue until one closes, so a flood of idle connections costs waiting, not memory or file descriptors."
    )

    /// The largest request head accepted.
    public static let httpMaxHeaderBytes = ConfigurationKey(
        name: "HTTP_MAX_HEADER_BYTES",
        defaultValue: .fixed("16384"),
        description: "Bytes, 1024 to 1048576, that a request's header fields may take together (and any one of them); a larger head is refused and the connection closed. 16 KiB is what common proxies allow."
    )

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

    /// How long a dead letter waits for an operator before the broker drops it.
    public static let deadLetterRetentionHours = ConfigurationKey(
        name: "DEAD_LETTER_RETENTION_HOURS",
        defaultValue: .fixed("168"),
        description: "Hours a message the service gave up on waits in `<service>.dead` (its body sealed under `PERSONAL_DATA_KEY`) for `dead-letters list`/`replay` before the broker drops it, 1 or more; 168 (7 days) by default: long enough to fix a cause over a weekend, short enough that the personal data in it does not linger."
    )

    /// How long an outbox message the broker keeps refusing holds up the messages behind it.
    public static let outboxParkAfterSeconds = ConfigurationKey(
        name: "OUTBOX_PARK_AFTER_SECONDS",
        defaultValue: .fixed("60"),
        description: "Seconds an outbox message the broker keeps refusing (unroutable or nacked) is retried, alone, while the messages behind it wait; then it is parked (`outbox_parked_total`, an `error` log line) with the later messages for the same destination, and the rest go on. `parked-messages` lists and re-sends them (`docs/operations.md`). 0 or more; the default gives a service that starts late a minute to declare its queue."
    )

    /// The reverse proxies whose forwarding headers are believed.
    public static let trustedProxies = ConfigurationKey(
        name: "TRUSTED_PROXIES",
        defaultValue: .fixed(""),
        description: "Comma-separated IP addresses or CIDR blocks of the reverse proxies in front of the service (e.g. `10.0.0.0/8`); unset: none. Only a connection from one of them may name the client (`X-Forwarded-For`, right-most untrusted hop) and say it arrived over TLS (`X-Forwarded-Proto: https`, which adds `Strict-Transport-Security` and `Secure` cookies)."
    )

    /// The corporation's staff directory, which staff sign in against.
    public static let staffDirectoryURL = ConfigurationKey(
        name: "STAFF_DIRECTORY_URL",
        defaultValue: .fixed("ldap://127.0.0.1:3389"),
        description: "The staff directory staff sign in against (its people `inetOrgPerson`, its role groups `groupOfNames`): `ldap://host:port` or, in production, `ldaps://host:port`. The default is the development directory of `scripts/directory.sh`. Read by the staff sign-in (`signin`, through `Libraries/StaffDirectory`) and by crm, which checks there that the officer a branch head assigns a ticket to is a customer-service officer of the ticket's branch; not by the other services."
    )

    /// The CAs an `ldaps://` directory's certificate must chain to.
    public static let staffDirectoryCAFile = ConfigurationKey(
        name: "STAFF_DIRECTORY_CA_FILE",
        defaultValue: .fixed(""),
        description: "With an `ldaps://` `STAFF_DIRECTORY_URL`: the PEM file of the CAs the directory's certificate must chain to; unset, the system's CAs. The certificate must also name the URL's host; a directory that fails either check is unavailable."
    )

    /// The read-only account the platform searches the directory with.
    public static let staffDirectoryBindDN = ConfigurationKey(
        name: "STAFF_DIRECTORY_BIND_DN",
        defaultValue: .fixed("cn=platform,ou=services,dc=evn,dc=vn"),
        description: "DN of the read-only account that finds a person by `uid` and their groups before their own password is checked; it needs read access to people (`uid`, `cn`, `mail`, `departmentNumber`) and groups (`cn`, `member`) under `STAFF_DIRECTORY_SEARCH_BASE`, never to passwords."
    )

    /// That account's password.
    public static let staffDirectoryBindPassword = ConfigurationKey(
        name: "STAFF_DIRECTORY_BIND_PASSWORD",
        defaultValue: .fixed("evn-dev-directory-reader"),
        description: "Secret. The password of `STAFF_DIRECTORY_BIND_DN`. The default is public and refused unless `EVN_ENV` is `development`; otherwise 12 characters or more."
    )

    /// Where people and their role groups are searched.
    public static let staffDirectorySearchBase = ConfigurationKey(
        name: "STAFF_DIRECTORY_SEARCH_BASE",
        defaultValue: .fixed("dc=evn,dc=vn"),
        description: "DN under which people (`inetOrgPerson`, signing in with their `uid`, their unit in `departmentNumber`) and role groups (`groupOfNames` named after the roles, e.g. `customer_service`, `branch_head`) are searched, the whole subtree."
    )

    /// How long one directory operation may take.
    public static let staffDirectoryTimeoutSeconds = ConfigurationKey(
        name: "STAFF_DIRECTORY_TIMEOUT_SECONDS",
        defaultValue: .fixed("5"),
        description: "Seconds, 1 to 60, that connecting to the directory and each search or password check may take before the directory counts as unavailable."
    )

    /// Where the staff sign-in may send a browser back to.
    public static let staffConsoleOrigins = ConfigurationKey(
        name: "STAFF_CONSOLE_ORIGINS",
        defaultValue: .fixed(""),
        description: "Read by `signin` only. Comma-separated origins (`scheme://host[:port]`) of the staff consoles that the sign-in may send a browser back to after signing in or renewing; any other `next` address goes to the sign-in's own landing page. Unset in development: `http://localhost:8080` to `:8087` and the same on `127.0.0.1`; outside development it is required."
    )

    /// The consoles the landing page links to.
    public static let staffConsoleURLs = ConfigurationKey(
        name: "STAFF_CONSOLE_URLS",
        defaultValue: .fixed(""),
        description: "Read by `signin` only. Comma-separated `service=URL` of the services whose staff consoles the landing page links to, as browsers reach them (`intake=https://staff.example.vn,crm=…`); each person sees the links of the consoles their roles reach. Unset in development: intake, crm and households on `http://localhost:8080`, `:8081` and `:8083`; outside development unset means no links."
    )

    /// How long a signed-in person may be idle before they must sign in again.
    public static let staffSessionIdleTimeout = ConfigurationKey(
        name: "STAFF_SESSION_IDLE_TIMEOUT",
        defaultValue: .fixed("30m"),
        description: "Read by `signin` only. A sign-in session with no renewal for this long has ended: the next console visit asks for the password again. A whole number with `s`, `m` or `h` (`30m`), from 1 minute to 24 hours."
    )

    /// The longest a sign-in session lasts however active its person is.
    public static let staffSessionMaxAge = ConfigurationKey(
        name: "STAFF_SESSION_MAX_AGE",
        defaultValue: .fixed("10h"),
        description: "Read by `signin` only. The absolute end of a sign-in session, counted from the sign-in; no access token outlives it. A whole number with `s`, `m` or `h` (`10h`), at least `STAFF_SESSION_IDLE_TIMEOUT` and at most 24 hours."
    )

    /// How long one access token (the `staff_token` cookie) is valid.
    public static let staffAccessTokenLifetime = ConfigurationKey(
        name: "STAFF_ACCESS_TOKEN_LIFETIME",
        defaultValue: .fixed("5m"),
        description: "Read by `signin` only. The life of each access token it issues (`staff_token`); a console sends a visitor whose token has expired to `/gia-han`, which issues the next while the session lives, so a signed-out session stops reaching every service within this time. A whole number with `s`, `m` or `h`, from 30 seconds to `STAFF_TOKEN_MAX_LIFETIME_HOURS`."
    )

    /// The `Domain` of the sign-in cookies.
    public static let staffCookieDomain = ConfigurationKey(
        name: "STAFF_COOKIE_DOMAIN",
        defaultValue: .fixed(""),
        description: "Read by `signin` only. The `Domain` of the `staff_token` and `staff_session` cookies when the consoles sit on several hosts under one parent domain (`staff.example.vn`); unset: host-only cookies, which every console on the sign-in's host receives whatever its port."
    )

    /// The issuer's private key.
    public static let staffTokenSigningKeyFile = ConfigurationKey(
        name: "STAFF_TOKEN_SIGNING_KEY_FILE",
        defaultValue: .fixed(""),
        description: "Read by `signin` only. Secret. The PEM file of the private ES256 key staff tokens are signed with (`evnctl staff-token-keys --private-key`); its public half must be in every service's `STAFF_TOKEN_KEYS_FILE`. Unset in development: the development key, whose private half is in this repository. Outside development it is required, and the development key is refused."
    )

    /// The id (`kid`) of the issuer's private key.
    public static let staffTokenSigningKeyID = ConfigurationKey(
        name: "STAFF_TOKEN_SIGNING_KEY_ID",
        defaultValue: .fixed(""),
        description: "Read by `signin` only. The key id (`kid`) of `STAFF_TOKEN_SIGNING_KEY_FILE`, as `evnctl staff-token-keys --kid` named it and the key set lists it; required with the file."
    )

    /// Failed sign-ins of one account that lock it out.
    public static let staffSignInAccountFailures = ConfigurationKey(
        name: "STAFF_SIGN_IN_ACCOUNT_FAILURES",
        defaultValue: .fixed("5"),
        description: "Read by `signin` only. Failed sign-ins of one username within `STAFF_SIGN_IN_FAILURE_WINDOW`, 1 to 1000, that lock it out for `STAFF_SIGN_IN_LOCKOUT`; counted by the username as typed (whether or not the account exists), since its last lock-out."
    )

    /// Failed sign-ins from one client address that lock it out.
    public static let staffSignInClientFailures = ConfigurationKey(
        name: "STAFF_SIGN_IN_CLIENT_FAILURES",
        defaultValue: .fixed("20"),
        description: "Read by `signin` only. Failed sign-ins from one client address (`TRUSTED_PROXIES` decides which) within `STAFF_SIGN_IN_FAILURE_WINDOW`, 1 to 10000, that lock the address out for `STAFF_SIGN_IN_LOCKOUT`, whichever usernames they tried."
    )

    /// How far back failed sign-ins count.
    public static let staffSignInFailureWindow = ConfigurationKey(
        name: "STAFF_SIGN_IN_FAILURE_WINDOW",
        defaultValue: .fixed("15m"),
        description: "Read by `signin` only. How far back failed sign-ins count towards a lock-out: a whole number with `s`, `m` or `h`, from 1 minute to 24 hours."
    )

    /// How long a lock-out lasts.
    public static let staffSignInLockout = ConfigurationKey(
        name: "STAFF_SIGN_IN_LOCKOUT",
        defaultValue: .fixed("15m"),
        description: "Read by `signin` only. How long a locked-out username or client address is refused (429, the password not even checked), from the failure that locked it: a whole number with `s`, `m` or `h`, from 1 minute to 24 hours."
    )

    /// Every key, in the order the documentation lists them.
    public static let all: [ConfigurationKey] = [
        .deploymentEnvironment,
        .amqpURL,
        .amqpCAFile,
        .dataDirectory,
        .httpHost,
        .httpPort,
        .httpIdleTimeoutSeconds,
        .httpReadTimeoutSeconds,
        .httpMaxConnections,
        .httpMaxHeaderBytes,
        .logFormat,
        .logLevel,
        .amqpPrefetch,
        .amqpHeartbeatSeconds,
        .messageMaxAttempts,
        .outboxParkAfterSeconds,
        .deadLetterRetentionHours,
        .staffTokenKeysFile,
        .staffTokenIssuer,
        .staffTokenClockSkewSeconds,
        .staffTokenMaxLifetimeHours,
        .personalDataKey,
        .personalDataKeyId,
        .personalDataPreviousKeys,
        .shard,
        .shardBranches,
        .trustedProxies,
        .staffSignInURL,
        .staffDirectoryURL,
        .staffDirectoryCAFile,
        .staffDirectoryBindDN,
        .staffDirectoryBindPassword,
        .staffDirectorySearchBase,
        .staffDirectoryTimeoutSeconds,
        .staffConsoleOrigins,
        .staffConsoleURLs,
        .staffSessionIdleTimeout,
        .staffSessionMaxAge,
        .staffAccessTokenLifetime,
        .staffCookieDomain,
        .staffTokenSigningKeyFile,
        .staffTokenSigningKeyID,
        .staffSignInAccountFailures,
        .staffSignInClientFailures,
        .staffSignInFailureWindow,
        .staffSignInLockout,
    ]
}
