import Foundation

/// The offline Microsoft Graph permission catalogue: every (method, path template) upstream knows
/// about, with the permissions that allow it per scheme.
///
/// Loading only indexes the text (one pass over its bytes); operations are parsed from their
/// lines on demand, so loading plus one ``match(_:)`` stays well under a millisecond.
public struct GraphCatalog: Sendable {
    /// Where one operation line sits in the text, plus the method the matcher filters on first.
    /// Everything else (path end, segment counts) is found at match time, for candidate lines only.
    struct LineInfo: Sendable {
        let start: Int32
        let end: Int32
        let pathStart: Int32
        let method: UInt8
    }

    /// The catalogue text, contiguous UTF-8 (an embedded literal is used in place, without copying).
    let text: String
    /// One entry per operation line, in file order.
    let lines: [LineInfo]
    /// First-segment key (text before any `(`) → the runs of `lines` indices starting with it.
    let index: [String: [Range<Int32>]]
    /// The header comment lines, without the leading `# `.
    public let header: [String]

    /// The catalogue embedded in the library, parsed once on first use.
    /// Its column counts are not re-checked at load (a test checks them with ``init(text:)``).
    public static let embedded: GraphCatalog = {
        do { return try GraphCatalog(text: GraphCatalogData.text, validatingEveryLine: false) } catch {
            preconditionFailure("embedded Graph catalogue is malformed: \(error)")
        }
    }()

    /// Reads catalogue text in the ``GraphCatalogLine`` format, checking every line's column count.
    /// - Throws: ``GraphCatalogLine/FormatError`` when a line has the wrong shape.
    public init(text: String) throws {
        try self.init(text: text, validatingEveryLine: true)
    }

    /// Reads catalogue text; when `validatingEveryLine` is `false` only the method and path columns
    /// are checked, which makes loading faster for text that is known to be well formed.
    init(text: String, validatingEveryLine validate: Bool) throws {
        var text = text
        text.makeContiguousUTF8()
        self.text = text
        (lines, index, header) = try text.utf8.withContiguousStorageIfAvailable { try Self.scan($0, validate: validate) }!
    }

    /// Calls `body` with the catalogue's UTF-8 bytes.
    @inline(__always)
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try text.utf8.withContiguousStorageIfAvailable(body)!
    }

    /// One pass over the bytes (or over `ranges` of them, each starting at a line start): locate operation lines,
    /// check their shape and index them.
    static func scan(
        _ buffer: UnsafeBufferPointer<UInt8>, validate: Bool, ranges: [Range<Int>]? = nil
    ) throws -> ([LineInfo], [String: [Range<Int32>]], [String]) {
        var lines: [LineInfo] = []
        lines.reserveCapacity(buffer.count / 150)
        var index: [String: [Range<Int32>]] = [:]
        var header: [String] = []
        var runKey: Range<Int> = 0..<0
        var runStart: Int32 = 0
        func closeRun() {
            if runStart < Int32(lines.count) {
                index[String(decoding: buffer[runKey], as: UTF8.self), default: []].append(runStart..<Int32(lines.count))
            }
            runStart = Int32(lines.count)
        }
        var lineStart = 0
        var lineNumber = 0
        for range in ranges ?? [0..<buffer.count] {
        lineStart = range.lowerBound
        while lineStart < range.upperBound {
            lineNumber += 1
            let lineEnd = find(0x0A, buffer, from: lineStart, to: buffer.count)
            defer { lineStart = lineEnd + 1 }
            if lineEnd == lineStart { continue }
            if buffer[lineStart] == UInt8(ascii: "#") {
                header.append(String(decoding: buffer[min(lineStart + 2, lineEnd)..<lineEnd], as: UTF8.self))
                continue
            }
            let info = try lineInfo(buffer, lineStart, lineEnd, lineNumber, validate: validate)
            var keyEnd = Int(info.pathStart) + 1
            while keyEnd < lineEnd, !isKeyEnd(buffer[keyEnd]) { keyEnd += 1 }
            let key = (Int(info.pathStart) + 1)..<keyEnd
            if key.count != runKey.count
                || memcmp(buffer.baseAddress! + key.lowerBound, buffer.baseAddress! + runKey.lowerBound, key.count) != 0 {
                closeRun()
                runKey = key
            }
            lines.append(info)
        }
        }
        closeRun()
        return (lines, index, header)
    }

    /// The index of the first `byte` in `buffer[from..<to]`, or `to`.
    @inline(__always)
    static func find(_ byte: UInt8, _ buffer: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        guard from < to, let base = buffer.baseAddress,
              let hit = memchr(base + from, Int32(byte), to - from) else { return to }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// Whether `byte` ends the first-segment index key (see ``GraphPathSegments/indexKey(_:_:)``).
    @inline(__always)
    static func isKeyEnd(_ byte: UInt8) -> Bool {
        byte == 0x2F || byte == 0x28 || byte == 0x3F || byte == 0x09
    }

    /// Locates the method and path columns of one line; with `validate`, also checks the column count.
    private static func lineInfo(
        _ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ lineNumber: Int, validate: Bool
    ) throws -> LineInfo {
        var methodEnd = start
        while methodEnd < end, buffer[methodEnd] != 0x09 { methodEnd += 1 }
        guard methodEnd > start, methodEnd + 1 < end, buffer[methodEnd + 1] == GraphPathSegments.slash else {
            throw GraphCatalogLine.FormatError(line: lineNumber, reason: "missing method or path")
        }
        if validate {
            var tabCount = 1
            var position = methodEnd + 1
            while position < end {
                let tab = find(0x09, buffer, from: position, to: end)
                if tab == end { break }
                tabCount += 1
                position = tab + 1
            }
            guard tabCount == GraphCatalogLine.columnCount - 1 else {
                throw GraphCatalogLine.FormatError(
                    line: lineNumber, reason: "expected \(GraphCatalogLine.columnCount) columns, found \(tabCount + 1)")
            }
        }
        return LineInfo(
            start: Int32(start), end: Int32(end), pathStart: Int32(methodEnd + 1),
            method: GraphHTTPMethod.code(buffer, start..<methodEnd))
    }

    /// The end of the path column of `info`'s line.
    @inline(__always)
    static func pathEnd(_ buffer: UnsafeBufferPointer<UInt8>, _ info: LineInfo) -> Int {
        var k = Int(info.pathStart)
        while k < Int(info.end), buffer[k] != 0x09 { k += 1 }
        return k
    }

    /// The template segments of line `lineIndex` and how many of them are casts.
    func segmentCounts(ofLine lineIndex: Int) -> (segments: Int, casts: Int) {
        withBytes { buffer in
            let info = lines[lineIndex]
            var counts = (segments: 0, casts: 0)
            GraphPathSegments.forEachSegment(in: buffer, from: Int(info.pathStart), to: Self.pathEnd(buffer, info)) {
                counts.segments += 1
                if GraphPathSegments.isCast(buffer, $0) { counts.casts += 1 }
            }
            return counts
        }
    }

    /// The number of operations in the catalogue.
    public var count: Int { lines.count }

    /// Every operation, in catalogue order (parses every line; meant for listings, not hot paths).
    public var operations: [GraphOperation] {
        lines.indices.map { operation(at: $0) }
    }

    /// The header value for `key` (e.g. `upstream-commit`), if the header has a `key: value` line.
    public func headerValue(_ key: String) -> String? {
        let prefix = key + ": "
        return header.first { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
    }

    /// Parses the operation on line `lineIndex` (an index into `lines`).
    func operation(at lineIndex: Int) -> GraphOperation {
        let info = lines[lineIndex]
        let line = withBytes { String(decoding: $0[Int(info.start)..<Int(info.end)], as: UTF8.self) }
        // Every line was checked for its column count at load.
        return try! GraphCatalogLine.parse(Substring(line))
    }
}
