import Foundation
import GRDB

/// What an attacker holding a copy of a store's files would read in plain text.
public enum StoreFileScan {
    /// Which of `texts` appear, as UTF-8 bytes, anywhere in the SQLite file of `pool` or its
    /// write-ahead log, after a checkpoint has moved every committed page into the file.
    public static func plainTexts(_ texts: [String], in pool: DatabasePool) throws -> [String] {
        _ = try pool.writeWithoutTransaction { try $0.checkpoint(.truncate) }
        let files = [pool.path, pool.path + "-wal"].compactMap { FileManager.default.contents(atPath: $0) }
        return texts.filter { text in files.contains { $0.range(of: Data(text.utf8)) != nil } }
    }
}
