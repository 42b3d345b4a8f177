import Contracts
import StaffAuth

/// An officer's answer to an e-mailed inquiry as the customer reads it: the officer's own
/// words, framed in Vietnamese and English with the request code and the branch, under the
/// customer's subject so that it lands in their thread.
struct InquiryAnswer: Sendable, Equatable {
    let subject: String
    let text: String

    init(officerText: String, requestCode: String, branch: Branch, customerSubject: String) {
        let original = customerSubject.trimmingCharacters(in: .whitespaces)
        subject = original.lowercased().hasPrefix("re:") ? original
            : "Re: " + (original.isEmpty ? "Yêu cầu \(requestCode)" : original)
        let who = branch.code == StaffClaims.corporationUnit ? branch.name : "Điện lực \(branch.name)"
        text = """
            Kính gửi Quý khách, / Dear customer,

            \(officerText)

            --
            \(who) trả lời yêu cầu mã \(requestCode). Khi cần trao đổi thêm, Quý khách vui lòng trả \
            lời thư này (giữ nguyên tiêu đề) hoặc gọi \(branch.hotline).
            \(who) answering request \(requestCode). To add anything, reply to this e-mail (keeping \
            its subject) or call \(branch.hotline).
            """
    }
}
