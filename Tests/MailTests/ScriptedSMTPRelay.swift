#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization
import TestSupport

/// An SMTP relay on 127.0.0.1 that drops its clients the ways real relays do, which the
/// loopback sink never does: closing a connection once a mail is accepted (an idle time-out
/// that strikes between two mails), or answering the next mail on a connection `421` (a limit
/// of mails per session). It speaks enough SMTP for libcurl: greeting, `EHLO`, `MAIL`,
/// `RCPT`, `DATA`, `QUIT`; and counts the connections and the mails each one carried.
final class ScriptedSMTPRelay {
    enum Drop: Sendable {
        /// Closes the connection right after each accepted mail, without a word.
        case closeAfterEachMail
        /// Answers `421` to a second mail on one connection, then closes it.
        case refuseSecondMail
    }

    private let listener: LoopbackSocket
    private let state = RelayState()

    init(dropping drop: Drop) throws {
        listener = try LoopbackSocket(listening: true)
        let (descriptor, state) = (listener.descriptor, state)
        Thread { Self.serve(descriptor, dropping: drop, state: state) }.start()
    }

    /// Ends the serving thread before the listening socket is closed: a thread still serving
    /// after it would accept on whatever socket next gets the same descriptor, another test's.
    deinit {
        state.serving.withLock { serving in
            serving.stopping = true
            shutdown(listener.descriptor, Int32(SHUT_RDWR))
            if let client = serving.client { shutdown(client, Int32(SHUT_RDWR)) }
        }
        state.ended.wait()
    }

    var url: String { "smtp://127.0.0.1:\(listener.port)" }

    /// Mails accepted on each connection so far, in the order the connections came.
    var mailsPerConnection: [Int] { state.mails.withLock { $0 } }

    private final class RelayState: Sendable {
        let mails = Mutex<[Int]>([])
        let serving = Mutex(Serving())
        /// Signalled once the serving thread has returned.
        let ended = DispatchSemaphore(value: 0)
    }

    /// Whether the relay is stopping, and the connection being served, for `deinit` to cut.
    private struct Serving {
        var stopping = false
        var client: Int32?
    }

    /// Serves one client at a time, until the relay stops.
    private static func serve(_ listener: Int32, dropping drop: Drop, state: RelayState) {
        defer { state.ended.signal() }
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }
            let stopped = state.serving.withLock { serving in
                if !serving.stopping { serving.client = client }
                return serving.stopping
            }
            if stopped {
                close(client)
                return
            }
            let index = state.mails.withLock { $0.append(0); return $0.count - 1 }
            converse(on: client, dropping: drop) { state.mails.withLock { $0[index] += 1 } }
            state.serving.withLock { $0.client = nil }
            close(client)
        }
    }

    private static func converse(on client: Int32, dropping drop: Drop, accepted: () -> Void) {
        var reader = LineReader(descriptor: client)
        func reply(_ line: String) {
            _ = line.utf8CString.withUnsafeBufferPointer { send(client, $0.baseAddress, $0.count - 1, 0) }
        }
        reply("220 relay.example.vn ESMTP\r\n")
        var mailsHere = 0
        while let line = reader.line() {
            switch line.prefix(4).uppercased() {
            case "EHLO", "HELO": reply("250 relay.example.vn\r\n")
            case "MAIL":
                if drop == .refuseSecondMail && mailsHere == 1 {
                    reply("421 4.7.0 relay.example.vn too many messages in this session\r\n")
                    return
                }
                reply("250 2.1.0 Ok\r\n")
            case "RCPT": reply("250 2.1.5 Ok\r\n")
            case "DATA":
                reply("354 End data with <CR><LF>.<CR><LF>\r\n")
                while let data = reader.line(), data != "." {}
                mailsHere += 1
                accepted()
                reply("250 2.0.0 Ok: queued\r\n")
                if drop == .closeAfterEachMail { return }
            case "QUIT":
                reply("221 2.0.0 Bye\r\n")
                return
            default: reply("502 5.5.2 Error: command not recognized\r\n")
            }
        }
    }
}

/// Reads CRLF-terminated lines from a socket.
private struct LineReader {
    let descriptor: Int32
    private var buffer: [UInt8] = []

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// The next line without its CRLF; `nil` once the peer has closed.
    mutating func line() -> String? {
        while true {
            if let end = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = buffer[..<end].last == UInt8(ascii: "\r") ? buffer[..<(end - 1)] : buffer[..<end]
                defer { buffer.removeSubrange(...end) }
                return String(decoding: line, as: UTF8.self)
            }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = recv(descriptor, &chunk, chunk.count, 0)
            guard count > 0 else { return nil }
            buffer += chunk[..<count]
        }
    }
}
