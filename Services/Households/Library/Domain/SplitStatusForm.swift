import VietnameseIdentity

/// Why a sub-household has not split, as staff send it (the API's body, the dossier page's
/// form), before any check.
struct SplitStatusForm: Decodable, Sendable {
    var notSplitReason: String?
    var note: String?
    var wantsSplit: Bool?

    /// The status to record, or every field error at once: a reason from the coded list, a
    /// note of 2 to 500 characters, which `other` needs.
    func validate() throws(ValidationFailure) -> SplitStatusView {
        var validation = Validation()
        let reason = validation.optional("notSplitReason", notSplitReason) { (text: String) throws(HouseholdsProblem) in
            guard let reason = NotSplitReason(rawValue: text) else { throw .invalidReason }
            return reason
        }
        let note = validation.optional("note", note) { (text: String) throws(HouseholdsProblem) in
            try SubHouseholdValidator.text(text, length: 2...500, problem: .invalidText)
        }
        if reason == .other, note == nil { validation.add(MissingValue(), at: "note") }
        try validation.finish()
        return SplitStatusView(notSplitReason: reason, note: note, wantsSplit: wantsSplit ?? false)
    }
}
