import Contracts
import Foundation
import ServiceAreas
import ServiceKit
import WebPages

/// The contract as the signer signs it: one printable HTML page in Vietnamese, the language of
/// the contract, with the content the signing page shows (the parties, the supply point, the
/// meter, the purpose and tariff group, the households sharing the meter, the term and the
/// clauses) and the signature: when, and how it was proven.
///
/// It is rendered once, at the signature, and its bytes are what is signed: intake keeps them
/// to give back to the customer, and sends them with their SHA-256 in
/// `intake.signature.captured` for crm to keep. Nothing is rendered again later, so a change of
/// wording or of the service areas never changes a copy already signed.
struct SignedContractDocument {
    static let mediaType = "text/html; charset=utf-8"

    let contract: ContractDrafted
    let areas: ServiceAreaTable

    /// The document signed at `signedAt` with a one-time code, and its SHA-256.
    func signed(at signedAt: Date) -> SignedDocument {
        SignedDocument(mediaType: Self.mediaType, signing: html(signedAt: signedAt))
    }

    private func html(signedAt: Date) -> String {
        let view = ContractView(contract: contract, areas: areas)
        let buyer = [("Bên mua điện", contract.holderName)]
            + (contract.holderIdMasked.map { [("Số CCCD của bên mua điện", $0)] } ?? [])
        let rows: [(String, String)] = [
            ("Bên bán điện", "\(view.seller) (đường dây nóng \(contract.branch.hotline))"),
        ] + buyer + [
            ("Địa điểm sử dụng điện", view.address),
            ("Công tơ", contract.meterSerial),
            ("Mục đích sử dụng điện", contract.purpose.shown(in: .vi)),
            ("Nhóm giá", ContractView.tariffGroup(contract.tariffGroup, .vi)),
            ("Số hộ dùng chung công tơ", "\(contract.householdCount)"),
            ("Thời hạn hợp đồng", ContractView.term(contract.termMonths, endsOn: contract.endsOn, .vi)),
            ("Lập ngày", ShownTime.dayAndTime(contract.draftedAt)),
            ("Mã yêu cầu", contract.requestCode),
        ]
        let signed = ShownTime.dayAndTime(signedAt)
        return """
            <!DOCTYPE html>
            <html lang="vi">
            <head>
            <meta charset="utf-8">
            <title>Hợp đồng mua bán điện số \(escaped(contract.contractNumber))</title>
            <style>body{font-family:serif;max-width:48em;margin:2em auto;line-height:1.5}dt{font-weight:bold}@media print{body{margin:0}}</style>
            </head>
            <body>
            <h1>Hợp đồng mua bán điện số <span id="contract-number">\(escaped(contract.contractNumber))</span></h1>
            <dl>
            \(rows.map { "<dt>\(escaped($0.0))</dt><dd>\(escaped($0.1))</dd>" }.joined(separator: "\n"))
            </dl>
            <h2>Điều khoản</h2>
            <ol>
            \(view.clauses(.vi).map { "<li>\(escaped($0))</li>" }.joined(separator: "\n"))
            </ol>
            <h2>Chữ ký</h2>
            <p id="signature">Bên mua điện đã ký hợp đồng lúc <time datetime="\(signedAt.formatted(.iso8601))">\(signed)</time> (giờ Việt Nam) bằng mã xác nhận gửi qua tin nhắn đến số điện thoại đã đăng ký.</p>
            </body>
            </html>

            """
    }

    /// `text` safe inside HTML: its markup characters as entities. Read scalar by scalar, not
    /// character by character: a `<` followed by a combining mark is one character, which a
    /// match on characters would let through, and grapheme breaking cost more than the rest of
    /// the page.
    private func escaped(_ text: String) -> String {
        guard text.utf8.contains(where: { Self.markup.contains($0) }) else { return text }
        var safe = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": safe.append(contentsOf: "&amp;".unicodeScalars)
            case "<": safe.append(contentsOf: "&lt;".unicodeScalars)
            case ">": safe.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": safe.append(contentsOf: "&quot;".unicodeScalars)
            case "'": safe.append(contentsOf: "&#39;".unicodeScalars)
            default: safe.append(scalar)
            }
        }
        return String(safe)
    }

    /// The UTF-8 bytes of the characters ``escaped(_:)`` replaces.
    private static let markup: Set<UInt8> = Set("&<>\"'".utf8)
}
