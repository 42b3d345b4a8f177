/// Where and how SMS leave: the brandname gateway's endpoint, the account's keys, the
/// registered sender name, and whether texts keep their diacritics.
struct SMSGatewaySettings: Sendable {
    /// The gateway's send endpoint (`SMS_GATEWAY_URL`).
    var url: String
    /// The account's `ApiKey` (`SMS_GATEWAY_API_KEY`).
    var apiKey: String
    /// The account's `SecretKey` (`SMS_GATEWAY_SECRET_KEY`); never logged.
    var secretKey: String
    /// The registered sender name customers see (`SMS_BRANDNAME`).
    var brandname: String
    /// `true`: texts keep their diacritics and travel as UCS-2; `false`: they are
    /// transliterated to GSM-7, two to three times cheaper (`SMS_UNICODE`).
    var unicode: Bool
    /// How long one request to the gateway may take before it counts as failed (and is retried).
    var timeout: Duration = .seconds(15)
}
