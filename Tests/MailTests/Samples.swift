import Foundation
import Mail

/// Texts a customer of the Điện lực actually receives: Vietnamese with every
/// kind of diacritic, long enough to need several encoded-words and base64 lines.
enum Samples {
    /// "Nguyễn" written decomposed (NFD: e + circumflex + tilde as combining marks),
    /// as some phone keyboards send it: it must arrive byte for byte, not normalised.
    static let decomposedName = "Nguye\u{0302}\u{0303}n Văn Ánh"

    /// When the samples are written: 2025-07-15 00:00:00 UTC.
    static let date = Date(timeIntervalSince1970: 1_752_537_600)

    static let subject = "Thông báo tạm ngừng cung cấp điện – Điện lực Hải Châu, Đà Nẵng: "
        + "từ 07:00 đến 11:30 ngày 15/07/2025 để bảo dưỡng lưới điện (khách hàng \(decomposedName))"

    static let textBody = """
        Kính gửi Quý khách hàng \(decomposedName),

        Điện lực Hải Châu trân trọng thông báo: để bảo dưỡng đường dây 22 kV, điện sẽ tạm ngừng cung cấp
        từ 07:00 đến 11:30 ngày 15/07/2025 tại các phường Thạch Thang, Hải Châu 1, Phước Ninh.
        .
        Mã yêu cầu của Quý khách: PC05HC-2507-000123. Tổng đài chăm sóc khách hàng: 1900 1909.

        Trân trọng,
        Tổng công ty Điện lực miền Trung
        """

    static let htmlBody = """
        <!doctype html><html lang="vi"><body>
        <p>Kính gửi Quý khách hàng <b>\(decomposedName)</b>,</p>
        <p>Điện lực Hải Châu thông báo tạm ngừng cung cấp điện từ <b>07:00</b> đến <b>11:30</b> ngày 15/07/2025.</p>
        <p>Trân trọng,<br>Tổng công ty Điện lực miền Trung</p>
        </body></html>
        """

    static func sender() throws -> MailAddress {
        try MailAddress("cskh@evncpc.example.vn", name: "Tổng công ty Điện lực miền Trung")
    }
}

extension String {
    /// The text as it must arrive: the same bytes, with line breaks as CRLF
    /// (the canonical form of text in MIME, RFC 2046 §4.1.1).
    var withCRLF: String { replacingOccurrences(of: "\n", with: "\r\n") }

    /// Byte-for-byte UTF-8 (Swift's `==` would accept a different normalisation).
    var bytes: [UInt8] { Array(utf8) }
}
