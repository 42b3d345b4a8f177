import BenchmarkSupport
import CAMQPShim
import Foundation

/// The limit the pipeline is measured against: plain librabbitmq calls, no
/// framework and no storage. One thread publishes persistent messages to a
/// durable queue (classic, or quorum like the services' inboxes) with a
/// confirm wait every `confirmEvery` messages; another consumes them with
/// manual acks.
struct RawLibrabbitmq {
    let url: BenchmarkURL
    let queue: String
    let count: Int
    let body: [UInt8]
    let quorum: Bool
    let confirmEvery = 100
    let prefetch: UInt16 = 200

    /// Messages per second from the first publish to the last ack.
    func run() throws -> Double {
        let setup = try RawConnection(url)
        var entry = amqp_table_entry_t()
        entry.key = amqp_cstring_bytes("x-queue-type")
        entry.value.kind = UInt8(AMQP_FIELD_KIND_UTF8.rawValue)
        entry.value.value.bytes = amqp_cstring_bytes("quorum")
        withUnsafeMutablePointer(to: &entry) { entries in
            let arguments = quorum ? amqp_table_t(num_entries: 1, entries: entries) : amqp_empty_table
            amqp_queue_declare(setup.state, 1, amqp_cstring_bytes(queue), 0, 1, 0, 0, arguments)
        }
        try setup.check("queue.declare")

        let started = Date()
        let consumer = BackgroundThread.run { try consume() }
        try publish()
        try consumer.wait()
        let seconds = Date().timeIntervalSince(started)
        amqp_queue_delete(setup.state, 1, amqp_cstring_bytes(queue), 0, 0)
        return Double(count) / seconds
    }

    private func publish() throws {
        let connection = try RawConnection(url)
        amqp_confirm_select(connection.state, 1)
        try connection.check("confirm.select")
        var properties = amqp_basic_properties_t()
        properties._flags = UInt32(AMQP_BASIC_DELIVERY_MODE_FLAG | AMQP_BASIC_CONTENT_TYPE_FLAG)
        properties.delivery_mode = 2
        properties.content_type = amqp_cstring_bytes("application/octet-stream")
        var published = 0
        var confirmed: UInt64 = 0
        try body.withUnsafeBytes { buffer in
            let bytes = amqp_bytes_t(len: buffer.count, bytes: UnsafeMutableRawPointer(mutating: buffer.baseAddress))
            while published < count {
                let status = amqp_basic_publish(connection.state, 1, amqp_cstring_bytes(""), amqp_cstring_bytes(queue),
                                                0, 0, &properties, bytes)
                guard status == AMQP_STATUS_OK.rawValue else { throw BenchmarkError("publish failed: \(status)") }
                published += 1
                if published % confirmEvery == 0 || published == count {
                    while confirmed < UInt64(published) {
                        var frame = amqp_frame_t()
                        guard amqp_simple_wait_frame(connection.state, &frame) == AMQP_STATUS_OK.rawValue else {
                            throw BenchmarkError("waiting for confirms failed")
                        }
                        guard frame.frame_type == UInt8(AMQP_FRAME_METHOD), frame.payload.method.id == CAMQP_BASIC_ACK else { continue }
                        let ack = frame.payload.method.decoded.assumingMemoryBound(to: amqp_basic_ack_t.self).pointee
                        confirmed = ack.delivery_tag
                    }
                }
            }
        }
    }

    private func consume() throws {
        let connection = try RawConnection(url)
        amqp_basic_qos(connection.state, 1, 0, prefetch, 0)
        try connection.check("basic.qos")
        amqp_basic_consume(connection.state, 1, amqp_cstring_bytes(queue), amqp_empty_bytes, 0, 0, 0, amqp_empty_table)
        try connection.check("basic.consume")
        var received = 0
        while received < count {
            amqp_maybe_release_buffers(connection.state)
            var envelope = amqp_envelope_t()
            let reply = camqp_consume_message(connection.state, &envelope, 10_000)
            guard reply.reply_type == AMQP_RESPONSE_NORMAL else {
                throw BenchmarkError("consume failed after \(received) of \(count) messages")
            }
            amqp_basic_ack(connection.state, 1, envelope.delivery_tag, 0)
            amqp_destroy_envelope(&envelope)
            received += 1
        }
    }
}

/// A bare librabbitmq connection with channel 1 open.
final class RawConnection {
    let state: amqp_connection_state_t

    init(_ url: BenchmarkURL) throws {
        state = amqp_new_connection()
        let socket = amqp_tcp_socket_new(state)
        guard camqp_socket_open(socket, url.host, Int32(url.port), 5000) == AMQP_STATUS_OK.rawValue else {
            throw BenchmarkError("cannot connect to \(url.host):\(url.port)")
        }
        let login = camqp_login(state, url.vhost, 30, "bench-raw", url.user, url.password)
        guard login.reply_type == AMQP_RESPONSE_NORMAL else { throw BenchmarkError("login refused") }
        amqp_channel_open(state, 1)
        try check("channel.open")
    }

    deinit {
        amqp_connection_close(state, AMQP_REPLY_SUCCESS)
        amqp_destroy_connection(state)
    }

    func check(_ operation: String) throws {
        guard amqp_get_rpc_reply(state).reply_type == AMQP_RESPONSE_NORMAL else { throw BenchmarkError("\(operation) failed") }
    }
}
