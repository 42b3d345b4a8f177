import Foundation

/// This process's peak resident memory (the kernel's high-water mark, `VmHWM`).
enum PeakMemory {
    /// Resets the high-water mark to the current resident size (Linux ≥ 4.0, writing `5` to
    /// `/proc/self/clear_refs`), so that a peak measured afterwards belongs to the work that
    /// follows and not to the file generation before it.
    /// - Returns: false when the kernel does not allow it; the peak then covers the whole run.
    @discardableResult
    static func reset() -> Bool {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        return (try? handle.write(contentsOf: Data("5".utf8))) != nil
    }

    /// The peak resident memory in bytes, or nil where `/proc` has no `VmHWM`.
    static func bytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Int(line.dropFirst("VmHWM:".count).trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "")
        else { return nil }
        return kilobytes * 1024
    }

    /// The largest peak resident memory of any child process waited for so far, in bytes.
    static func childrenBytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        return usage.ru_maxrss * 1024
    }
}
