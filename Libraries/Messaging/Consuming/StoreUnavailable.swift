import GRDB

/// Recognises the SQLite errors that say the store cannot take a write now — another writer
/// holds the lock (`BUSY`, `LOCKED`: an import, a backup), the disk is full (`FULL`) or failing
/// (`IOERR`) — as opposed to a message its handler cannot handle.
///
/// Such an error says nothing about the message: retrying it a few times and dead-lettering it
/// would throw good messages away while an operator frees the disk. The consumer waits for the
/// store instead.
enum StoreUnavailable {
    static func matches(_ error: any Error) -> Bool {
        guard let error = error as? DatabaseError else { return false }
        switch error.resultCode.primaryResultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED, .SQLITE_FULL, .SQLITE_IOERR: return true
        default: return false
        }
    }
}
