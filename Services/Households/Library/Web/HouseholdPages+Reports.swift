import Contracts
import Foundation
import Hummingbird
import Messaging
import ServiceKit
import StaffAuth
import VietnameseIdentity
import WebPages
import WorkingCalendar

/// The unit's reports as pages: duplicates and overrides, confirmations ending, the split report.
extension HouseholdPages {
    func duplicates(_ request: Request, staff: SignedInStaff) async throws -> Response {
        let language = PageLanguage(request)
        let after = request.uri.queryParameters.get("after").map { String($0).uppercased() }
        let unit = staff.claims.ownUnit
        let report = try await program.reports.duplicates(
            unit: unit, page: ListPage(after: after.flatMap { DuplicateIndex.Position($0) == nil ? nil : $0 }, limit: Self.pageSize))
        let context = Self.values([
            "cases": report.cases.map { found -> [String: Any] in
                ["key": found.maskedKey,
                 "kind": found.key == .idNumber ? language.pick("Số CCCD", "Citizen ID") : language.pick("Sổ hộ khẩu", "Household book"),
                 "holdings": found.holdings.map { holding -> [String: Any] in
                     Self.values(["unit": holding.unit, "customerCode": holding.customerCode, "dossierId": holding.dossierId,
                                  "roleLabel": MemberRole.shown(holding.role?.rawValue, in: language)])
                 }]
            },
            "none": report.cases.isEmpty,
            "next": report.next.map { "/ho-dung-chung/trung?after=\($0)" },
            "overrides": try await program.reports.overrides(unit: unit).map { record -> [String: Any] in
                ["dossierId": record.dossierId, "customerCode": record.customerCode, "grantedBy": record.grantedBy,
                 "when": ShownTime.dayAndTime(record.grantedAt), "reason": record.reason,
                 "keys": record.maskedKeys.joined(separator: ", ")]
            },
        ])
        return pages.render("duplicates", title: language.pick("Hộ trùng giữa các hồ sơ", "Households in more than one dossier"),
                            for: request, language: language, context: context, staff: staff)
    }

    func expiry(_ request: Request, staff: SignedInStaff) async throws -> Response {
        let language = PageLanguage(request)
        let after = request.uri.queryParameters.get("after").map { String($0).uppercased() }
        let list = try await program.reports.expiring(
            unit: staff.claims.ownUnit,
            page: ListPage(after: after.flatMap { SubHouseholdReference($0) == nil ? nil : $0 }, limit: Self.pageSize))
        func shown(_ item: ExpiryItem) -> [String: Any] {
            Self.values(["dossierId": item.dossierId, "customerCode": item.customerCode, "subHouseholdId": item.subHouseholdId,
             "fullName": item.fullName, "maskedIdNumber": item.maskedIdNumber, "validUntil": ShownTime.day(item.validUntil.description),
             "remindedAt": item.remindedAt.map(ShownTime.dayAndTime), "phone": item.maskedContactPhone])
        }
        let context = Self.values([
            "day": ShownTime.day(list.day.description),
            "expiringSoon": list.expiringSoon.map(shown), "expired": list.expired.map(shown),
            "noneSoon": list.expiringSoon.isEmpty, "noneExpired": list.expired.isEmpty,
            "next": list.next.map { "/ho-dung-chung/het-han?after=\($0)" },
        ])
        return pages.render("expiry", title: language.pick("Xác nhận cư trú sắp hết hạn", "Residence confirmations ending"),
                            for: request, language: language, context: context, staff: staff)
    }

    func splitReport(_ request: Request, staff: SignedInStaff) async throws -> Response {
        let language = PageLanguage(request)
        let text = request.uri.queryParameters.get("month") ?? program.reports.thisMonth
        guard let month = CalendarDay(text + "-01"), text.count == 7 else { throw APIError.dossierNotFound }
        let report = try await program.reports.splitReport(unit: staff.claims.ownUnit, month: month)
        var context = Self.shown(report: try JSONSerialization.jsonObject(with: try JSONCoding.encoder.encode(report)),
                                 in: language)
        context["splitCount"] = report.splitsDone.count
        return pages.render("splitReport", title: language.pick("Báo cáo tách công tơ tháng \(text)", "Meter splits, \(text)"),
                            for: request, language: language, context: context, staff: staff)
    }
}
