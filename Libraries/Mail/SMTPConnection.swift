import CCurl
import CCurlShim

/// One libcurl easy handle, and with it one open connection to the SMTP relay, kept between
/// sends by ``SMTPMailer``.
///
/// libcurl keeps the connection of an easy handle's last transfer open after it and reuses it
/// for the next transfer to the same relay with the same login: the next mail starts at
/// `MAIL FROM`, without a new TCP (or TLS) handshake, greeting and `EHLO`. Before reusing, libcurl
/// checks that the relay has not closed the connection, and opens a new one if it has.
///
/// Used by one send at a time, handed from send to send through ``SMTPMailer``'s pool under its
/// lock: hence `@unchecked Sendable`, as libcurl allows a handle on any thread, one at a time.
final class SMTPConnection: @unchecked Sendable {
    private let handle: UnsafeMutableRawPointer
    private let errorBuffer: UnsafeMutablePointer<CChar>
    /// Mails the relay accepted on this handle.
    private(set) var sent = 0

    init() throws(SMTPError) {
        guard let handle = curl_easy_init() else {
            throw SMTPError(kind: .transient, replyCode: nil, curlCode: Int(CURLE_FAILED_INIT.rawValue),
                            message: "curl_easy_init failed")
        }
        self.handle = handle
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
    }

    /// Closes the connection (libcurl says `QUIT` first) and frees the handle.
    deinit {
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    /// Sends `bytes` from `sender` to `recipients`: one SMTP transaction, on the kept connection
    /// when there is one and the relay has not closed it, else on a new one
    /// (``lastTransferReusedConnection`` tells which).
    ///
    /// - Throws: ``SMTPError`` with the last reply code.
    func send(_ bytes: [UInt8], from sender: String, to recipients: [String], settings: SMTPSettings) throws(SMTPError) {
        // Options are per transfer; the connection and libcurl's caches stay.
        curl_easy_reset(handle)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        let upload = Upload(bytes: bytes)
        var recipientList: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(recipientList) }
        for address in recipients {
            guard let list = curl_slist_append(recipientList, "<\(address)>") else {
                throw SMTPError(kind: .transient, replyCode: nil, curlCode: Int(CURLE_OUT_OF_MEMORY.rawValue),
                                message: "curl_slist_append failed")
            }
            recipientList = list
        }
        try withExtendedLifetime(upload) { () throws(SMTPError) in
            try configure(settings: settings, from: sender, recipients: recipientList, upload: upload)
            let result = curl_easy_perform(handle)
            guard result == CURLE_OK else {
                var code = 0
                let replyCode = ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &code) == CURLE_OK && code != 0
                    ? code : nil
                throw error(result, replyCode: replyCode)
            }
        }
        sent += 1
    }

    /// Whether the last transfer ran on a connection opened before it (libcurl counted no new
    /// connection for it).
    var lastTransferReusedConnection: Bool {
        var connects = 0
        return ccurl_getinfo_long(handle, CURLINFO_NUM_CONNECTS, &connects) == CURLE_OK && connects == 0
    }

    /// Sets every option of the transaction. A refused option is a mailer that cannot work as
    /// configured (e.g. TLS required from a libcurl without TLS).
    private func configure(settings: SMTPSettings, from: String, recipients: UnsafeMutablePointer<curl_slist>?,
                           upload: Upload) throws(SMTPError) {
        try check(ccurl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer))
        try check(ccurl_setopt_string(handle, CURLOPT_URL, settings.url))
        try check(ccurl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "smtp,smtps"))
        try check(ccurl_setopt_long(handle, CURLOPT_USE_SSL,
                                    Int((settings.useTLS ? CURLUSESSL_ALL : CURLUSESSL_NONE).rawValue)))
        if let username = settings.username {
            try check(ccurl_setopt_string(handle, CURLOPT_USERNAME, username))
        }
        if let password = settings.password {
            try check(ccurl_setopt_string(handle, CURLOPT_PASSWORD, password))
        }
        try check(ccurl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, settings.connectTimeout.curlMilliseconds))
        try check(ccurl_setopt_long(handle, CURLOPT_TIMEOUT_MS, settings.timeout.curlMilliseconds))
        // A connection idle longer than this is closed rather than reused: relays drop idle
        // clients after a few minutes (Postfix: 300 s), some sooner.
        try check(ccurl_setopt_long(handle, CURLOPT_MAXAGE_CONN, Self.idleLife))
        // No SIGALRM for timeouts: signals and threads do not mix.
        try check(ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1))
        try check(ccurl_setopt_string(handle, CURLOPT_MAIL_FROM, "<\(from)>"))
        try check(ccurl_setopt_slist(handle, CURLOPT_MAIL_RCPT, recipients))
        try check(ccurl_setopt_long(handle, CURLOPT_UPLOAD, 1))
        // Announced as SIZE= in MAIL FROM: a server refuses a too-large message (552) before the data.
        try check(ccurl_setopt_off_t(handle, CURLOPT_INFILESIZE_LARGE, curl_off_t(upload.bytes.count)))
        try check(ccurl_setopt_read_function(handle, smtpUploadRead))
        try check(ccurl_setopt_pointer(handle, CURLOPT_READDATA, Unmanaged.passUnretained(upload).toOpaque()))
    }

    /// Seconds a kept connection may sit idle and still be reused.
    static let idleLife = 30

    private func check(_ result: CURLcode) throws(SMTPError) {
        guard result == CURLE_OK else { throw error(result, replyCode: nil) }
    }

    private func error(_ result: CURLcode, replyCode: Int?) -> SMTPError {
        let detail = String(cString: errorBuffer)
        let message = detail.isEmpty ? String(cString: curl_easy_strerror(result)) : detail
        let curlCode = Int(result.rawValue)
        return SMTPError(kind: SMTPError.classify(replyCode: replyCode, curlCode: curlCode),
                         replyCode: replyCode, curlCode: curlCode, message: message)
    }
}

extension SMTPConnection {
    /// The rendered message and how much of it libcurl has read. A class so that libcurl can
    /// hold a plain pointer to it (`CURLOPT_READDATA`) while the send keeps it alive.
    final class Upload {
        let bytes: [UInt8]
        var offset = 0

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        /// Copies the next bytes into libcurl's buffer; 0 at the end.
        func read(into buffer: UnsafeMutablePointer<CChar>, capacity: Int) -> Int {
            let count = min(capacity, bytes.count - offset)
            guard count > 0 else { return 0 }
            bytes.withUnsafeBytes { source in
                UnsafeMutableRawPointer(buffer).copyMemory(from: source.baseAddress! + offset, byteCount: count)
            }
            offset += count
            return count
        }
    }
}

/// `CURLOPT_READFUNCTION`: hands libcurl the next part of the message. A top-level function so
/// that it converts to a C function pointer.
private func smtpUploadRead(
    _ buffer: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ userdata: UnsafeMutableRawPointer?
) -> Int {
    guard let buffer, let userdata else { return 0 }
    let upload = Unmanaged<SMTPConnection.Upload>.fromOpaque(userdata).takeUnretainedValue()
    return upload.read(into: buffer, capacity: size * count)
}
