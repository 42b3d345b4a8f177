import CAMQPShim

/// The socket a connection opens: plain TCP, or TLS verified against the given CAs.
extension AMQPConnection {
    /// A plain TCP socket, or for `amqps://` a TLS one that verifies the broker's certificate.
    static func socket(for url: AMQPURL, caFile: String?, state: amqp_connection_state_t) throws -> OpaquePointer {
        guard url.tls else {
            guard let socket = amqp_tcp_socket_new(state) else {
                throw AMQPError.library(operation: "connect", code: -1, text: "cannot create a socket")
            }
            return socket
        }
        var status: Int32 = 0
        guard let socket = camqp_tls_socket_new(state, caFile, &status) else {
            let source = caFile.map { "the CA file \($0)" } ?? "the system's CAs"
            throw AMQPError.tlsRefused(host: url.host, port: url.port,
                                       detail: "cannot load \(source): \(String(cString: amqp_error_string2(status)))")
        }
        return socket
    }

    static func isTLSFailure(_ status: Int32) -> Bool {
        (AMQP_STATUS_SSL_SET_ENGINE_FAILED.rawValue...AMQP_STATUS_SSL_ERROR.rawValue).contains(status)
    }
}
