import CAMQPShim

/// Reading librabbitmq's replies as errors.
extension AMQPError {
    /// The error a server method other than a normal reply stands for: the broker closing
    /// the connection or the channel, or a method this client does not expect.
    static func server(_ method: amqp_method_t) -> AMQPError {
        switch method.id {
        case CAMQP_CONNECTION_CLOSE:
            let close = method.decoded.assumingMemoryBound(to: amqp_connection_close_t.self).pointee
            return .connectionClosed(code: Int(close.reply_code), text: String(amqp: close.reply_text))
        case CAMQP_CHANNEL_CLOSE:
            let close = method.decoded.assumingMemoryBound(to: amqp_channel_close_t.self).pointee
            return .channelClosed(code: Int(close.reply_code), text: String(amqp: close.reply_text))
        default:
            return .library(operation: "server method \(method.id)", code: -1, text: "unexpected method")
        }
    }

    /// The error a refused login stands for, in the operator's terms: wrong password, missing vhost, no access.
    static func login(_ reply: amqp_rpc_reply_t, url: AMQPURL) -> AMQPError {
        if reply.reply_type == AMQP_RESPONSE_SERVER_EXCEPTION, reply.reply.id == CAMQP_CONNECTION_CLOSE {
            let close = reply.reply.decoded.assumingMemoryBound(to: amqp_connection_close_t.self).pointee
            let text = String(amqp: close.reply_text)
            switch close.reply_code {
            case 403 where text.contains("Login was refused"): return .authenticationFailed(user: url.user)
            case 530 where text.contains("not found"): return .vhostNotFound(url.vhost)
            case 530, 403: return .accessRefused(text)
            default: return .connectionClosed(code: Int(close.reply_code), text: text)
            }
        }
        if reply.reply_type == AMQP_RESPONSE_LIBRARY_EXCEPTION {
            return .library(operation: "login", code: reply.library_error,
                            text: String(cString: amqp_error_string2(reply.library_error)))
        }
        return .library(operation: "login", code: -1, text: "unexpected login reply")
    }
}
