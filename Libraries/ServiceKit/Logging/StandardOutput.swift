import Foundation
import Synchronization

/// The process's standard output, written one whole line at a time.
///
/// Log lines from many tasks arrive at once; a lock around unbuffered `write(2)` calls keeps each
/// line whole on the stream, and nothing is left in a buffer when the process is killed.
public enum StandardOutput {
    private static let lock = Mutex(())

    /// Writes `line` and a newline to standard output as one unit.
    public static func writeLine(_ line: String) {
        var bytes = Array(line.utf8)
        bytes.append(UInt8(ascii: "\n"))
        lock.withLock { _ in
            bytes.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                    if written < 0 {
                        guard errno == EINTR else { return }
                        continue
                    }
                    offset += written
                }
            }
        }
    }
}
