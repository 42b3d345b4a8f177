import Foundation
import VietnameseIdentity
import WebPages

/// The hidden field that makes a portal form idempotent, as `Idempotency-Key` makes the API
/// (``IdempotencyLedger``): each new form carries a fresh key, so a form sent twice (a double
/// click, a reload after the answer was lost) files one request, and both sends lead to its
/// receipt. A form shown again with its errors keeps its key: nothing was filed under it yet.
enum FormSubmissionKey {
    static let field = "formKey"

    /// Why a form sent again, changed, after it had filed its request, files nothing (409).
    static let sentWithOtherDetails = FieldError(field: "", code: "form.already_sent", message: LocalizedMessage(
        vi: "Biểu mẫu này đã được gửi trước đó với nội dung khác; vui lòng kiểm tra và gửi lại",
        en: "This form was already sent with other details; please check them and send it again"))

    /// The key to put in the form: the posted one, or a fresh one for a new form.
    static func rendered(_ posted: WebForm) -> String {
        posted[field].flatMap(valid) ?? UUID().uuidString
    }

    /// The claim a posted form makes: its key, set apart from any API client's, and the
    /// fingerprint of every other field. `nil` for a form without a well-formed key.
    static func claim(_ posted: WebForm) -> IdempotencyLedger.Claim? {
        guard let key = posted[field].flatMap(valid) else { return nil }
        let fields = posted.fields.filter { $0.key != field }.sorted { $0.key < $1.key }
        let canonical = fields.map { "\($0.key)=\($0.value)" }.joined(separator: "\n")
        return IdempotencyLedger.Claim(key: "form:\(key)", bodyFingerprint: BodyFingerprint.of(canonical.utf8))
    }

    /// The posted fields without the key, so that the form is shown again with a fresh one.
    static func dropped(from posted: WebForm) -> WebForm {
        WebForm(fields: posted.fields.filter { $0.key != field })
    }

    private static func valid(_ key: String) -> String? {
        UUID(uuidString: key)?.uuidString
    }
}
