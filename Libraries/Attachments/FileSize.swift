import Foundation

/// A kept file's size as the pages show it beside the file: whole KB (at least 1), or MB with
/// one decimal from 1 MB up. The portal, the ticket page and the dossier page say it alike.
public enum FileSize {
    public static func shown(_ bytes: Int) -> String {
        bytes >= 1024 * 1024 ? String(format: "%.1f MB", Double(bytes) / (1024 * 1024)) : "\(max(1, bytes / 1024)) KB"
    }
}
