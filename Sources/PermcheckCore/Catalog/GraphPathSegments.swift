import Foundation

/// Byte-level segmentation and pattern matching of canonical Graph paths
/// (see ``GraphPathCanonicalizer``). Works on UTF-8 bytes so that loading and matching the
/// embedded catalogue allocate as little as possible.
///
/// Segments are separated by `/`, and the path ends at `?` or at the end of the range.
/// Drive path addressing is one segment: after a segment that ends with `:` (`root:` or
/// `{id}:`), everything up to and including the next segment ending with `:` — or up to the end
/// of the path — forms a single segment, so `root:/a/b/c.txt:/content` has the segments
/// `root:`, `a/b/c.txt:`, `content`.
enum GraphPathSegments {
    // Computed constants, not `static let`s: they inline into the hot loops without a lazy-init check.
    static var slash: UInt8 { 0x2F }
    static var colon: UInt8 { 0x3A }
    static var question: UInt8 { 0x3F }
    static var openBrace: UInt8 { 0x7B }
    static var openParen: UInt8 { 0x28 }
    static var castPrefix: StaticString { "microsoft.graph." }
    static var placeholder: StaticString { "{id}" }

    /// The segments of a canonical path, as the matcher sees them.
    static func segments(of path: String) -> [String] {
        var segments: [String] = []
        let bytes = Array(path.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            forEachSegment(in: buffer, from: 0, to: buffer.count) {
                segments.append(String(decoding: buffer[$0], as: UTF8.self))
            }
        }
        return segments
    }

    /// The segment ranges of the canonical path in `bytes[start..<end]`.
    static func ranges(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> [Range<Int>] {
        var result: [Range<Int>] = []
        forEachSegment(in: bytes, from: start, to: end) { result.append($0) }
        return result
    }

    /// Calls `body` with each segment range, in order.
    @inline(__always)
    static func forEachSegment(
        in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, _ body: (Range<Int>) -> Void
    ) {
        var i = start
        var merging = false
        while i < end {
            if bytes[i] == slash { i += 1; continue }
            if bytes[i] == question { return }
            let segmentStart = i
            while i < end, bytes[i] != slash, bytes[i] != question { i += 1 }
            if merging {
                // Extend to the first segment that ends with ":" (inclusive) or to the end.
                while bytes[i - 1] != colon, i < end, bytes[i] == slash {
                    var j = i + 1
                    while j < end, bytes[j] != slash, bytes[j] != question { j += 1 }
                    if j == i + 1 { break }
                    i = j
                }
                merging = false
            } else if bytes[i - 1] == colon {
                merging = true
            }
            body(segmentStart..<i)
        }
    }

    /// Whether the segment is a cast or a namespace-qualified call (`microsoft.graph.…`).
    static func isCast(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let prefix = castPrefix
        guard range.count > prefix.utf8CodeUnitCount, bytes[range.lowerBound] == prefix.utf8Start.pointee else { return false }
        return memcmp(bytes.baseAddress! + range.lowerBound, prefix.utf8Start, prefix.utf8CodeUnitCount) == 0
    }

    /// Whether the segment contains no placeholder.
    static func isLiteral(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        for k in range where bytes[k] == openBrace { return false }
        return true
    }

    /// The bytes of the segment before any `(`, used to index operations by their first segment.
    static func indexKey(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var k = range.lowerBound
        while k < range.upperBound, bytes[k] != openParen { k += 1 }
        return range.lowerBound..<k
    }

    /// Whether request segment `value` matches template segment `pattern`: literal bytes must be
    /// equal and each `{id}` stands for one or more bytes.
    static func matches(
        pattern: UnsafeBufferPointer<UInt8>, _ p: Range<Int>,
        value: UnsafeBufferPointer<UInt8>, _ v: Range<Int>
    ) -> Bool {
        var pi = p.lowerBound
        var vi = v.lowerBound
        while pi < p.upperBound {
            if isPlaceholder(pattern, at: pi, end: p.upperBound) {
                let rest = (pi + placeholder.utf8CodeUnitCount)..<p.upperBound
                if rest.isEmpty { return vi < v.upperBound }
                var split = vi + 1
                while split < v.upperBound {
                    if matches(pattern: pattern, rest, value: value, split..<v.upperBound) { return true }
                    split += 1
                }
                return false
            }
            guard vi < v.upperBound, pattern[pi] == value[vi] else { return false }
            pi += 1
            vi += 1
        }
        return vi == v.upperBound
    }

    private static func isPlaceholder(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> Bool {
        let token = placeholder
        guard bytes[i] == openBrace, i + token.utf8CodeUnitCount <= end else { return false }
        return memcmp(bytes.baseAddress! + i, token.utf8Start, token.utf8CodeUnitCount) == 0
    }
}
