import Foundation

/// A mailbox read over IMAP through libcurl: the customer-care inbox intake files
/// requests from.
///
/// A message is identified by its UID together with the mailbox's UIDVALIDITY (RFC 9051
/// §2.3.1.1): a UID names the same message for as long as UIDVALIDITY stays the same. A
/// reader marks a message handled with the ``handledKeyword`` keyword once it has done
/// with it, and asks for the messages without it; `\Seen` is left to the people who read
/// the mailbox too.
///
/// Each call uses its own libcurl easy handle (and its own connection and login), so one
/// `IMAPMailbox` can be shared by any number of threads. Every call **blocks the calling
/// thread** for up to ``IMAPSettings/timeout``: run it on a thread of its own, not on
/// Swift's cooperative pool.
public struct IMAPMailbox: Sendable {
    /// The IMAP keyword (RFC 9051 §2.3.2) that marks a message as handled.
    public static let handledKeyword = "EvnFiled"

    public let settings: IMAPSettings

    public init(settings: IMAPSettings) {
        self.settings = settings
    }

    /// The mailbox's UIDVALIDITY: when it changes, every UID read before names nothing any more.
    public func uidValidity() throws(IMAPError) -> UInt32 {
        let answer = try run(settings.serverURL, command: "STATUS \(quoted(settings.mailbox)) (UIDVALIDITY)")
        guard let value = Self.statusValue("UIDVALIDITY", in: answer) else {
            throw .unreadable("STATUS", answer)
        }
        return value
    }

    /// The UIDs of the messages not yet marked handled, oldest first.
    public func unhandledUIDs() throws(IMAPError) -> [UInt32] {
        let answer = try run(settings.mailboxURL, command: "UID SEARCH UNKEYWORD \(Self.handledKeyword)")
        guard let uids = Self.searchResult(in: answer) else { throw .unreadable("SEARCH", answer) }
        return uids.sorted()
    }

    /// The message `uid`, as the server stores it (RFC 5322 bytes). Fails when the mailbox's
    /// UIDVALIDITY is no longer `uidValidity` or there is no such message.
    public func fetch(uid: UInt32, uidValidity: UInt32) throws(IMAPError) -> [UInt8] {
        let transfer = try IMAPTransfer()
        return try transfer.perform("\(settings.mailboxURL);UIDVALIDITY=\(uidValidity)/;UID=\(uid)", command: nil,
                                    settings: settings)
    }

    /// Marks the message `uid` handled: ``unhandledUIDs()`` no longer lists it.
    public func markHandled(uid: UInt32) throws(IMAPError) {
        _ = try run(settings.mailboxURL, command: "UID STORE \(uid) +FLAGS.SILENT (\(Self.handledKeyword))")
    }

    /// Hands the message `uid` back to readers: ``unhandledUIDs()`` lists it again. A reader
    /// that remembers what it handled (intake's ledger) only marks it handled again.
    public func markUnhandled(uid: UInt32) throws(IMAPError) {
        _ = try run(settings.mailboxURL, command: "UID STORE \(uid) -FLAGS.SILENT (\(Self.handledKeyword))")
    }

    /// Whether the message `uid` carries ``handledKeyword``.
    public func isHandled(uid: UInt32) throws(IMAPError) -> Bool {
        let answer = try run(settings.mailboxURL, command: "UID SEARCH UID \(uid) KEYWORD \(Self.handledKeyword)")
        guard let uids = Self.searchResult(in: answer) else { throw .unreadable("SEARCH", answer) }
        return uids.contains(uid)
    }

    private func run(_ url: String, command: String) throws(IMAPError) -> String {
        let transfer = try IMAPTransfer()
        return String(decoding: try transfer.perform(url, command: command, settings: settings), as: UTF8.self)
    }

    /// A mailbox name as an IMAP quoted string.
    private func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// The numbers of the `* SEARCH n n n` line; nil when the answer has none.
    static func searchResult(in answer: String) -> [UInt32]? {
        for line in answer.split(whereSeparator: \.isNewline) where line.uppercased().hasPrefix("* SEARCH") {
            return line.dropFirst("* SEARCH".count).split(separator: " ").compactMap { UInt32($0) }
        }
        return nil
    }

    /// `NAME n` in a `* STATUS mailbox (NAME n ...)` line.
    static func statusValue(_ name: String, in answer: String) -> UInt32? {
        for line in answer.split(whereSeparator: \.isNewline) where line.uppercased().hasPrefix("* STATUS") {
            guard let open = line.lastIndex(of: "(") else { continue }
            let items = line[line.index(after: open)...].split { $0 == " " || $0 == ")" }
            for (index, item) in items.enumerated() where item.uppercased() == name && index + 1 < items.count {
                return UInt32(items[index + 1])
            }
        }
        return nil
    }
}
