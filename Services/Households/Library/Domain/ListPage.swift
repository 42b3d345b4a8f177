/// One page of a report list: at most ``limit`` entries after the entry ``after``, in the
/// list's order.
///
/// Keyset paging: a branch's list of tens of thousands of entries is read page by page, each
/// page an index walk from where the last ended, so neither the service nor the client holds
/// the whole list, and an entry added meanwhile is neither skipped nor repeated.
public struct ListPage: Sendable, Equatable {
    /// The most entries one page holds.
    public static let maxLimit = 1_000

    /// The key of the last entry of the previous page; `nil` for the first page.
    public var after: String?
    public var limit: Int

    public init(after: String?, limit: Int) {
        self.after = after
        self.limit = limit
    }

    /// Where the page after this one starts, for the `entries` this page read: the key of
    /// the last one when the page is full (more may follow), `nil` when the list ended.
    func next<Entry>(_ entries: [Entry], key: (Entry) -> String) -> String? {
        entries.count == limit ? entries.last.map(key) : nil
    }
}
