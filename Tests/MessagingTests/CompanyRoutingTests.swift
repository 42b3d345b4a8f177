import Foundation
@testable import Messaging
import Testing

/// The provincial power company in an event's routing key, and the bindings that take every
/// company's events (an unsharded service) or only a shard's (docs/scaling.md).
@Suite struct CompanyRoutingTests {
    private func envelope(_ routingKey: String, correlationId: String?) -> Envelope {
        Envelope(routingKey: routingKey, correlationId: correlationId, appId: "intake", body: Data())
    }

    @Test(arguments: [
        ("PC05TK-261129-000001", "PC05"), ("PCDNHC0000042", "PCDN"), ("PC05TK", "PC05"), ("PC05", "PC05"),
    ])
    func aRequestCustomerOrBranchCodeNamesItsCompany(ownerKey: String, company: String) {
        #expect(CompanyRouting.company(of: ownerKey) == company)
    }

    @Test(arguments: [nil, "", "PC0", "QNA-2611-000042", "pc05tk-261129-000001", "R-1"] as [String?])
    func anythingElseNamesNone(ownerKey: String?) {
        #expect(CompanyRouting.company(of: ownerKey) == nil)
    }

    @Test func anEventGoesOutUnderItsCompanyACommandUnderItsBareKey() {
        let submitted = envelope("intake.request.submitted", correlationId: "PC05TK-261129-000001")
        let event = OutgoingMessage.event(submitted)
        #expect(event.routingKey == "intake.request.submitted.PC05")
        #expect(event.envelope.routingKey == "intake.request.submitted", "handlers still choose by the envelope's key")
        #expect(OutgoingMessage.event(envelope("svc.meter.read", correlationId: nil)).routingKey == "svc.meter.read")
        let command = OutgoingMessage.command(envelope("notification.send-sms", correlationId: "PC05TK-261129-000001"))
        #expect(command.routingKey == "notification.send-sms")
    }

    @Test func anUnshardedServiceBindsEveryCompanysEventsAndItsCommandsExactly() {
        var handlers = MessageHandlers()
        handlers.onEvent("intake.request.submitted") { _, _ in }
        handlers.onCommand("crm.close-ticket") { _, _ in }
        #expect(handlers.bindings == [
            Binding(exchange: Exchange.events, routingKey: "intake.request.submitted.#"),
            Binding(exchange: Exchange.commands, routingKey: "crm.close-ticket"),
        ])
    }

    @Test func aShardBindsItsCompaniesAndTheBareKeyOnly() {
        var handlers = MessageHandlers()
        handlers.onEvent("intake.request.submitted") { _, _ in }
        handlers.onCommand("crm.close-ticket") { _, _ in }
        handlers.restrict(to: { $0.hasPrefix("PC05") || $0.hasPrefix("PC06") }, companies: ["PC06", "PC05"])
        #expect(handlers.bindings.map(\.routingKey) == [
            "intake.request.submitted", "intake.request.submitted.PC05", "intake.request.submitted.PC06",
            "crm.close-ticket",
        ])
    }

    @Test func aShardWhoseBranchesNoCompanyNamesBindsEveryCompany() {
        var handlers = MessageHandlers()
        handlers.onEvent("intake.request.submitted") { _, _ in }
        handlers.restrict(to: { $0.hasPrefix("PC") }, companies: nil)
        #expect(handlers.bindings.map(\.routingKey) == ["intake.request.submitted.#"])
    }
}
