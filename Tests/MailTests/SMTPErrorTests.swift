import CCurl
import Mail
import Testing

/// The rule the notification service's retries rest on. The sink cannot be made
/// to answer 4xx (and only some 5xx), so the rule is also checked here on the
/// reply and libcurl codes themselves.
@Suite struct SMTPErrorTests {
    private func curl(_ code: CURLcode) -> Int { Int(code.rawValue) }

    @Test(arguments: [421, 450, 451, 452, 454])
    func a4xxReplyIsTransient(reply: Int) {
        #expect(SMTPError.Kind(replyCode: reply) == .transient)
        #expect(SMTPError.classify(replyCode: reply, curlCode: curl(CURLE_SEND_ERROR)) == .transient)
    }

    @Test(arguments: [500, 501, 535, 550, 551, 552, 553, 554, 555])
    func a5xxReplyIsPermanent(reply: Int) {
        #expect(SMTPError.Kind(replyCode: reply) == .permanent)
        #expect(SMTPError.classify(replyCode: reply, curlCode: curl(CURLE_WEIRD_SERVER_REPLY)) == .permanent)
        // The reply decides even where libcurl's code alone would say "network".
        #expect(SMTPError.classify(replyCode: reply, curlCode: curl(CURLE_RECV_ERROR)) == .permanent)
    }

    @Test func aSuccessReplyOrNoneLeavesItToLibcurlsCode() {
        #expect(SMTPError.Kind(replyCode: 250) == nil)
        #expect(SMTPError.Kind(replyCode: 0) == nil)
        for code in [CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_OPERATION_TIMEDOUT,
                     CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_SSL_CONNECT_ERROR] {
            #expect(SMTPError.classify(replyCode: nil, curlCode: curl(code)) == .transient, "\(code)")
            #expect(SMTPError.classify(replyCode: 250, curlCode: curl(code)) == .transient, "\(code)")
        }
        for code in [CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT, CURLE_USE_SSL_FAILED,
                     CURLE_PEER_FAILED_VERIFICATION, CURLE_LOGIN_DENIED] {
            #expect(SMTPError.classify(replyCode: nil, curlCode: curl(code)) == .permanent, "\(code)")
        }
    }
}
