/// One page of the re-pricing list: at most ``limit`` entries after the customer ``after``,
/// in the list's order (branch, then customer code).
///
/// Keyset paging: a branch's list of tens of thousands of customers is read page by page,
/// each page an index walk from where the last ended, so neither the service nor the client
/// holds the whole list, and a customer added meanwhile is neither skipped nor repeated.
public struct RepricingPage: Sendable, Equatable {
    /// The most entries one page holds.
    public static let maxLimit = 1_000

    /// The last customer code of the previous page; `nil` for the first page.
    public var after: String?
    public var limit: Int

    public init(after: String?, limit: Int) {
        self.after = after
        self.limit = limit
    }
}
