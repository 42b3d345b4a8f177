/// The data coding an SMS travels in, which decides how much text fits in one message.
///
/// A gateway picks GSM-7 when every character is in the GSM 03.38 default alphabet and
/// UCS-2 otherwise; UCS-2 more than halves what one message holds, and each extra segment
/// is billed. The capacities are those of 3GPP TS 23.040 §9.2.3.24.1 with the 6-octet
/// concatenation header (140 octets of user data per message).
public enum SMSEncoding: String, Sendable, Hashable, Codable, CaseIterable {
    /// The GSM 03.38 default alphabet, 7 bits per character (3GPP TS 23.038 §6.2.1).
    case gsm7
    /// 16 bits per UTF-16 code unit; what any text with Vietnamese diacritics needs.
    case ucs2

    /// How many units (septets for GSM-7, UTF-16 code units for UCS-2) fit in a message
    /// sent alone: 160 or 70.
    public var singleMessageCapacity: Int {
        switch self {
        case .gsm7: 160
        case .ucs2: 70
        }
    }

    /// How many units fit in each part of a concatenated message, once the user data
    /// header has taken its 6 octets: 153 or 67.
    public var segmentCapacity: Int {
        switch self {
        case .gsm7: 153
        case .ucs2: 67
        }
    }
}
