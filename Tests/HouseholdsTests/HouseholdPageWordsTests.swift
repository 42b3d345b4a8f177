import Contracts
@testable import Households
import TestSupport
import Testing
import WebPages

/// The households pages show each dossier's and household's status, a household's place on
/// the meter and why it has not split in the page's language: the words, never the code,
/// and never an unreplaced placeholder.
@Suite struct HouseholdPageWordsTests {
    static let pages = try! WebPages(HouseholdPages.templates)

    private func page(_ name: String, _ context: [String: Any], in language: PageLanguage) -> String {
        let html = Self.pages.html(name, title: "Hộ dùng chung", path: "/ho-dung-chung", language: language,
                                   context: context)
        #expect(!html.contains("{{"), "no placeholder is left unreplaced")
        return html
    }

    /// The dossier page with one dossier of `status` whose only sub-household has `role` and `memberStatus`.
    private func dossierPage(status: DossierStatus = .active, role: MemberRole = .sub, memberStatus: MemberStatus = .active,
                             in language: PageLanguage) -> String {
        let dossier: [String: Any] = [
            "dossierId": "HS-PC05TK-000001", "unit": "PC05TK", "customerCode": "PC05TK0000123", "status": status.rawValue,
            "allowance": ["quarters": 8, "households": "2"],
            "members": [["subHouseholdId": "HGD-000002", "fullName": "Trần Thị Bình", "role": role.rawValue,
                         "maskedIdNumber": "0******00123", "status": memberStatus.rawValue, "counting": true]],
        ]
        return page("dossier", ["customerCode": "PC05TK0000123",
                                "dossier": HouseholdPages.shown(dossier: dossier, in: language)], in: language)
    }

    @Test(arguments: [DossierStatus.active, .closed], PageLanguage.allCases)
    func theDossiersStatusIsShownInWords(status: DossierStatus, language: PageLanguage) throws {
        let shown = try #require(PageElement(id: "dossier-status", in: dossierPage(status: status, in: language))).inner
        #expect(shown == status.shown(in: language))
    }

    @Test(arguments: [MemberRole.main, .sub], PageLanguage.allCases)
    func aHouseholdsPlaceOnTheMeterIsShownInWords(role: MemberRole, language: PageLanguage) throws {
        let members = try #require(PageElement(id: "members", in: dossierPage(role: role, in: language))).inner
        #expect(members.contains("Trần Thị Bình (\(role.shown(in: language)))"))
        #expect(!members.contains("(\(role.rawValue))"))
    }

    @Test(arguments: [MemberStatus.active, .ended, .split], PageLanguage.allCases)
    func aHouseholdsStatusIsShownInWords(status: MemberStatus, language: PageLanguage) throws {
        let members = try #require(PageElement(id: "members", in: dossierPage(memberStatus: status, in: language))).inner
        #expect(members.contains("<td>\(status.shown(in: language)) ✓</td>"))
        #expect(!members.contains("<td>\(status.rawValue)"))
    }

    @Test(arguments: HouseholdCountChanged.Reason.allCases, PageLanguage.allCases)
    func whatMovedACountIsShownInWords(reason: HouseholdCountChanged.Reason, language: PageLanguage) throws {
        let dossier: [String: Any] = ["dossierId": "HS-PC05TK-000001", "status": "active", "members": [Any]()]
        let html = page("dossier", ["dossier": HouseholdPages.shown(dossier: dossier, in: language),
                                    "history": [["reasonLabel": reason.shown(in: language), "previous": "2", "new": "1¾"]]],
                        in: language)
        let history = try #require(PageElement(id: "history", in: html)).inner
        #expect(history.contains("<td>\(reason.shown(in: language))</td>") && !history.contains(reason.rawValue))
    }

    @Test(arguments: NotSplitReason.allCases, PageLanguage.allCases)
    func whyAHouseholdHasNotSplitIsShownInWords(reason: NotSplitReason, language: PageLanguage) throws {
        let report: [String: Any] = [
            "month": "2026-12", "splitsDone": [Any](), "notSplitByReason": [Any](),
            "pendingWishes": [["subHouseholdId": "HGD-000002", "dossierId": "HS-PC05TK-000001",
                               "customerCode": "PC05TK0000123", "reason": reason.rawValue, "note": "chờ sổ đỏ"]],
        ]
        let html = page("splitReport", HouseholdPages.shown(report: report, in: language), in: language)
        let wish = try #require(PageElement(id: "wish-HGD-000002", in: html)).inner
        #expect(wish == "HGD-000002 (PC05TK0000123): \(reason.shown(in: language)) — chờ sổ đỏ")
    }

    @Test(arguments: PageLanguage.allCases)
    func aWishWithoutAReasonSaysSo(language: PageLanguage) throws {
        let report: [String: Any] = [
            "month": "2026-12", "splitsDone": [Any](), "notSplitByReason": [Any](),
            "pendingWishes": [["subHouseholdId": "HGD-000002", "dossierId": "HS-PC05TK-000001",
                               "customerCode": "PC05TK0000123"]],
        ]
        let html = page("splitReport", HouseholdPages.shown(report: report, in: language), in: language)
        let wish = try #require(PageElement(id: "wish-HGD-000002", in: html)).inner
        #expect(wish == "HGD-000002 (PC05TK0000123): \(language.pick("chưa ghi nhận lý do", "no reason recorded"))")
    }
}
