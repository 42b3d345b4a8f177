import CCurl
import CCurlShim

/// One libcurl IMAP command: the easy handle, its error buffer and the bytes the
/// server answered, kept alive together and freed together.
///
/// Used by exactly one ``IMAPMailbox`` call on one thread, from creation to
/// `deinit`; it is deliberately not `Sendable`.
final class IMAPTransfer {
    private let handle: UnsafeMutableRawPointer
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private let answer = Answer()

    init() throws(IMAPError) {
        let global = CurlGlobal.initialisation
        guard global == CURLE_OK, let handle = curl_easy_init() else {
            throw IMAPError(curlCode: Int(CURLE_FAILED_INIT.rawValue), message: "curl could not be initialised")
        }
        self.handle = handle
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
    }

    deinit {
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    /// Runs `command` (e.g. `UID SEARCH ...`) against `url`, or fetches what `url` names when
    /// `command` is nil (`imap://host/INBOX;UIDVALIDITY=7/;UID=42`: that message, whole), and
    /// returns what the server sent: the untagged responses of a command, the bytes of a fetch.
    func perform(_ url: String, command: String?, settings: IMAPSettings) throws(IMAPError) -> [UInt8] {
        try check(ccurl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer))
        try check(ccurl_setopt_string(handle, CURLOPT_URL, url))
        try check(ccurl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "imap,imaps"))
        try check(ccurl_setopt_string(handle, CURLOPT_USERNAME, settings.username))
        try check(ccurl_setopt_string(handle, CURLOPT_PASSWORD, settings.password))
        if let caFile = settings.caFile {
            try check(ccurl_setopt_string(handle, CURLOPT_CAINFO, caFile))
        }
        if let command {
            try check(ccurl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, command))
        }
        try check(ccurl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, settings.connectTimeout.curlMilliseconds))
        try check(ccurl_setopt_long(handle, CURLOPT_TIMEOUT_MS, settings.timeout.curlMilliseconds))
        // No SIGALRM for timeouts: signals and threads do not mix.
        try check(ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1))
        try check(ccurl_setopt_write_function(handle, imapTransferWrite))
        try check(ccurl_setopt_pointer(handle, CURLOPT_WRITEDATA, Unmanaged.passUnretained(answer).toOpaque()))
        try check(curl_easy_perform(handle))
        return answer.bytes
    }

    private func check(_ result: CURLcode) throws(IMAPError) {
        guard result != CURLE_OK else { return }
        let detail = String(cString: errorBuffer)
        throw IMAPError(curlCode: Int(result.rawValue),
                        message: detail.isEmpty ? String(cString: curl_easy_strerror(result)) : detail)
    }
}

extension IMAPTransfer {
    /// What the server sent so far. A class so that libcurl can hold a plain pointer to
    /// it (`CURLOPT_WRITEDATA`) while the transfer, which owns it, keeps it alive.
    final class Answer {
        var bytes: [UInt8] = []
    }
}

/// `CURLOPT_WRITEFUNCTION`: keeps the next part of the answer. A top-level function so
/// that it converts to a C function pointer.
private func imapTransferWrite(
    _ buffer: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ userdata: UnsafeMutableRawPointer?
) -> Int {
    guard let buffer, let userdata else { return 0 }
    let answer = Unmanaged<IMAPTransfer.Answer>.fromOpaque(userdata).takeUnretainedValue()
    let length = size * count
    UnsafeRawBufferPointer(start: buffer, count: length).withMemoryRebound(to: UInt8.self) { answer.bytes += $0 }
    return length
}
