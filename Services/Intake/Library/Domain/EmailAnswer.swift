import Contracts
import WebPages

/// The automatic answer to a customer's e-mail, in Vietnamese and then English: the code the
/// mail was filed under, who answers it, and how to track it.
struct EmailAnswer: Sendable, Equatable {
    let subject: String
    let text: String

    /// The mail was filed as an inquiry under `requestCode` for `branch`.
    static func received(requestCode: String, branch: Branch, subject: String) -> EmailAnswer {
        answer(filed: ("yêu cầu mã \(requestCode)", "request \(requestCode)"), requestCode: requestCode,
               branch: branch, subject: subject)
    }

    /// The mail was filed as a service request of `kind` under `requestCode` for `branch`.
    static func filed(kind: RequestKind, requestCode: String, branch: Branch, subject: String) -> EmailAnswer {
        let words = (vi: kind.shown(in: .vi).lowercased(), en: kind.shown(in: .en).lowercased())
        return answer(filed: ("yêu cầu \(words.vi), mã \(requestCode)", "a request for \(words.en), code \(requestCode)"),
                      requestCode: requestCode, branch: branch, subject: subject)
    }

    private static func answer(filed what: (vi: String, en: String), requestCode: String, branch: Branch,
                               subject: String) -> EmailAnswer {
        let original = subject.trimmingCharacters(in: .whitespaces)
        let reSubject = original.lowercased().hasPrefix("re:") ? original
            : "Re: " + (original.isEmpty ? "Yêu cầu \(requestCode)" : original)
        let who = branch.code == ReceivedInquiry.corporationDesk.code ? branch.name : "Điện lực \(branch.name)"
        let text = """
            Kính gửi Quý khách,

            \(who) đã nhận thư của Quý khách và ghi nhận \(what.vi). \
            Chúng tôi sẽ trả lời trong thời hạn quy định. Khi cần trao đổi thêm, Quý khách vui lòng \
            trả lời thư này (giữ nguyên tiêu đề) hoặc gọi \(branch.hotline) và cho biết mã yêu cầu.

            Dear customer,

            \(who) has received your e-mail and filed it as \(what.en). \
            We will answer within the prescribed time. To add anything, reply to this e-mail \
            (keeping its subject) or call \(branch.hotline) quoting the request code.

            Đây là thư trả lời tự động. / This is an automatic reply.
            """
        return EmailAnswer(subject: reSubject, text: text)
    }
}
