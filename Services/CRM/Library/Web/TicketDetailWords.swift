import Contracts
import WebPages

/// Puts beside each code of a ticket's detail (the API's JSON, as the ticket page's template
/// reads it) the words the page shows for it, so that staff read "Không trùng hồ sơ nào",
/// never `clear`; a code the detail does not hold gets no words rather than its raw value.
struct TicketDetailWords {
    let language: PageLanguage

    /// `detail` with `statusLabel`, `slaLabel`, `stageLabel`, `kindLabel`, `reasonLabel` (of an
    /// amendment's household change), and `outcomeLabel`,
    /// `decisionLabel`, `statusLabel` or `resolutionLabel` inside its screening, survey,
    /// contract and closure; the contract and each version of its history get `endsLabel`
    /// (its last day, or that it is open-ended), and each version its `changeLabel`,
    /// `statusLabel` and `tariffLabel`.
    func adding(to detail: [String: Any]) -> [String: Any] {
        var detail = detail
        detail["statusLabel"] = TicketStatus.shown(detail["status"], in: language)
        detail["slaLabel"] = SLAState.shown(detail["slaState"], in: language)
        detail["stageLabel"] = ServiceStage.shown(detail["stage"], in: language)
        detail["kindLabel"] = BranchPages.kind((detail["kind"] as? String).flatMap(TicketKind.init(rawValue:)),
                                               (detail["requestKind"] as? String).flatMap(RequestKind.init(rawValue:)),
                                               language)
        detail["reasonLabel"] = HouseholdCountChanged.Reason.shown(detail["reason"], in: language)
        detail["screening"] = part(detail["screening"]) { screening in
            screening["outcomeLabel"] = ScreeningCompleted.Outcome.shown(screening["outcome"], in: language)
            screening["decisionLabel"] = ScreeningDecision.shown(screening["decision"], in: language)
        }
        detail["survey"] = part(detail["survey"]) { survey in
            survey["outcomeLabel"] = SurveyRecorded.Outcome.shown(survey["outcome"], in: language)
        }
        detail["endedContract"] = part(detail["endedContract"]) { contract in
            let history = contract["history"] as? [[String: Any]] ?? []
            contract["endedOn"] = (history.last { $0["change"] as? String == "ended" }?["effectiveOn"] as? String)
                .map(ShownTime.day)
        }
        detail["contract"] = part(detail["contract"]) { contract in
            contract["statusLabel"] = Contract.Status.shown(contract["status"], in: language)
            contract["endsLabel"] = ends(contract["endsOn"], termMonths: contract["termMonths"])
            let history = (contract["history"] as? [[String: Any]] ?? []).map { version -> [String: Any] in
                var version = version
                version["changeLabel"] = ContractVersion.Change.shown(version["change"], in: language)
                version["statusLabel"] = Contract.Status.shown(version["status"], in: language)
                version["tariffLabel"] = TariffGroup.shown(version["tariffGroup"], in: language)
                version["endsLabel"] = ends(version["endsOn"], termMonths: nil)
                return version
            }
            contract["history"] = history
            contract["hasHistory"] = !history.isEmpty
        }
        detail["closure"] = part(detail["closure"]) { closure in
            closure["resolutionLabel"] = TicketClosed.Resolution.shown(closure["resolution"], in: language)
        }
        return detail
    }

    /// When a contract ends: its last day, a draft's term counted from its signature, or that
    /// it has no end date.
    private func ends(_ endsOn: Any?, termMonths: Any?) -> String {
        if let endsOn = endsOn as? String { return ShownTime.day(endsOn) }
        if let months = termMonths as? Int {
            return language.pick("\(months) tháng kể từ ngày ký", "\(months) months from signing")
        }
        return language.pick("Không thời hạn", "Open-ended")
    }

    /// The object `value` holds with `add` applied; `nil` when it holds none.
    private func part(_ value: Any?, _ add: (inout [String: Any]) -> Void) -> [String: Any]? {
        guard var part = value as? [String: Any] else { return nil }
        add(&part)
        return part
    }
}
