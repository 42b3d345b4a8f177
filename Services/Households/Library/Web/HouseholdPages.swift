import Contracts
import Foundation
import Hummingbird
import Messaging
import ServiceKit
import StaffAuth
import VietnameseIdentity
import WebPages
import WorkingCalendar

/// The sub-household program's pages for unit staff, signed in at the staff sign-in (the
/// `staff_token` cookie, the token of the API; roles `households_officer`, `households_supervisor`):
///
/// - `GET /ho-dung-chung[?q=&after=]`: the unit's dossiers, searched by customer code or holder's name;
/// - `GET|POST /ho-dung-chung/mo-ho-so`: opens a dossier, the holder and its households;
/// - `GET /ho-dung-chung/ho-so/{dossierId}`: the dossier, every household's details and split
///   status, its papers, the forms registering one household and attaching a paper, and the
///   history of its count;
/// - `POST /ho-dung-chung/ho-so/{dossierId}/them-ho`: registers a sub-household; the page shows
///   the screening answer, clear, or the other active dossiers holding the ID number and where,
///   and to a supervisor the override with its reason;
/// - `POST /ho-dung-chung/ho-so/{dossierId}/tach`: records why one of its households has not
///   split, and whether it wants to;
/// - `POST /ho-dung-chung/ho-so/{dossierId}/giay-to`: attaches a paper (a multipart form: the
///   kind and the file), checked as the API's upload; errors beside the file input;
/// - `GET /ho-dung-chung/giay-to/{attachmentId}`: downloads a paper of the unit's dossier;
/// - `GET /ho-dung-chung/trung[?after=]`: the unit's duplicates and the supervisors' overrides;
/// - `GET /ho-dung-chung/het-han[?after=]`: confirmations expiring or expired, and who was reminded;
/// - `GET /ho-dung-chung/dieu-chinh`: the printable re-pricing list of the unit;
/// - `GET /ho-dung-chung/bao-cao-tach[?month=YYYY-MM]`: the monthly split report.
struct HouseholdPages: Sendable {
    let pages: WebPages
    let session: StaffPageSession
    let program: HouseholdsProgram
    let papers: DossierPapers
    let wholeLists: WholeListResponses

    /// The entries of one page of a list on the pages.
    static let pageSize = 50
    /// The sub-household inputs the opening form offers; more are added on the dossier's page.
    static let openingSlots = 2

    func register(on router: Router<ServiceRequestContext>) {
        WebAssets.register(on: router)
        router.get("ho-dung-chung") { request, context in
            try await dossierList(request, staff: try await session.visitor(request, context, for: .households))
        }
        router.get("ho-dung-chung/mo-ho-so") { request, context in
            try await openingForm(request, staff: try await session.visitor(request, context, for: .households))
        }
        router.post("ho-dung-chung/mo-ho-so") { request, context in
            try await open(request, staff: try await session.visitor(request, context, for: .households))
        }
        router.get("ho-dung-chung/ho-so/:dossierId") { request, context in
            let staff = try await session.visitor(request, context, for: .households)
            return try await dossierPage(request, id: try context.parameters.require("dossierId"), staff: staff)
        }
        router.post("ho-dung-chung/ho-so/:dossierId/them-ho") { request, context in
            let staff = try await session.visitor(request, context, for: .households)
            return try await register(request, dossierId: try context.parameters.require("dossierId"), staff: staff)
        }
        router.post("ho-dung-chung/ho-so/:dossierId/tach") { request, context in
            let staff = try await session.visitor(request, context, for: .households)
            return try await recordSplitStatus(request, dossierId: try context.parameters.require("dossierId"), staff: staff)
        }
        router.post("ho-dung-chung/ho-so/:dossierId/giay-to") { request, context in
            let staff = try await session.visitor(request, context, for: .households)
            return try await attachPaper(request, dossierId: try context.parameters.require("dossierId"), staff: staff)
        }
        router.get("ho-dung-chung/giay-to/:attachmentId") { request, context in
            let staff = try await session.visitor(request, context, for: .households)
            return try await downloadPaper(id: try context.parameters.require("attachmentId"), staff: staff)
        }
        router.get("ho-dung-chung/trung") { request, context in
            try await duplicates(request, staff: try await session.visitor(request, context, for: .households))
        }
        router.get("ho-dung-chung/het-han") { request, context in
            try await expiry(request, staff: try await session.visitor(request, context, for: .households))
        }
        router.get("ho-dung-chung/dieu-chinh") { request, context in
            try await wholeLists.repricingPage(unit: try await session.visitor(request, context, for: .households).claims.ownUnit)
        }
        router.get("ho-dung-chung/bao-cao-tach") { request, context in
            try await splitReport(request, staff: try await session.visitor(request, context, for: .households))
        }
    }

    // MARK: The unit's dossiers

    private func dossierList(_ request: Request, staff: SignedInStaff) async throws -> Response {
        let language = PageLanguage(request)
        let query = request.uri.queryParameters
        let search = DossierSearch(query.get("q").map { String($0) })
        let list = try await program.dossiers(unit: staff.claims.ownUnit, search: search,
                                              page: ListPage(after: query.get("after").map { String($0) }, limit: Self.pageSize))
        let context = Self.values([
            "q": search?.text ?? "",
            "dossiers": list.dossiers.map { dossier -> [String: Any] in
                ["dossierId": dossier.dossierId, "customerCode": dossier.customerCode, "holderName": dossier.holderName,
                 "unit": dossier.unit, "households": dossier.allowance.households,
                 "statusLabel": dossier.status.shown(in: language), "openedOn": ShownTime.dayAndTime(dossier.openedAt)]
            },
            "none": list.dossiers.isEmpty,
            "next": list.next.map { next in
                "/ho-dung-chung?after=\(next)" + (search.map { "&q=\(Self.encoded($0.text))" } ?? "")
            },
        ])
        return pages.render("dossiers", title: language.pick("Hồ sơ hộ dùng chung công tơ", "Shared-meter dossiers"),
                            for: request, language: language, context: context, staff: staff)
    }

    // MARK: Values for the templates

    /// A registration refused for duplicates: each number, masked, and the dossiers holding it.
    static func shown(conflict: DuplicateConflict) -> [String: Any] {
        ["clear": false, "cases": conflict.conflicts.map { item -> [String: Any] in
            ["key": item.maskedKey, "holdings": item.holdings.map { holding -> [String: Any] in
                ["unit": holding.unit, "customerCode": holding.customerCode ?? "", "dossierId": holding.dossierId ?? ""]
            }]
        }]
    }

    /// The dossier's values for the page (the API's JSON): its status and each household's
    /// place, status and reason not to split in `language`'s words beside their codes, its days as shown.
    static func shown(dossier: Any, in language: PageLanguage) -> [String: Any] {
        var dossier = dossier as? [String: Any] ?? [:]
        dossier["statusLabel"] = DossierStatus.shown(dossier["status"], in: language)
        dossier["members"] = (dossier["members"] as? [[String: Any]] ?? []).map { member in
            var member = member
            member["roleLabel"] = MemberRole.shown(member["role"], in: language)
            member["statusLabel"] = MemberStatus.shown(member["status"], in: language)
            if var confirmation = member["residenceConfirmation"] as? [String: Any] {
                confirmation["issuedOn"] = (confirmation["issuedOn"] as? String).map(ShownTime.day)
                confirmation["validUntil"] = (confirmation["validUntil"] as? String).map(ShownTime.day)
                member["residenceConfirmation"] = confirmation
            }
            if var split = member["splitStatus"] as? [String: Any] {
                split["reasonLabel"] = NotSplitReason.shown(split["notSplitReason"], in: language)
                member["splitStatus"] = split
            }
            return member
        }
        return dossier
    }

    /// The split report's values for the page (the API's JSON), each pending wish with its
    /// reason in `language`'s words.
    static func shown(report: Any, in language: PageLanguage) -> [String: Any] {
        var report = report as? [String: Any] ?? [:]
        report["pendingWishes"] = (report["pendingWishes"] as? [[String: Any]] ?? []).map { wish in
            var wish = wish
            wish["reasonLabel"] = NotSplitReason.shown(wish["reason"], in: language)
            return wish
        }
        return report
    }

    /// The template's values without those absent, which a section would take as present.
    static func values(_ values: [String: Any?]) -> [String: Any] {
        values.compactMapValues { $0 }
    }

    /// `text` as a query's value.
    private static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}
