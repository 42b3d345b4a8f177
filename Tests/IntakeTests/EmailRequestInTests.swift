import Contracts
import Foundation
import GRDB
import Mail
import Messaging
import TestSupport
import Testing

/// A mail that asks plainly for a service request, delivered over LMTP into the real
/// customer-care mailbox (Dovecot) and read by intake over IMAP: what intake sends on the wire,
/// and that a crash between the request's commit and the mail's record files it once.
@Suite struct EmailRequestInTests {
    static let observer = ObserverQueue("intake-test.email-request-in",
                                        events: [InquiryReceived.routingKey, ServiceRequestSubmitted.routingKey]
                                            .map(CompanyRouting.everyCompany),
                                        commands: [SendEmailReply.routingKey])
    let fixture = CustomerCareMailbox.current
    let folder = "intake-\(UUID().uuidString.prefix(8).lowercased())"

    private var environment: [String: String] { fixture.readerSettings(folder: folder) }

    private var mailbox: IMAPMailbox {
        IMAPMailbox(settings: IMAPSettings(url: fixture.imapURL(folder: folder), username: fixture.username,
                                           password: fixture.password, timeout: .seconds(20)))
    }

    private func deliverRenewal() throws {
        try fixture.deliverCustomerMail(from: "Tran Thi Chi", address: "chi.tran@khachhang.example.vn",
                                        subject: "Gia han hop dong", text: """
            Khách hàng PC05TK0012345 đề nghị gia hạn hợp đồng mua bán điện.
            CCCD 049190123456, SĐT 0905 123 456.
            """, folder: folder)
    }

    @Test func aMailAskingForARenewalIsFiledAsThatRequestByEmailAndAnsweredNamingIt() async throws {
        try deliverRenewal()
        try await IntakeHarness.run(observing: [Self.observer], environment: environment) { intake in
            try await intake.awaitSent(SendEmailReply.routingKey)
            let request = try #require(try await intake.sent(ServiceRequestSubmitted.self).first)
            #expect(request.requestKind == .contractRenewal)
            #expect(request.channel == .email)
            #expect(request.branch.code == "PC05TK")
            #expect(request.customerCode == "PC05TK0012345")
            #expect(request.requester.fullName == "Tran Thi Chi")
            #expect(request.requester.email == "chi.tran@khachhang.example.vn")
            #expect(try await intake.sent(InquiryReceived.self).isEmpty)
            let reply = try #require(try await intake.sent(SendEmailReply.self).first)
            #expect(reply.requestCode == request.requestCode)
            #expect(reply.text.contains("ghi nhận yêu cầu gia hạn hợp đồng mua bán điện, mã \(request.requestCode)"))
            // Logged once the mail is marked handled in the mailbox, after the reply is queued.
            try await eventually("the mail is logged as filed") {
                intake.logs.contains("e-mail filed as a service request", where: "kind", is: "contract_renewal")
            }
        }
    }

    @Test func aRequestFiledJustBeforeACrashIsFiledOnceAfterTheRestart() async throws {
        try deliverRenewal()
        try await IntakeHarness.run(observing: [Self.observer], environment: environment) { intake in
            try await intake.awaitSent(SendEmailReply.routingKey)
            try await eventually("the mail is marked handled") { try mailbox.unhandledUIDs().isEmpty }
            let store = intake.service.host.context.configuration.storePath
            await intake.service.stop()
            // What a crash after the request's commit and before the mail's record leaves: the
            // request stored, the mail neither recorded nor marked handled.
            try await DatabaseQueue(path: store).write { db in try db.execute(sql: "DELETE FROM intake_inbound_mail") }
            try mailbox.markUnhandled(uid: 1)

            try await intake.start()
            try await eventually("the mail is marked handled again") { try mailbox.unhandledUIDs().isEmpty }
            try await intake.awaitOutboxDrained()
            #expect(try await intake.sent(ServiceRequestSubmitted.self).count == 1)
            #expect(try await intake.count("intake_service_requests") == 1)
            #expect(try await intake.count("intake_inbound_mail") == 1)
            #expect(try await intake.sent(InquiryReceived.self).isEmpty)
            let codes = Set(try await intake.sent(SendEmailReply.self).map(\.requestCode))
            #expect(codes.count == 1, "every answer names the one request filed")
        }
    }
}
