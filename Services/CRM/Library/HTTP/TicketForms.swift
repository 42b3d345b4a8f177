import Contracts
import ServiceKit

/// `POST …/contact`: `{"note"?}`, what was said, kept in crm.
struct ContactForm: Decodable, Sendable {
    static let noteLimit = 2000

    var note: String?

    func validated() throws -> String? {
        var problems = FormProblems()
        problems.checkText(note, field: "note", required: false, limit: Self.noteLimit)
        try problems.check()
        return note.trimmedText
    }
}

/// `POST …/survey`: `{"outcome", "phase", "reason"?}`; `reason` is required when `infeasible`.
struct SurveyForm: Decodable, Sendable {
    /// The reason is the sentence the customer's refusal SMS carries, and notification takes at
    /// most 150 characters for it (two GSM-7 segments): a longer one would reach nobody.
    static let reasonLimit = 150

    var outcome: String?
    var phase: Int?
    var reason: String?

    func validated() throws -> Ticket.Survey {
        var problems = FormProblems()
        let outcome = outcome.flatMap(SurveyRecorded.Outcome.init(rawValue:))
        if outcome == nil {
            problems.add("outcome", code: "outcome.invalid",
                         vi: "Kết quả khảo sát phải là feasible, needs_pole_or_cable hoặc infeasible",
                         en: "The outcome must be feasible, needs_pole_or_cable or infeasible")
        }
        let phase = phase.flatMap(MeterPhase.init(rawValue:))
        if phase == nil {
            problems.add("phase", code: "phase.invalid", vi: "Số pha phải là 1 hoặc 3", en: "The phase must be 1 or 3")
        }
        problems.checkText(reason, field: "reason", required: outcome == .infeasible, limit: Self.reasonLimit)
        try problems.check()
        guard let outcome, let phase else { throw APIError.malformed(field: "") }
        return Ticket.Survey(outcome: outcome, phase: phase, reason: outcome == .infeasible ? reason.trimmedText : nil)
    }
}

/// `POST …/screening-resolution`: `{"decision": "cleared"|"refused", "note"}`. On a refusal
/// the note is the sentence the customer is told, so it must name no other person.
struct ScreeningResolutionForm: Decodable, Sendable {
    static let noteLimit = 500

    var decision: String?
    var note: String?

    func validated() throws -> (decision: ScreeningDecision, note: String) {
        var problems = FormProblems()
        let decision = decision.flatMap(ScreeningDecision.init(rawValue:))
        if decision == nil {
            problems.add("decision", code: "decision.invalid", vi: "Quyết định phải là cleared hoặc refused",
                         en: "The decision must be cleared or refused")
        }
        problems.checkText(note, field: "note", required: true, limit: Self.noteLimit)
        try problems.check()
        guard let decision, let note = note.trimmedText else { throw APIError.malformed(field: "") }
        return (decision, note)
    }
}

/// `POST …/amendment`: `{"note"?}`, what staff changed on the contract, kept in crm.
struct AmendmentForm: Decodable, Sendable {
    static let noteLimit = 2000

    var note: String?

    func validated() throws -> String? {
        var problems = FormProblems()
        problems.checkText(note, field: "note", required: false, limit: Self.noteLimit)
        try problems.check()
        return note.trimmedText
    }
}

/// `POST …/decision`: `{"decision": "approve"|"refuse", "reason"?, "phase"?}` on a service
/// request. A refusal's reason is the sentence the customer is told, so it is required and
/// must name no other person; `phase` (1 or 3, default 1) is a split's new meter's.
struct DecisionForm: Decodable, Sendable {
    /// As ``SurveyForm/reasonLimit``: the customer is told the reason by SMS.
    static let reasonLimit = SurveyForm.reasonLimit

    var decision: String?
    var reason: String?
    var phase: Int?

    func validated() throws -> (approve: Bool, reason: String?, phase: MeterPhase) {
        var problems = FormProblems()
        let approve: Bool? = switch decision {
        case "approve": true
        case "refuse": false
        default: nil
        }
        if approve == nil {
            problems.add("decision", code: "decision.invalid", vi: "Quyết định phải là approve hoặc refuse",
                         en: "The decision must be approve or refuse")
        }
        let parsedPhase = phase.map(MeterPhase.init(rawValue:)) ?? .single
        if parsedPhase == nil {
            problems.add("phase", code: "phase.invalid", vi: "Số pha phải là 1 hoặc 3", en: "The phase must be 1 or 3")
        }
        problems.checkText(reason, field: "reason", required: approve == false, limit: Self.reasonLimit)
        try problems.check()
        guard let approve, let parsedPhase else { throw APIError.malformed(field: "") }
        return (approve, reason.trimmedText, parsedPhase)
    }
}

/// `POST …/answer`: `{"text"}`, an officer's answer to an inquiry, sent to the customer as written.
struct AnswerForm: Decodable, Sendable {
    static let textLimit = 10_000

    var text: String?

    func validated() throws -> String {
        try FormProblems.requiredText(text, field: "text", limit: Self.textLimit)
    }
}

extension ContactForm {
    func step() throws -> TicketStep { .contact(note: try validated()) }
}

extension SurveyForm {
    func step() throws -> TicketStep { .survey(try validated()) }
}

extension ScreeningResolutionForm {
    func step() throws -> TicketStep {
        let resolution = try validated()
        return .screeningResolution(resolution.decision, note: resolution.note)
    }
}

extension DecisionForm {
    func step() throws -> TicketStep {
        let decision = try validated()
        return .decision(approve: decision.approve, reason: decision.reason, phase: decision.phase)
    }
}

extension AmendmentForm {
    func step() throws -> TicketStep { .amendment(note: try validated()) }
}

extension AnswerForm {
    func step() throws -> TicketStep { .answer(text: try validated()) }
}
