/// The offline Microsoft Graph permission catalogue: every (method, path template) upstream knows
/// about, with the permissions that allow it per scheme.
///
/// Loading only indexes the text (one pass over its bytes); operations are parsed from their
/// lines on demand, so loading plus one ``match(_:)`` stays well under a millisecond.
public struct GraphCatalog: Sendable {
    /// Where one operation line sits in `bytes`, plus what the matcher filters on.
    struct LineInfo: Sendable {
        let start: Int32
        let end: Int32
        let pathStart: Int32
        let pathEnd: Int32
        let method: UInt8
        let segmentCount: UInt8
        let castCount: UInt8
    }

    /// The catalogue bytes (UTF-8).
    let bytes: [UInt8]
    /// One entry per operation line, in file order.
    let lines: [LineInfo]
    /// First-segment key (text before any `(`) → the runs of `lines` indices starting with it.
    let index: [String: [Range<Int32>]]
    /// The header comment lines, without the leading `# `.
    public let header: [String]

    /// The catalogue embedded in the library, parsed once on first use.
    public static let embedded: GraphCatalog = {
        do { return try GraphCatalog(text: GraphCatalogData.text) } catch {
            preconditionFailure("embedded Graph catalogue is malformed: \(error)")
        }
    }()

    /// Reads catalogue text in the ``GraphCatalogLine`` format.
    /// - Throws: ``GraphCatalogLine/FormatError`` when a line has the wrong shape.
    public init(text: String) throws {
        bytes = Array(text.utf8)
        var lines: [LineInfo] = []
        lines.reserveCapacity(bytes.count / 80)
        var index: [String: [Range<Int32>]] = [:]
        var header: [String] = []
        var runKey: Range<Int> = 0..<0
        var runStart: Int32 = 0
        try bytes.withUnsafeBufferPointer { buffer in
            var lineStart = 0
            var lineNumber = 0
            func closeRun() {
                if runStart < Int32(lines.count) {
                    index[String(decoding: buffer[runKey], as: UTF8.self), default: []]
                        .append(runStart..<Int32(lines.count))
                }
                runStart = Int32(lines.count)
            }
            while lineStart < buffer.count {
                lineNumber += 1
                var lineEnd = lineStart
                while lineEnd < buffer.count, buffer[lineEnd] != 0x0A { lineEnd += 1 }
                defer { lineStart = lineEnd + 1 }
                if lineEnd == lineStart { continue }
                if buffer[lineStart] == UInt8(ascii: "#") {
                    let from = min(lineStart + 2, lineEnd)
                    header.append(String(decoding: buffer[from..<lineEnd], as: UTF8.self))
                    continue
                }
                let info = try Self.lineInfo(buffer, lineStart, lineEnd, lineNumber)
                var first: Range<Int>?
                var count = 0
                var casts = 0
                GraphPathSegments.forEachSegment(in: buffer, from: Int(info.pathStart), to: Int(info.pathEnd)) { segment in
                    if first == nil { first = GraphPathSegments.indexKey(buffer, segment) }
                    count += 1
                    if GraphPathSegments.isCast(buffer, segment) { casts += 1 }
                }
                let key = first ?? 0..<0
                if !buffer[key].elementsEqual(buffer[runKey]) { closeRun(); runKey = key }
                lines.append(LineInfo(
                    start: info.start, end: info.end, pathStart: info.pathStart, pathEnd: info.pathEnd,
                    method: info.method, segmentCount: UInt8(min(count, 255)), castCount: UInt8(min(casts, 255))))
            }
            closeRun()
        }
        self.lines = lines
        self.index = index
        self.header = header
    }

    /// Locates the method and path columns of one line and checks the column count.
    private static func lineInfo(
        _ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ lineNumber: Int
    ) throws -> LineInfo {
        var tabCount = 0
        var firstTab = end
        var secondTab = end
        for k in start..<end where buffer[k] == 0x09 {
            if tabCount == 0 { firstTab = k } else if tabCount == 1 { secondTab = k }
            tabCount += 1
        }
        guard tabCount == GraphCatalogLine.columnCount - 1 else {
            throw GraphCatalogLine.FormatError(
                line: lineNumber, reason: "expected \(GraphCatalogLine.columnCount) columns, found \(tabCount + 1)")
        }
        guard firstTab > start, buffer[firstTab + 1] == GraphPathSegments.slash else {
            throw GraphCatalogLine.FormatError(line: lineNumber, reason: "missing method or path")
        }
        return LineInfo(
            start: Int32(start), end: Int32(end), pathStart: Int32(firstTab + 1), pathEnd: Int32(secondTab),
            method: GraphHTTPMethod.code(buffer, start..<firstTab), segmentCount: 0, castCount: 0)
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
        let text = String(decoding: bytes[Int(info.start)..<Int(info.end)], as: UTF8.self)
        // Every line was checked for its column count at load.
        return try! GraphCatalogLine.parse(Substring(text))
    }
}
