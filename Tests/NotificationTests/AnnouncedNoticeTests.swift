import Contracts
import Foundation
@testable import Notification
import Testing

/// What crm hears of a settled batch: one event per request notice and cause, naming each of
/// its delivered messages, and nothing of what did not go out or belongs to no request.
@Suite struct AnnouncedNoticeTests {
    static let sent = Date(timeIntervalSince1970: 1_764_900_000.6)

    @Test func aNoticesSMSAndEmailMakeOneEventAndAnotherRequestsNoticeItsOwn() {
        let batch = [
            Self.delivered(.sms, "PC05TK-261206-000001", .requestReceived, cause: "m1"),
            Self.delivered(.sms, "PC05TK-261206-000002", .contractReady, cause: "m2"),
            Self.delivered(.email, "PC05TK-261206-000001", .requestReceived, cause: "m1", after: 2),
        ]
        let events = AnnouncedNotice.delivered(in: batch).map(\.event)
        #expect(events == [
            CustomerNotified(requestCode: "PC05TK-261206-000001", notice: .requestReceived, channel: .sms,
                             deliveredAt: Date(timeIntervalSince1970: 1_764_900_000),
                             alsoDelivered: [.init(channel: .email, deliveredAt: Date(timeIntervalSince1970: 1_764_900_002))]),
            CustomerNotified(requestCode: "PC05TK-261206-000002", notice: .contractReady, channel: .sms,
                             deliveredAt: Date(timeIntervalSince1970: 1_764_900_000)),
        ])
        #expect(AnnouncedNotice.delivered(in: batch).map(\.cause.messageId) == ["m1", "m2"])
    }

    @Test func theSameNoticeAskedTwiceIsAnnouncedOncePerAsking() {
        let batch = [
            Self.delivered(.sms, "PC05TK-261206-000001", .contractReady, cause: "first code"),
            Self.delivered(.sms, "PC05TK-261206-000001", .contractReady, cause: "new code"),
        ]
        #expect(AnnouncedNotice.delivered(in: batch).map(\.cause.messageId) == ["first code", "new code"])
    }

    @Test func aFailedOrRetriedMessageAndAReminderAreNotAnnounced() {
        let failure = DeliveryFailure(kind: .transient, reason: "gateway busy")
        let batch = [
            SettledDelivery(delivery: Self.delivery(.email, .request(.requestReceived, requestCode: "PC05TK-261206-000001"), cause: "m1"),
                            settlement: .retry(failure, retryAt: Self.sent.addingTimeInterval(30))),
            SettledDelivery(delivery: Self.delivery(.sms, .request(.requestRefused, requestCode: "PC05TK-261206-000003"), cause: "m3"),
                            settlement: .failed(failure, at: Self.sent)),
            SettledDelivery(delivery: Self.delivery(.sms, .residenceReminder(.expired, reminderId: "r1", customerCode: "PC05TK0012345"),
                                                    cause: "m4"),
                            settlement: .delivered(outcome: "SMSID 1", at: Self.sent)),
            Self.delivered(.sms, "PC05TK-261206-000001", .requestReceived, cause: "m1"),
        ]
        let events = AnnouncedNotice.delivered(in: batch).map(\.event)
        #expect(events.map(\.requestCode) == ["PC05TK-261206-000001"])
        #expect(events.first?.deliveries.map(\.channel) == [.sms])
        #expect(events.first?.alsoDelivered == nil)
    }

    private static func delivered(_ channel: CustomerNotified.DeliveryChannel, _ requestCode: String,
                                  _ notice: CustomerNotified.Notice, cause: String, after seconds: TimeInterval = 0) -> SettledDelivery {
        SettledDelivery(delivery: delivery(channel, .request(notice, requestCode: requestCode), cause: cause),
                        settlement: .delivered(outcome: "accepted", at: sent.addingTimeInterval(seconds)))
    }

    private static func delivery(_ channel: CustomerNotified.DeliveryChannel, _ subject: DeliverySubject, cause: String) -> Delivery {
        Delivery(id: UUID().uuidString, subject: subject, channel: channel, recipientMasked: "+8491****678",
                 recipientSealed: Data(), contentSealed: Data(), attempts: 1, causationId: cause, traceparent: nil)
    }
}
