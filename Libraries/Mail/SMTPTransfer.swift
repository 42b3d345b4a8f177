import CCurl
import CCurlShim

/// One libcurl SMTP transaction: the easy handle and everything libcurl reads
/// while it runs (recipient list, error buffer, the bytes to upload), kept
/// alive together and freed together.
///
/// Used by exactly one ``SMTPMailer/send(_:)`` call on one thread, from
/// creation to `deinit`; it is deliberately not `Sendable`.
final class SMTPTransfer {
    private let handle: UnsafeMutableRawPointer
    private var recipients: UnsafeMutablePointer<curl_slist>?
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private let upload: Upload

    init(bytes: [UInt8]) throws(SMTPError) {
        guard let handle = curl_easy_init() else {
            throw SMTPError(kind: .transient, replyCode: nil, curlCode: Int(CURLE_FAILED_INIT.rawValue),
                            message: "curl_easy_init failed")
        }
        self.handle = handle
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        upload = Upload(bytes: bytes)
    }

    deinit {
        curl_easy_cleanup(handle)
        curl_slist_free_all(recipients)
        errorBuffer.deallocate()
    }

    /// Sets every option of the transaction. A refused option is a mailer that
    /// cannot work as configured (e.g. TLS required from a libcurl without TLS).
    func configure(settings: SMTPSettings, from: String, recipients addresses: [String]) throws(SMTPError) {
        for address in addresses {
            guard let list = curl_slist_append(recipients, "<\(address)>") else {
                throw SMTPError(kind: .transient, replyCode: nil, curlCode: Int(CURLE_OUT_OF_MEMORY.rawValue),
                                message: "curl_slist_append failed")
            }
            recipients = list
        }
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
        // No SIGALRM for timeouts: signals and threads do not mix.
        try check(ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1))
        try check(ccurl_setopt_string(handle, CURLOPT_MAIL_FROM, "<\(from)>"))
        try check(ccurl_setopt_slist(handle, CURLOPT_MAIL_RCPT, recipients))
        try check(ccurl_setopt_long(handle, CURLOPT_UPLOAD, 1))
        // Announced as SIZE= in MAIL FROM: a server refuses a too-large message (552) before the data.
        try check(ccurl_setopt_off_t(handle, CURLOPT_INFILESIZE_LARGE, curl_off_t(upload.bytes.count)))
        try check(ccurl_setopt_read_function(handle, smtpTransferRead))
        try check(ccurl_setopt_pointer(handle, CURLOPT_READDATA, Unmanaged.passUnretained(upload).toOpaque()))
    }

    /// Runs the SMTP transaction; throws with the last reply code when it failed.
    func perform() throws(SMTPError) {
        let result = curl_easy_perform(handle)
        guard result != CURLE_OK else { return }
        var code = 0
        let replyCode = ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &code) == CURLE_OK && code != 0 ? code : nil
        throw error(result, replyCode: replyCode)
    }

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

extension SMTPTransfer {
    /// The rendered message and how much of it libcurl has read. A class so that
    /// libcurl can hold a plain pointer to it (`CURLOPT_READDATA`) while the
    /// transfer, which owns it, keeps it alive.
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

/// `CURLOPT_READFUNCTION`: hands libcurl the next part of the message. A
/// top-level function so that it converts to a C function pointer.
private func smtpTransferRead(
    _ buffer: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ userdata: UnsafeMutableRawPointer?
) -> Int {
    guard let buffer, let userdata else { return 0 }
    let upload = Unmanaged<SMTPTransfer.Upload>.fromOpaque(userdata).takeUnretainedValue()
    return upload.read(into: buffer, capacity: size * count)
}
