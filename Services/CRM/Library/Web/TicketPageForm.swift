/// One form of the ticket page (``TicketPage``) as its error summary needs it: when the page
/// shows it, the id of each of its inputs by the field the API names, and its button.
///
/// The forms share field names (`note`, `reason`, `phase`, `decision`), so the id an error
/// links to follows from the step that was refused, not from the field alone.
struct TicketPageForm: Sendable {
    /// The page's value that shows the form.
    let shownWhen: String
    /// The input of each field, by the API's field name.
    let inputs: [String: String]
    /// The form's button: where an error about the step as a whole leads.
    let button: String

    /// The form of each step, by the step's path (`POST /phieu/{ticketId}/{step}`).
    static let byStep: [String: TicketPageForm] = [
        "assignment": TicketPageForm(shownWhen: "canAssign", inputs: ["officerId": "officer-id"], button: "assign"),
        "contact": TicketPageForm(shownWhen: "canContact", inputs: ["note": "contact-note"], button: "record-contact"),
        "survey": TicketPageForm(shownWhen: "canSurvey",
                                 inputs: ["outcome": "outcome", "phase": "phase", "reason": "survey-reason"],
                                 button: "record-survey"),
        "installation": TicketPageForm(shownWhen: "canInstall", inputs: [:], button: "request-installation"),
        "screening-resolution": TicketPageForm(shownWhen: "canResolve",
                                               inputs: ["decision": "resolution", "note": "resolution-note"],
                                               button: "resolve-screening"),
        "decision": TicketPageForm(shownWhen: "canDecide",
                                   inputs: ["decision": "decision", "reason": "decision-reason", "phase": "decision-phase"],
                                   button: "record-decision"),
        "amendment": TicketPageForm(shownWhen: "canAmend", inputs: ["note": "amendment-note"], button: "record-amendment"),
        "answer": TicketPageForm(shownWhen: "canAnswer", inputs: ["text": "answer-text"], button: "send-answer"),
        "close": TicketPageForm(shownWhen: "canClose", inputs: [:], button: "close-inquiry"),
    ]

    /// Where the summary's link for an error about `field` of `step` leads on a page of
    /// `context`: the field's input, else the form's button, while the page shows the form;
    /// else (a ticket that moved on, a step this ticket does not take) its status.
    static func anchor(of field: String, step: String?, in context: [String: Any]) -> String {
        guard let form = step.flatMap({ byStep[$0] }), context[form.shownWhen] as? Bool == true else { return "status" }
        guard let input = form.inputs[field] else { return form.button }
        // The phase of a decision is asked only for a meter split.
        return input == "decision-phase" && context["isSplit"] as? Bool != true ? form.button : input
    }
}
