import Foundation

/// The embedded catalogue cut down to what one request can match, found by binary search instead of a scan of
/// its 2.1 MB (the catalogue lines are sorted by first path segment; a test checks it).
extension GraphCatalog {
    /// The embedded catalogue restricted to the operations under the first path segments ``match(_:)`` looks up
    /// for `target`: `match(target)` gives the same answer as on ``embedded``; other look-ups (suggestions,
    /// reverse look-ups) need ``embedded``.
    public static func embedded(for target: RequestTarget) -> GraphCatalog {
        let keys = Set(attempts(target).compactMap { RequestBytes(lookupSegments($0.segments, ignoreCasts: $0.ignoreCasts)).key })
        do { return try GraphCatalog(embeddedSubsetWithKeys: keys) } catch {
            preconditionFailure("embedded Graph catalogue is malformed: \(error)")
        }
    }

    /// The embedded text, indexing only the lines whose first-segment key is in `keys`.
    init(embeddedSubsetWithKeys keys: Set<String>) throws {
        let text = GraphCatalogData.text
        self.text = text
        (lines, index, header) = try text.utf8.withContiguousStorageIfAvailable { buffer in
            var dataStart = 0
            while dataStart < buffer.count, buffer[dataStart] == UInt8(ascii: "#") || buffer[dataStart] == 0x0A {
                dataStart = Self.find(0x0A, buffer, from: dataStart, to: buffer.count) + 1
            }
            dataStart = min(dataStart, buffer.count)
            let header = try Self.scan(buffer, validate: false, ranges: [0..<dataStart]).2
            let ranges = keys.map { Self.linesRange(Array($0.utf8), buffer, dataStart: dataStart) }
                .filter { !$0.isEmpty }.sorted { $0.lowerBound < $1.lowerBound }
            let (lines, index, _) = try Self.scan(buffer, validate: false, ranges: ranges)
            return (lines, index, header)
        }!
    }

    /// The byte range of the lines whose key is `key` (empty when none), by binary search over byte offsets.
    static func linesRange(_ key: [UInt8], _ buffer: UnsafeBufferPointer<UInt8>, dataStart: Int) -> Range<Int> {
        func lineStart(atOrAfter position: Int) -> Int {
            if position <= dataStart { return dataStart }
            return min(find(0x0A, buffer, from: position - 1, to: buffer.count) + 1, buffer.count)
        }
        /// The first line start at or after some offset whose key is ≥ `key` (> with `strictly`).
        func bound(strictly: Bool) -> Int {
            var low = dataStart, high = buffer.count
            while low < high {
                let middle = (low + high) / 2
                let start = lineStart(atOrAfter: middle)
                let order = start == buffer.count ? 1 : compare(lineKey(start), key)
                if strictly ? order > 0 : order >= 0 { high = middle } else { low = middle + 1 }
            }
            return lineStart(atOrAfter: low)
        }
        func lineKey(_ start: Int) -> Range<Int> {
            var k = find(0x09, buffer, from: start, to: buffer.count) + 2  // after the method, its tab and "/"
            let keyStart = min(k, buffer.count)
            k = keyStart
            while k < buffer.count, !isKeyEnd(buffer[k]), buffer[k] != 0x0A { k += 1 }
            return keyStart..<k
        }
        func compare(_ range: Range<Int>, _ key: [UInt8]) -> Int {
            for (a, b) in zip(buffer[range], key) where a != b { return a < b ? -1 : 1 }
            return range.count == key.count ? 0 : (range.count < key.count ? -1 : 1)
        }
        return bound(strictly: false)..<bound(strictly: true)
    }
}
