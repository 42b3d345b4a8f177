/// The notice that the electricity purchase contract is drafted and waits for the
/// customer's signature, with the one-time signing code (flow step 6, on
/// `notification.send-signing-code` from intake).
///
/// The code goes by SMS only: it proves possession of the registered phone, so the e-mail
/// says that it was sent but never repeats it. Both texts warn the customer never to give
/// the code to anyone, staff included — the usual pretext of phone fraud.
public struct ContractReadyContext: NotificationContext {
    /// The holes of this notice's texts.
    public enum Field: String, CaseIterable, Hashable, Sendable {
        case requestCode, branchName, signingCode, validityMinutes
    }

    /// The code the customer uses to track the request.
    public let requestCode: String
    /// The owning branch's name without "Điện lực", e.g. `Tam Kỳ`.
    public let branchName: String
    /// The one-time signing code, six digits.
    public let signingCode: String
    /// How many minutes the code stays valid.
    public let validityMinutes: Int

    /// Checks and keeps the notice's values.
    ///
    /// - Parameters:
    ///   - requestCode: the request code; no spaces, at most 20 characters.
    ///   - branchName: the owning branch, with or without a leading "Điện lực"; at most 30
    ///     characters.
    ///   - signingCode: exactly six ASCII digits (a leading zero is kept).
    ///   - validityMinutes: 1 to 1440.
    /// - Throws: `TemplateValueError` naming the first value refused.
    public init(requestCode: String, branchName: String, signingCode: String, validityMinutes: Int) throws(TemplateValueError) {
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
    }

    /// The checked value that fills `field`.
    public func value(for field: Field) -> String {
        switch field {
        case .requestCode: requestCode
        case .branchName: branchName
        case .signingCode: signingCode
        case .validityMinutes: String(validityMinutes)
        }
    }

    /// The SMS and e-mail of this notice; only the SMS holds the code.
    public static let template = NotificationTemplate<ContractReadyContext>(
        sms: """
            Điện lực \(.branchName): Hợp đồng mua bán điện của yêu cầu \(.requestCode) đã sẵn sàng \
            để ký. Mã ký: \(.signingCode), hiệu lực \(.validityMinutes) phút. Tuyệt đối không cung \
            cấp mã này cho bất kỳ ai, kể cả nhân viên Điện lực.
            """,
        emailSubject: "Hợp đồng mua bán điện của yêu cầu \(.requestCode) đã sẵn sàng để ký",
        emailBody: """
            Kính gửi Quý khách,

            Điện lực \(.branchName) đã soạn xong hợp đồng mua bán điện cho yêu cầu cấp điện \
            \(.requestCode) của Quý khách. Hợp đồng đã sẵn sàng để ký.

            Để ký, Quý khách vui lòng mở yêu cầu trên cổng dịch vụ khách hàng và nhập mã ký gồm \
            6 chữ số đã được gửi bằng tin nhắn SMS đến số điện thoại Quý khách đã đăng ký. Mã có \
            hiệu lực trong \(.validityMinutes) phút kể từ khi gửi.

            Lưu ý: Tuyệt đối không cung cấp mã ký cho bất kỳ ai, kể cả người tự xưng là nhân viên \
            Điện lực. Điện lực không bao giờ đề nghị Quý khách đọc mã qua điện thoại, tin nhắn hay \
            email.

            Trân trọng,
            Điện lực \(.branchName)
            """
    )
}
