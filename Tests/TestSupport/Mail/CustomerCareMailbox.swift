#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// The local customer-care mailbox (Dovecot, `scripts/mailbox.sh start`): where it listens,
/// its development account, and delivery into it over LMTP (RFC 2033), the way the
/// company's mail server hands it incoming mail.
public struct CustomerCareMailbox: Sendable {
    public let imapURL: String
    public let imapsURL: String
    public let caFile: String
    public let lmtpPort: Int
    public let username = "cskh@evn.local"
    /// The development password `scripts/mailbox.sh` gives the account.
    public let password = "evn-dev-mailbox"

    public static let current: CustomerCareMailbox = {
        let environment = ProcessInfo.processInfo.environment
        var packageRoot = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        for _ in 0..<4 { packageRoot.deleteLastPathComponent() }
        let imapPort = environment["MAILBOX_IMAP_PORT"].flatMap(Int.init) ?? 1143
        return CustomerCareMailbox(
            imapURL: environment["MAILBOX_URL"] ?? "imap://127.0.0.1:\(imapPort)/INBOX",
            imapsURL: environment["MAILBOX_TLS_URL"] ?? "imaps://localhost:\(imapPort + 850)/INBOX",
            caFile: environment["MAILBOX_CA_FILE"] ?? packageRoot.appendingPathComponent("var/mailbox/tls/ca.pem").path,
            lmtpPort: environment["MAILBOX_LMTP_PORT"].flatMap(Int.init) ?? 2424)
    }()

    /// The IMAP URL of `folder` of the account, e.g. for a reader that must see only one test's mail.
    public func imapURL(folder: String) -> String {
        guard var components = URLComponents(string: imapURL) else { return imapURL }
        components.path = "/" + folder
        return components.string ?? imapURL
    }

    /// intake's settings for reading only `folder`, polled every 0.2 s so that a test's mail
    /// is read at once.
    public func readerSettings(folder: String) -> [String: String] {
        ["MAILBOX_URL": imapURL(folder: folder), "MAILBOX_USERNAME": username,
         "MAILBOX_PASSWORD": password, "MAILBOX_POLL_INTERVAL": "0.2"]
    }

    /// Delivers a customer's plain-text mail from `name` <`address`> into `folder`, as an answer
    /// in the thread of `thread`'s Message-IDs (oldest first) when given; returns its Message-ID.
    @discardableResult
    public func deliverCustomerMail(from name: String, address: String, subject: String, text: String,
                                    thread: [String] = [], folder: String) throws -> String {
        let messageID = "\(UUID().uuidString.lowercased())@khachhang.example.vn"
        let threading = thread.last.map { last in
            "In-Reply-To: <\(last)>\nReferences: \(thread.map { "<\($0)>" }.joined(separator: " "))\n"
        } ?? ""
        try deliver("""
            From: \(name) <\(address)>
            To: \(username)
            Subject: \(subject)
            Message-ID: <\(messageID)>
            \(threading)Content-Type: text/plain; charset=UTF-8

            \(text)
            """, from: address, folder: folder)
        return messageID
    }

    /// Delivers `message` (RFC 5322 text; line breaks are sent as CRLF) from `sender` (empty:
    /// a bounce's null sender) over LMTP into the INBOX, or into `folder` (made on first
    /// delivery); returns once Dovecot stored it.
    public func deliver(_ message: String, from sender: String = "khach@example.vn", folder: String? = nil) throws {
        let connection = try LMTPConnection(port: lmtpPort)
        defer { connection.close() }
        try connection.expect(220)
        try connection.command("LHLO tests.local", expect: 250)
        try connection.command("MAIL FROM:<\(sender)>", expect: 250)
        let recipient = folder.map { username.replacingOccurrences(of: "@", with: "+\($0)@") } ?? username
        try connection.command("RCPT TO:<\(recipient)>", expect: 250)
        try connection.command("DATA", expect: 354)
        let lines = message.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        let data = lines.map { $0.hasPrefix(".") ? "." + $0 : String($0) }.joined(separator: "\r\n")
        try connection.command(data + "\r\n.", expect: 250)
        try? connection.command("QUIT", expect: 221)
    }
}

/// A plain TCP connection to Dovecot's LMTP listener, reading replies line by line.
private final class LMTPConnection {
    private let descriptor: Int32
    private var buffer: [UInt8] = []

    init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw FixtureError("socket() failed: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
        guard connected else {
            Glibc.close(descriptor)
            throw FixtureError("no LMTP server on 127.0.0.1:\(port) (scripts/mailbox.sh start)")
        }
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    func close() { Glibc.close(descriptor) }

    func command(_ line: String, expect code: Int) throws {
        let bytes = Array((line + "\r\n").utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw FixtureError("LMTP send failed: errno \(errno)") }
            sent += count
        }
        try expect(code)
    }

    /// Reads one reply (its continuation lines `250-...` included) and checks its code.
    func expect(_ code: Int) throws {
        while true {
            let line = try readLine()
            guard line.count >= 3, let replyCode = Int(line.prefix(3)) else { throw FixtureError("LMTP said: \(line)") }
            guard replyCode == code else { throw FixtureError("LMTP expected \(code), got: \(line)") }
            if line.count == 3 || line[line.index(line.startIndex, offsetBy: 3)] != "-" { return }
        }
    }

    private func readLine() throws -> String {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self).trimmingCharacters(in: .newlines)
                buffer.removeSubrange(...newline)
                return line
            }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { throw FixtureError("LMTP connection closed or timed out") }
            buffer += chunk[..<count]
        }
    }
}
