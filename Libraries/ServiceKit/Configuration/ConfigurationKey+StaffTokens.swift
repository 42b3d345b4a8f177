/// How every service with staff pages checks staff tokens and where it sends staff to sign in.
extension ConfigurationKey {
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
}
