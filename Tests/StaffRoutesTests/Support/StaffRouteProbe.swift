import Foundation
import Hummingbird
import StaffAuth

/// One staff route called on a record of one branch by staff doing the work the route serves.
///
/// The call is made twice: by staff of another branch, who must be turned away without any
/// change to the store, and by staff of the record's branch, who must get past the unit check,
/// so that a probe which never reaches that check (a bad body, an unknown record) fails. The
/// role matrix then makes it with a token of every role: only the roles of ``duty`` get past.
struct StaffRouteProbe: Sendable {
    /// What staff of another branch get.
    enum Refusal: Sendable {
        /// 403 or 404: the record is not theirs.
        case forbidden
        /// The route lists the caller's own unit only: the answer does not show `marker`, which
        /// the record's own branch sees.
        case notListed(marker: String)
        /// The route takes a file of rows and refuses each row of another branch: the answer
        /// names the refusal (`marker`), and nothing is written.
        case rowsRefused(marker: String)
        /// The route is a blank form, which holds no record of any branch: staff of another
        /// branch get the same form (filing it is the route that is refused).
        case blankForm
        /// The route is an event stream, which holds no record of any branch and never ends: it
        /// is probed with a query it refuses at once with 422 and `marker`, alike for every branch.
        case endlessStream(marker: String)
    }

    /// A staff page's form, as the browser posts it.
    static let form = "application/x-www-form-urlencoded"

    /// `fields` as a staff page's form posts them (``form``), each value percent-encoded.
    static func formBody(_ fields: [String: Any]) -> String {
        fields.map { name, value in
            let text = "\(value)"
            return "\(name)=\(text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text)"
        }.joined(separator: "&")
    }

    /// The work the route serves, as its code declares it: the roles that may use it.
    var duty: StaffDuty
    /// The path with its captures filled in, and a query when the route reads one.
    var uri: String
    var body: String = ""
    var contentType = "application/json"
    var refusal: Refusal = .forbidden
    /// The unit whose staff may call the route on the record: its branch, or `CORP` for a
    /// route that serves corporation staff only.
    var owner: String?
    /// Tables that record the call itself rather than any record (an import's ledger of who
    /// imported what and which rows were refused): the refused call may write there.
    var ledgers: Set<String> = []

    /// The role the unit matrix calls with: one of ``duty``'s.
    var role: StaffRole {
        duty.roles.min { $0.rawValue < $1.rawValue }!
    }
}
