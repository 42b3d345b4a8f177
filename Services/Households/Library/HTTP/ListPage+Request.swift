import Hummingbird
import ServiceKit
import VietnameseIdentity

extension ListPage {
    /// The page `?limit=` (1 to ``maxLimit``) and `?after=` ask for; `nil` for the whole list.
    /// 422 naming `limit` for any other limit, `after` for one the list's `startingAfter` does
    /// not read as an entry's key.
    static func asked(by request: Request, startingAfter isKey: (String) -> Bool = { _ in true }) throws -> ListPage? {
        let query = request.uri.queryParameters
        let after = query.get("after").map { String($0).uppercased() }
        if let after, !isKey(after) {
            throw APIError.invalid(ValidationFailure(errors: [FieldError(field: "after", problem: HouseholdsProblem.invalidAfter)]))
        }
        guard let text = query.get("limit") else { return after.map { ListPage(after: $0, limit: maxLimit) } }
        guard let limit = Int(text), (1...maxLimit).contains(limit) else {
            throw APIError.invalid(ValidationFailure(errors: [FieldError(field: "limit", problem: HouseholdsProblem.invalidLimit)]))
        }
        return ListPage(after: after, limit: limit)
    }
}
