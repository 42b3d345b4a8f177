import Foundation

/// The notice that the electricity purchase contract is drafted and waits for the
/// customer's signature, with the one-time signing code (flow step 6, on
/// `notification.send-signing-code` from intake).
///
/// Both texts link to the portal's signing page for the request (its code filled in), where
/// the customer reads the contract, signs with the code, or asks for a new one.
///
/// The code goes by SMS only: it proves possession of the registered phone, so the e-mail
/// says that it was sent but never repeats it. Both texts warn the customer never to give
/// the code to anyone, staff included — the usual pretext of phone fraud.
public struct ContractReadyContext: NotificationContext {
    /// The holes of this notice's texts.
    public enum Field: String, CaseIterable, Hashable, Sendable {
        case requestCode, branchName, signingCode, validityMinutes, signingLink
    }

    /// The code the customer uses to track the request.
    public let requestCode: String
    /// The owning branch's name without "Điện lực", e.g. `Tam Kỳ`.
    public let branchName: String
    /// The one-time signing code, six digits.
    public let signingCode: String
    /// How many minutes the code stays valid.
    public let validityMinutes: Int
    /// The portal's signing page for this request.
    public let signingLink: URL

    /// Checks and keeps the notice's values.
    ///
    /// - Parameters:
    ///   - requestCode: the request code; no spaces, at most 20 characters.
    ///   - branchName: the owning branch, with or without a leading "Điện lực"; at most 30
    ///     characters.
    ///   - signingCode: exactly six ASCII digits (a leading zero is kept).
    ///   - validityMinutes: 1 to 1440.
    ///   - signingLink: an http(s) link of at most 90 characters.
    /// - Throws: `TemplateValueError` naming the first value refused.
    public init(
        requestCode: String, branchName: String, signingCode: String, validityMinutes: Int, signingLink: URL
    ) throws(TemplateValueError) {
        self.requestCode = try ContextValue.code(requestCode, field: Field.requestCode.rawValue, limit: ContextValue.Limit.requestCode)
        self.branchName = try ContextValue.branchName(branchName, field: Field.branchName.rawValue)
        guard signingCode.count == 6, signingCode.allSatisfy({ $0.isASCII && $0.isWholeNumber }) else {
            throw .malformed(field: Field.signingCode.rawValue, expected: "six digits")
        }
        self.signingCode = signingCode
        guard (1...1440).contains(validityMinutes) else {
            throw .malformed(field: Field.validityMinutes.rawValue, expected: "1 to 1440 minutes")
        }
        self.validityMinutes = validityMinutes
        _ = try ContextValue.link(signingLink, field: Field.signingLink.rawValue)
        self.signingLink = signingLink
    }

    /// The checked value that fills `field`.
    public func value(for field: Field) -> String {
        switch field {
        case .requestCode: requestCode
        case .branchName: branchName
        case .signingCode: signingCode
        case .validityMinutes: String(validityMinutes)
        case .signingLink: signingLink.absoluteString
        }
    }

    /// The SMS and e-mail of this notice; only the SMS holds the code.
    public static let template = NotificationTemplate<ContractReadyContext>(
        sms: """
            Điện lực \(.branchName): Hợp đồng của yêu cầu \(.requestCode) đã sẵn sàng để ký. \
            Mã ký: \(.signingCode), hiệu lực \(.validityMinutes) phút. Tuyệt đối không cung cấp mã này \
            cho ai, kể cả nhân viên Điện lực. Ký tại: \(.signingLink)
            """,
        emailSubject: "Hợp đồng mua bán điện của yêu cầu \(.requestCode) đã sẵn sàng để ký",
        emailBody: """
            Kính gửi Quý khách,

            Điện lực \(.branchName) đã soạn xong hợp đồng mua bán điện cho yêu cầu cấp điện \
            \(.requestCode) của Quý khách. Hợp đồng đã sẵn sàng để ký.

            Để ký, Quý khách vui lòng mở trang ký hợp đồng:
            \(.signingLink)

            Tại đây Quý khách đọc hợp đồng, rồi nhập mã ký gồm 6 chữ số đã được gửi bằng tin nhắn \
            SMS đến số điện thoại Quý khách đã đăng ký. Mã có hiệu lực trong \(.validityMinutes) phút \
            kể từ khi gửi; nếu mã hết hạn, Quý khách có thể xin mã mới ngay trên trang này.

            Lưu ý: Tuyệt đối không cung cấp mã ký cho bất kỳ ai, kể cả người tự xưng là nhân viên \
            Điện lực. Điện lực không bao giờ đề nghị Quý khách đọc mã qua điện thoại, tin nhắn hay \
            email.

            Trân trọng,
            Điện lực \(.branchName)
            """
    )
}
