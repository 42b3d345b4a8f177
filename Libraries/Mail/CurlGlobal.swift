import CCurl
import CCurlShim

/// libcurl's process-wide set-up, which must run once before any easy handle is made
/// and is not thread-safe itself: a `static let` runs it exactly once, thread-safely,
/// before the first send or read needs it.
enum CurlGlobal {
    static let initialisation: CURLcode = ccurl_global_init_all()
}
