import Attachments
import Foundation
import Mail
import Testing

/// Reading customers' mail as their programs write it: Vietnamese in encoded-words,
/// quoted-printable and base64, multipart messages with attachments, folded headers.
@Suite struct InboundMailTests {
    private func mail(_ text: String) -> InboundMail {
        InboundMail(Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8))
    }

    @Test func encodedWordsInBothEncodingsAreDecodedAndTheSpaceBetweenAdjacentWordsDropped() {
        let mail = mail("""
            From: =?UTF-8?Q?Nguy=E1=BB=85n_V=C4=83n_An?= <an@example.vn>
            Subject: =?UTF-8?B?TeG6pXQgxJFp4buHbg==?= =?utf-8?q?_k=C3=A9o_d=C3=A0i?= (PC05TK)
            Message-ID: <abc@example.vn>

            x
            """)
        #expect(mail.subject == "Mất điện kéo dài (PC05TK)")
        #expect(mail.from?.name == "Nguyễn Văn An")
        #expect(mail.from?.email == "an@example.vn")
        #expect(mail.messageID == "abc@example.vn")
    }

    @Test func aWordInAnUnknownCharsetStaysAsWritten() {
        let mail = mail("Subject: =?x-unknown?B?YWJj?= ok\n\nx")
        #expect(mail.subject == "=?x-unknown?B?YWJj?= ok")
    }

    @Test func foldedHeadersAreUnfoldedAndThreadIdentifiersListed() {
        let mail = mail("""
            From: an@example.vn
            Subject: Yeu cau
             cap dien
            In-Reply-To: <r1@evn.example.vn>
            References: <r0@example.vn>
            \t<r1@evn.example.vn>

            x
            """)
        #expect(mail.subject == "Yeu cau cap dien")
        #expect(mail.inReplyTo == ["r1@evn.example.vn"])
        #expect(mail.references == ["r0@example.vn", "r1@evn.example.vn"])
        #expect(mail.replyAddress?.email == "an@example.vn")
    }

    @Test func aQuotedPrintableBodyIsDecodedWithItsSoftLineBreaks() {
        let mail = mail("""
            From: an@example.vn
            Content-Type: text/plain; charset="utf-8"
            Content-Transfer-Encoding: quoted-printable

            M=C3=A3 kh=C3=A1ch h=C3=A0ng PC05TK0012345, nh=C3=A0 t=C3=B4i m=E1=BA=A5t =
            =C4=91i=E1=BB=87n t=E1=BB=AB s=C3=A1ng.
            """)
        #expect(mail.text == "Mã khách hàng PC05TK0012345, nhà tôi mất điện từ sáng.")
    }

    @Test func aLatin1BodyReadsAsText() {
        let bytes = Array("From: an@example.vn\r\nContent-Type: text/plain; charset=iso-8859-1\r\n\r\n".utf8) + [0x43, 0x61, 0x66, 0xE9]
        #expect(InboundMail(bytes).text == "Café")
    }

    @Test func aMultipartMailGivesItsPlainTextAndItsAttachmentsWithTheirNames() throws {
        let pdf = Array("%PDF-1.4 hoa don".utf8)
        let photo: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3]
        let mail = mail("""
            From: "Tran Thi B" <b@example.vn>
            Subject: Hoa don
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="outer"

            preamble
            --outer
            Content-Type: multipart/alternative; boundary=inner

            --inner
            Content-Type: text/plain; charset=UTF-8
            Content-Transfer-Encoding: base64

            \(Data("Hóa đơn tháng 6 của tôi".utf8).base64EncodedString())
            --inner
            Content-Type: text/html; charset=UTF-8

            <p>Hóa đơn <b>tháng 6</b></p>
            --inner--
            --outer
            Content-Type: application/pdf
            Content-Disposition: attachment; filename*=UTF-8''H%C3%B3a%20%C4%91%C6%A1n.pdf
            Content-Transfer-Encoding: base64

            \(Data(pdf).base64EncodedString())
            --outer
            Content-Type: image/jpeg; name="=?UTF-8?B?xJFp4buHbi5qcGc=?="
            Content-Transfer-Encoding: base64

            \(Data(photo).base64EncodedString())
            --outer--
            epilogue
            """)
        #expect(mail.from?.name == "Tran Thi B")
        #expect(mail.text == "Hóa đơn tháng 6 của tôi")
        try #require(mail.attachments.count == 2)
        #expect(mail.attachments[0].fileName == "Hóa đơn.pdf")
        #expect(mail.attachments[0].declaredType == "application/pdf")
        #expect(mail.attachments[0].bytes == pdf)
        #expect(AttachmentContentType(sniffing: mail.attachments[0].bytes) == .pdf)
        #expect(mail.attachments[1].fileName == "điện.jpg")
        #expect(mail.attachments[1].bytes == photo)
        #expect(AttachmentContentType(sniffing: mail.attachments[1].bytes) == .jpeg)
    }

    @Test func anHTMLOnlyMailIsReadWithoutItsMarkup() {
        let mail = mail("""
            From: an@example.vn
            Content-Type: text/html; charset=utf-8

            <html><style>p {}</style><p>Xin ch&agrave;o</p><p>Mất điện &amp; hỏng công tơ<br>PC05TK0012345</p></html>
            """)
        #expect(mail.text.contains("Mất điện & hỏng công tơ\nPC05TK0012345"))
        #expect(!mail.text.contains("<"))
        #expect(!mail.text.contains("p {}"))
    }

    @Test func aMailWithoutHeadersOrUsableSenderIsStillRead() {
        let mail = mail("From: not an address\n\nbody")
        #expect(mail.from == nil)
        #expect(mail.replyAddress == nil)
        #expect(mail.subject == "")
        #expect(mail.text == "body")
    }

    @Test func aFileDeclaredAsAnImageButHoldingSomethingElseIsNotTakenForOne() {
        #expect(AttachmentContentType(sniffing: Array("MZ\u{90}executable".utf8)) == nil)
        #expect(AttachmentContentType(sniffing: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]) == .png)
    }
}
