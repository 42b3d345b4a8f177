/// The staff sign-in (`signin`) alone: where it sends browsers, its sessions and cookies, its signing key and its lock-outs.
extension ConfigurationKey {
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
}
