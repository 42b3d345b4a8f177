/// A replacement text for each of the ``NoticeScalars`` that has one, looked up by the scalar's
/// value: an array index, where a dictionary keyed by `Character` normalises and hashes each
/// key it is asked for.
struct ScalarReplacements: Sendable {
    private struct Block: Sendable {
        var range: Range<UInt32>
        var replacements: [String?]
    }

    private let blocks: [Block]

    /// Works out `replacement` of every scalar of ``NoticeScalars`` once; `nil`: the scalar has
    /// none here and its text is left to the caller.
    init(_ replacement: (Unicode.Scalar) -> String?) {
        blocks = NoticeScalars.ranges.map { range in
            Block(range: range, replacements: range.map { Unicode.Scalar($0).flatMap(replacement) })
        }
    }

    subscript(scalar: Unicode.Scalar) -> String? {
        let value = scalar.value
        for block in blocks where block.range.contains(value) {
            return block.replacements[Int(value - block.range.lowerBound)]
        }
        return nil
    }
}
