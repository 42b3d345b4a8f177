import CAMQPShim
import Foundation

/// Keeps C strings alive for the length of one librabbitmq call and frees them after.
final class CStringArena {
    private var allocations: [UnsafeMutableRawPointer] = []

    deinit {
        allocations.forEach { free($0) }
    }

    func bytes(_ string: String) -> amqp_bytes_t {
        var utf8 = Array(string.utf8)
        let count = utf8.count
        let pointer = malloc(max(count, 1))!
        utf8.withUnsafeMutableBytes { buffer in
            if let base = buffer.baseAddress { pointer.copyMemory(from: base, byteCount: count) }
        }
        allocations.append(pointer)
        return amqp_bytes_t(len: count, bytes: pointer)
    }

    func table(_ values: [String: AMQPFieldValue]) -> amqp_table_t {
        let entries = values.compactMap { key, value -> amqp_table_entry_t? in
            var field = amqp_field_value_t()
            switch value {
            case let .string(text):
                field.kind = UInt8(AMQP_FIELD_KIND_UTF8.rawValue)
                field.value.bytes = bytes(text)
            case let .int(number):
                field.kind = UInt8(AMQP_FIELD_KIND_I64.rawValue)
                field.value.i64 = number
            case let .bool(flag):
                field.kind = UInt8(AMQP_FIELD_KIND_BOOLEAN.rawValue)
                field.value.boolean = flag ? 1 : 0
            case .unsupported:
                return nil
            }
            return amqp_table_entry_t(key: bytes(key), value: field)
        }
        guard !entries.isEmpty else { return amqp_table_t(num_entries: 0, entries: nil) }
        let size = MemoryLayout<amqp_table_entry_t>.stride * entries.count
        let pointer = malloc(size)!
        allocations.append(pointer)
        let typed = pointer.bindMemory(to: amqp_table_entry_t.self, capacity: entries.count)
        for (index, entry) in entries.enumerated() { typed[index] = entry }
        return amqp_table_t(num_entries: Int32(entries.count), entries: typed)
    }

    /// The C properties of a message; valid while this arena lives.
    func properties(of message: AMQPMessage) -> amqp_basic_properties_t {
        var properties = amqp_basic_properties_t()
        var flags: UInt32 = UInt32(AMQP_BASIC_DELIVERY_MODE_FLAG)
        properties.delivery_mode = message.persistent ? 2 : 1
        if let value = message.contentType {
            flags |= UInt32(AMQP_BASIC_CONTENT_TYPE_FLAG)
            properties.content_type = bytes(value)
        }
        if let value = message.messageId {
            flags |= UInt32(AMQP_BASIC_MESSAGE_ID_FLAG)
            properties.message_id = bytes(value)
        }
        if let value = message.type {
            flags |= UInt32(AMQP_BASIC_TYPE_FLAG)
            properties.type = bytes(value)
        }
        if let value = message.timestamp {
            flags |= UInt32(AMQP_BASIC_TIMESTAMP_FLAG)
            properties.timestamp = UInt64(max(0, value.wholeSeconds.timeIntervalSince1970))
        }
        if let value = message.correlationId {
            flags |= UInt32(AMQP_BASIC_CORRELATION_ID_FLAG)
            properties.correlation_id = bytes(value)
        }
        if let value = message.replyTo {
            flags |= UInt32(AMQP_BASIC_REPLY_TO_FLAG)
            properties.reply_to = bytes(value)
        }
        if let value = message.appId {
            flags |= UInt32(AMQP_BASIC_APP_ID_FLAG)
            properties.app_id = bytes(value)
        }
        if let value = message.expiration {
            flags |= UInt32(AMQP_BASIC_EXPIRATION_FLAG)
            properties.expiration = bytes(value)
        }
        if !message.headers.isEmpty {
            flags |= UInt32(AMQP_BASIC_HEADERS_FLAG)
            properties.headers = table(message.headers)
        }
        properties._flags = flags
        return properties
    }
}

extension String {
    /// Reads librabbitmq bytes as UTF-8 (invalid sequences become U+FFFD rather than failing).
    init(amqp bytes: amqp_bytes_t) {
        guard bytes.len > 0, let pointer = bytes.bytes else {
            self = ""
            return
        }
        self = String(decoding: UnsafeRawBufferPointer(start: pointer, count: bytes.len), as: UTF8.self)
    }
}

extension Data {
    init(amqp bytes: amqp_bytes_t) {
        guard bytes.len > 0, let pointer = bytes.bytes else {
            self = Data()
            return
        }
        self = Data(bytes: pointer, count: bytes.len)
    }
}

extension AMQPFieldValue {
    init(_ field: amqp_field_value_t) {
        switch Int32(field.kind) {
        case Int32(AMQP_FIELD_KIND_UTF8.rawValue), Int32(AMQP_FIELD_KIND_BYTES.rawValue):
            self = .string(String(amqp: field.value.bytes))
        case Int32(AMQP_FIELD_KIND_BOOLEAN.rawValue):
            self = .bool(field.value.boolean != 0)
        case Int32(AMQP_FIELD_KIND_I8.rawValue): self = .int(Int64(field.value.i8))
        case Int32(AMQP_FIELD_KIND_U8.rawValue): self = .int(Int64(field.value.u8))
        case Int32(AMQP_FIELD_KIND_I16.rawValue): self = .int(Int64(field.value.i16))
        case Int32(AMQP_FIELD_KIND_U16.rawValue): self = .int(Int64(field.value.u16))
        case Int32(AMQP_FIELD_KIND_I32.rawValue): self = .int(Int64(field.value.i32))
        case Int32(AMQP_FIELD_KIND_U32.rawValue): self = .int(Int64(field.value.u32))
        case Int32(AMQP_FIELD_KIND_I64.rawValue), Int32(AMQP_FIELD_KIND_TIMESTAMP.rawValue):
            self = .int(field.value.i64)
        case Int32(AMQP_FIELD_KIND_U64.rawValue): self = .int(Int64(truncatingIfNeeded: field.value.u64))
        default: self = .unsupported
        }
    }
}

extension AMQPMessage {
    /// Copies a received message out of librabbitmq's buffers.
    init(_ properties: amqp_basic_properties_t, body: amqp_bytes_t) {
        let flags = properties._flags
        func has(_ flag: Int32) -> Bool { flags & UInt32(flag) != 0 }
        var headers: [String: AMQPFieldValue] = [:]
        if has(AMQP_BASIC_HEADERS_FLAG), properties.headers.num_entries > 0, let entries = properties.headers.entries {
            for index in 0..<Int(properties.headers.num_entries) {
                headers[String(amqp: entries[index].key)] = AMQPFieldValue(entries[index].value)
            }
        }
        self.init(
            contentType: has(AMQP_BASIC_CONTENT_TYPE_FLAG) ? String(amqp: properties.content_type) : nil,
            persistent: has(AMQP_BASIC_DELIVERY_MODE_FLAG) && properties.delivery_mode == 2,
            messageId: has(AMQP_BASIC_MESSAGE_ID_FLAG) ? String(amqp: properties.message_id) : nil,
            type: has(AMQP_BASIC_TYPE_FLAG) ? String(amqp: properties.type) : nil,
            timestamp: has(AMQP_BASIC_TIMESTAMP_FLAG) ? Date(timeIntervalSince1970: TimeInterval(properties.timestamp)) : nil,
            correlationId: has(AMQP_BASIC_CORRELATION_ID_FLAG) ? String(amqp: properties.correlation_id) : nil,
            replyTo: has(AMQP_BASIC_REPLY_TO_FLAG) ? String(amqp: properties.reply_to) : nil,
            appId: has(AMQP_BASIC_APP_ID_FLAG) ? String(amqp: properties.app_id) : nil,
            expiration: has(AMQP_BASIC_EXPIRATION_FLAG) ? String(amqp: properties.expiration) : nil,
            headers: headers,
            body: Data(amqp: body)
        )
    }
}
