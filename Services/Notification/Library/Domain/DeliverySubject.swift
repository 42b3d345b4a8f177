import Contracts
import Logging
import ServiceKit

/// What a delivery is about: the notice, and what it is filed under in the delivery log.
///
/// A request notice is filed under its request code and, once delivered, announced as
/// `notification.customer.notified` for crm's timeline of that request. A residence
/// reminder belongs to no request: it is filed under its reminder id and the shared meter's
/// customer code, and announced to nobody (that event's `Notice` names request notices only,
/// and crm keeps no timeline for a meter).
enum DeliverySubject: Sendable, Hashable {
    case request(CustomerNotified.Notice, requestCode: String)
    case residenceReminder(SendResidenceReminder.Threshold, reminderId: String, customerCode: String)
    /// An outage notice, filed under its incident or planned outage: one per phone and occasion.
    case outage(SendOutageNotice.Notice, reference: String)
    /// The answer to a customer's SMS, filed under the gateway's id of that SMS: one answer per message.
    case smsReply(messageId: String)
    /// The answer to a customer's e-mail, filed under intake's id of that mail: one answer per mail.
    case emailReply(mailId: String)
    /// A deadline digest e-mailed to branch staff, filed under crm's notice id: one e-mail per id.
    case staffDeadline(noticeId: String)

    /// Prefix of a reminder's `notice` column, before the threshold.
    static let reminderPrefix = "residence_"
    /// Prefix of an outage notice's `notice` column.
    private static let outagePrefix = "outage_"
    /// The `notice` column of an answer to an incoming SMS.
    private static let smsReplyNotice = "sms_reply"
    /// The `notice` column of an answer to an incoming e-mail.
    private static let emailReplyNotice = "email_reply"
    /// The `notice` column of a deadline digest to branch staff.
    private static let staffDeadlineNotice = "staff_deadline"

    /// Rebuilds the subject from its columns; `nil` for a notice this version does not know.
    init?(notice: String, reference: String, customerCode: String?) {
        if let customerCode {
            guard notice.hasPrefix(Self.reminderPrefix),
                  let threshold = SendResidenceReminder.Threshold(rawValue: String(notice.dropFirst(Self.reminderPrefix.count)))
            else { return nil }
            self = .residenceReminder(threshold, reminderId: reference, customerCode: customerCode)
        } else if notice == Self.smsReplyNotice {
            self = .smsReply(messageId: reference)
        } else if notice == Self.emailReplyNotice {
            self = .emailReply(mailId: reference)
        } else if notice == Self.staffDeadlineNotice {
            self = .staffDeadline(noticeId: reference)
        } else if notice.hasPrefix(Self.outagePrefix) {
            guard let outage = SendOutageNotice.Notice(rawValue: String(notice.dropFirst(Self.outagePrefix.count)))
            else { return nil }
            self = .outage(outage, reference: reference)
        } else {
            guard let notice = CustomerNotified.Notice(rawValue: notice) else { return nil }
            self = .request(notice, requestCode: reference)
        }
    }

    /// The `notice` column: the event's notice (`contract_ready`), `residence_<threshold>`,
    /// `outage_<notice>`, `sms_reply`, `email_reply` or `staff_deadline`.
    var notice: String {
        switch self {
        case .request(let notice, _): notice.rawValue
        case .residenceReminder(let threshold, _, _): Self.reminderPrefix + threshold.rawValue
        case .outage(let notice, _): Self.outagePrefix + notice.rawValue
        case .smsReply: Self.smsReplyNotice
        case .emailReply: Self.emailReplyNotice
        case .staffDeadline: Self.staffDeadlineNotice
        }
    }

    /// The `reference` column: the request code, the reminder id, the incident or planned
    /// outage, the answered SMS's or e-mail's id, or crm's id of a staff deadline notice.
    var reference: String {
        switch self {
        case .request(_, let requestCode): requestCode
        case .residenceReminder(_, let reminderId, _): reminderId
        case .outage(_, let reference): reference
        case .smsReply(let messageId): messageId
        case .emailReply(let mailId): mailId
        case .staffDeadline(let noticeId): noticeId
        }
    }

    /// The `customer_code` column: set on reminders only.
    var customerCode: String? {
        switch self {
        case .request, .outage, .smsReply, .emailReply, .staffDeadline: nil
        case .residenceReminder(_, _, let customerCode): customerCode
        }
    }

    /// Reminders and the staff's morning digests are bulk sends; everything else answers
    /// something a customer is waiting for.
    var priority: DeliveryPriority {
        switch self {
        case .request, .outage, .smsReply, .emailReply: .urgent
        case .residenceReminder, .staffDeadline: .bulk
        }
    }

    /// What every log line about the delivery carries: the request code and correlation id,
    /// or the reminder id and customer code; and the notice.
    var metadata: Logger.Metadata {
        switch self {
        case .request(let notice, let requestCode):
            .request(requestCode, ["notice": "\(notice.rawValue)"])
        case .residenceReminder(_, let reminderId, let customerCode):
            ["reminder_id": "\(reminderId)", "customer_code": "\(customerCode)", "notice": "\(self.notice)"]
        case .outage(_, let reference):
            ["reference": "\(reference)", "notice": "\(self.notice)"]
        case .smsReply(let messageId):
            ["sms_message_id": "\(messageId)", "notice": "\(self.notice)"]
        case .emailReply(let mailId):
            ["mail_id": "\(mailId)", "notice": "\(self.notice)"]
        case .staffDeadline(let noticeId):
            ["staff_notice_id": "\(noticeId)", "notice": "\(self.notice)"]
        }
    }
}
