/// The keys personal data is sealed with at rest.
extension ConfigurationKey {
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
}
