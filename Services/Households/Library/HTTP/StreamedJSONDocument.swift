import Foundation
import Hummingbird
import Messaging

/// A JSON document written while its arrays are read, byte for byte the document
/// `Response.json` writes for the whole value: the value is encoded once with its arrays empty,
/// and each array's elements are written between its brackets as they are read.
///
/// A read that fails after the first bytes went out ends the answer early, as any streamed
/// answer must: the client gets a document cut short, never a wrong one.
struct StreamedJSONDocument: Sendable {
    /// The document around its arrays' elements: up to the first array's `[`, from each
    /// array's `]` to the next one's `[`, and from the last array's `]` to the end.
    let segments: [ByteBuffer]

    /// - Parameters:
    ///   - frame: the document with every array of `arrays` empty.
    ///   - arrays: the keys of the arrays streamed, in the order they are encoded (sorted keys).
    init(_ frame: some Encodable, arrays: [String]) throws {
        let document = try JSONCoding.encoder.encode(frame)
        var segments: [ByteBuffer] = []
        var rest = document[...]
        for key in arrays {
            guard let empty = rest.firstRange(of: Data(#""\#(key)":[]"#.utf8)) else {
                preconditionFailure("the frame has no empty array \(key) after the previous one")
            }
            let closing = empty.upperBound - 1
            segments.append(ByteBuffer(bytes: rest[..<closing]))
            rest = rest[closing...]
        }
        segments.append(ByteBuffer(bytes: rest))
        self.segments = segments
    }

    /// An answer with this document's content type and the body `write` writes.
    func response(_ write: @Sendable @escaping (inout any ResponseBodyWriter) async throws -> Void) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: ResponseBody(write))
    }

    /// The elements of one array, encoded batch by batch with the commas between batches.
    struct Elements {
        private var written = false

        /// The batch's elements, after a comma unless they are the array's first; nil for none.
        mutating func encode<Element: Encodable>(_ batch: [Element]) throws -> ByteBuffer? {
            guard !batch.isEmpty else { return nil }
            let array = try JSONCoding.encoder.encode(batch)
            var buffer = ByteBuffer(bytes: written ? Data(",".utf8) : Data())
            buffer.writeBytes(array.dropFirst().dropLast())
            written = true
            return buffer
        }
    }
}
