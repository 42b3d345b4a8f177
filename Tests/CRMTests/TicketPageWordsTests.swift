@testable import CRM
import Contracts
import Foundation
import Messaging
import TestSupport
import Testing
import WebPages

/// The branch console's ticket page shows every status and outcome in the page's language:
/// the words, never the code the API's detail carries, and never an unreplaced placeholder.
@Suite struct TicketPageWordsTests {
    static let pages = try! WebPages(["ticket": TicketPage.template])

    /// The ticket page for `detail` (the API's JSON of a ticket, as the page reads it) in `language`.
    private func page(_ detail: [String: Any], in language: PageLanguage) -> String {
        var detail = detail
        detail["ticketId"] = "CRM-PC05TK-261203-000001"
        let html = Self.pages.html("ticket", title: "Phiếu", path: "/phieu/CRM-PC05TK-261203-000001",
                                   language: language, context: TicketPage.shown(detail, in: language))
        #expect(!html.contains("{{"), "no placeholder is left unreplaced")
        return html
    }

    /// The words of the element `id` of the page for `detail`, checked to show `label` and not `code`.
    private func expectShown(_ detail: [String: Any], at id: String, _ label: String, not code: String,
                             in language: PageLanguage) throws {
        let shown = try #require(PageElement(id: id, in: page(detail, in: language))).inner
        #expect(shown.contains(label), "\(id) shows \(label)")
        #expect(!shown.contains(code), "\(id) does not show the code \(code)")
    }

    /// An open new-connection ticket's detail, each test adding what it shows.
    static var connection: [String: Any] {
        ["kind": "new_connection", "requestKind": "new_low_voltage_connection", "requestCode": "PC05TK-261203-000001",
         "status": "open", "slaState": "on_track", "dueDate": "2026-12-08", "slaLimitWorkingDays": 3]
    }

    @Test(arguments: ScreeningCompleted.Outcome.allCases, PageLanguage.allCases)
    func theScreeningOutcomeIsShownInWords(outcome: ScreeningCompleted.Outcome, language: PageLanguage) throws {
        var detail = Self.connection
        detail["screening"] = ["outcome": outcome.rawValue, "conflicts": [Any]()]
        try expectShown(detail, at: "screening", outcome.shown(in: language), not: outcome.rawValue, in: language)
    }

    @Test(arguments: ScreeningDecision.allCases, PageLanguage.allCases)
    func theDecisionOnADuplicateIsShownInWords(decision: ScreeningDecision, language: PageLanguage) throws {
        var detail = Self.connection
        detail["screening"] = ["outcome": "conflict", "conflicts": [Any](), "decision": decision.rawValue]
        try expectShown(detail, at: "screening", decision.shown(in: language), not: decision.rawValue, in: language)
    }

    @Test(arguments: SurveyRecorded.Outcome.allCases, PageLanguage.allCases)
    func theSurveyOutcomeIsShownInWords(outcome: SurveyRecorded.Outcome, language: PageLanguage) throws {
        var detail = Self.connection
        detail["survey"] = ["outcome": outcome.rawValue, "phase": 1]
        try expectShown(detail, at: "survey", outcome.shown(in: language), not: outcome.rawValue, in: language)
    }

    @Test(arguments: [Contract.Status.drafted, .signed, .ended], PageLanguage.allCases)
    func theContractsStatusIsShownInWords(status: Contract.Status, language: PageLanguage) throws {
        var detail = Self.connection
        detail["contract"] = ["contractNumber": "HĐ-TK-2026-000123", "status": status.rawValue, "customerCode": "PC05TK0000123"]
        try expectShown(detail, at: "contract", status.shown(in: language), not: status.rawValue, in: language)
    }

    @Test(arguments: [TicketStatus.open, .closed], PageLanguage.allCases)
    func theTicketsStatusIsShownInWords(status: TicketStatus, language: PageLanguage) throws {
        var detail = Self.connection
        detail["status"] = status.rawValue
        try expectShown(detail, at: "status", status.shown(in: language), not: status.rawValue, in: language)
    }

    @Test(arguments: TicketClosed.Resolution.allCases, PageLanguage.allCases)
    func howAClosedTicketEndedIsShownInWords(resolution: TicketClosed.Resolution, language: PageLanguage) throws {
        var detail = Self.connection
        detail["status"] = "closed"
        detail["closure"] = ["resolution": resolution.rawValue, "slaOutcome": "met"]
        try expectShown(detail, at: "status", resolution.shown(in: language), not: resolution.rawValue, in: language)
    }

    @Test(arguments: [SLAState.onTrack, .dueToday, .breached, .met], PageLanguage.allCases)
    func whereTheTicketStandsAgainstItsDeadlineIsShownInWords(state: SLAState, language: PageLanguage) throws {
        var detail = Self.connection
        detail["slaState"] = state.rawValue
        let due = try #require(PageElement(id: "due", in: page(detail, in: language))).inner
        #expect(due.contains(state.shown(in: language)))
        #expect(!due.contains(state.rawValue))
    }

    @Test(arguments: [ServiceStage.screening, .review, .fieldWork, .counting, .closed], PageLanguage.allCases)
    func theStageAServiceRequestWaitsAtIsShownInWords(stage: ServiceStage, language: PageLanguage) throws {
        let detail: [String: Any] = [
            "kind": "service_request", "requestKind": "meter_inspection", "requestCode": "PC05TK-261203-000002",
            "status": "open", "stage": stage.rawValue, "slaState": "on_track",
        ]
        try expectShown(detail, at: "stage", stage.shown(in: language), not: stage.rawValue, in: language)
    }

    @Test(arguments: HouseholdCountChanged.Reason.allCases, PageLanguage.allCases)
    func theHouseholdChangeBehindAnAmendmentIsShownInWords(reason: HouseholdCountChanged.Reason,
                                                           language: PageLanguage) throws {
        let detail: [String: Any] = [
            "kind": "contract_amendment", "status": "open", "slaState": "on_track", "customerCode": "PC05TK0000123",
            "previousCount": ["quarters": 8, "households": "2"], "newCount": ["quarters": 12, "households": "3"],
            "reason": reason.rawValue,
        ]
        try expectShown(detail, at: "household-change", "2 → 3", not: "quarters", in: language)
        try expectShown(detail, at: "household-change", reason.shown(in: language), not: reason.rawValue, in: language)
    }

    @Test(arguments: PageLanguage.allCases)
    func theFormsOfferEachOutcomeAndDecisionInWordsAndPostItsCode(language: PageLanguage) throws {
        var detail = Self.connection
        detail["canSurvey"] = true
        detail["canResolve"] = true
        let html = page(detail, in: language)
        let outcomes = try #require(PageElement(id: "outcome", in: html)).inner
        for outcome in SurveyRecorded.Outcome.allCases {
            #expect(outcomes.contains(#"<option value="\#(outcome.rawValue)">\#(outcome.shown(in: language))</option>"#))
        }
        let decisions = try #require(PageElement(id: "resolution", in: html)).inner
        for decision in ScreeningDecision.allCases {
            #expect(decisions.contains(#"<option value="\#(decision.rawValue)">\#(decision.shown(in: language))</option>"#))
        }
    }

    @Test(arguments: PageLanguage.allCases)
    func noCodeOfTheDetailGetsTheWordsOfAnother(language: PageLanguage) throws {
        var detail = Self.connection
        detail["screening"] = ["outcome": "unknown_outcome", "conflicts": [Any]()]
        let screening = try #require(PageElement(id: "screening", in: page(detail, in: language))).inner
        #expect(screening.isEmpty, "a code the page does not know is not shown raw")
    }

    /// What a service request asks for, as the API's detail encodes it.
    private static func service(_ kind: RequestKind, _ details: ServiceRequestDetails) throws -> [String: Any] {
        let encoded = try JSONSerialization.jsonObject(with: JSONCoding.encoder.encode(details))
        return ["kind": "service_request", "requestKind": kind.rawValue, "requestCode": "PC05TK-261203-000002",
                "status": "open", "stage": "review", "slaState": "on_track", "dueDate": "2026-12-08",
                "slaLimitWorkingDays": 3, "details": encoded]
    }

    @Test(arguments: PageLanguage.allCases)
    func theOfficerReadsWhatTheRequestAsksForBeforeDeciding(language: PageLanguage) throws {
        let holder = page(try Self.service(.changeOfHolder, ServiceRequestDetails(
            newHolder: Person(fullName: "Trần Thị Bình", idNumber: "079088001234"),
            newHolderContact: CustomerContact(phone: "+84987654321"), note: "Bán nhà cho chị Bình")), in: language)
        let newHolder = try #require(PageElement(id: "new-holder", in: holder)).inner
        #expect(newHolder.contains("Trần Thị Bình") && newHolder.contains("+84987654321"))
        #expect(!newHolder.contains("079088001234"), "the ID number is masked")
        #expect(try #require(PageElement(id: "request-note", in: holder)).inner == "Bán nhà cho chị Bình")

        let households = page(try Self.service(.householdCountChange, ServiceRequestDetails(
            newHouseholds: [Person(fullName: "Lê Văn Cường", idNumber: "001090012345")],
            leavingSubHouseholdIds: ["SH-2", "SH-5"])), in: language)
        #expect(try #require(PageElement(id: "leaving-households", in: households)).inner == "SH-2, SH-5")
        #expect(try #require(PageElement(id: "joining-households", in: households)).inner.contains("Lê Văn Cường"))
        #expect(PageElement(id: "new-holder", in: households) == nil, "a field the request left out has no row")

        let purpose = page(try Self.service(.changeOfPurpose, ServiceRequestDetails(purpose: .business)), in: language)
        #expect(try #require(PageElement(id: "new-purpose", in: purpose)).inner == PurposeOfUse.business.shown(in: language))
    }
}
