import Contracts
import VietnameseIdentity

/// Where one delivery goes: a mobile number for an SMS, an address for an e-mail.
///
/// Personal data: the store keeps ``address`` sealed and drops it once the message is
/// delivered; logs and the delivery log only ever show ``masked``.
struct Recipient: Sendable, Hashable {
    let channel: CustomerNotified.DeliveryChannel
    /// The mobile number in E.164 (`+84912345678`) or the e-mail address.
    let address: String

    /// A form safe for logs and operators: `+8491****678`, `a***@example.vn`.
    var masked: String {
        switch channel {
        case .sms:
            (try? VietnamesePhoneNumber(address).masked) ?? "+84*******"
        case .email:
            if let at = address.lastIndex(of: "@"), at != address.startIndex {
                "\(address[address.startIndex])***\(address[at...])"
            } else {
                "***"
            }
        }
    }
}
