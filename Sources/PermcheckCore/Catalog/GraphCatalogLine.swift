/// The catalogue's line format — one ``GraphOperation`` per line, seven tab-separated columns:
///
/// ```
/// METHOD  path  delegatedWork  application  delegatedPersonal  alsoRequires  displayTemplate
/// ```
///
/// A scheme column is `-` when no permission allows the operation under that scheme, otherwise
/// `least1,least2|other1,other2` (the least-privileged ones before the bar; either side may be
/// empty). `alsoRequires` is `-` or `Perm:A,B;Perm2:C`. `displayTemplate` is `-` when it equals
/// `path`. Lines starting with `#` are comments. See `rules/graph/README.md`.
public enum GraphCatalogLine {
    /// The number of tab-separated columns in an operation line.
    public static let columnCount = 7

    /// A problem found while reading a catalogue line.
    public struct FormatError: Error, Equatable, CustomStringConvertible {
        /// The 1-based line number, or 0 when unknown.
        public let line: Int
        /// What is wrong.
        public let reason: String
        /// A one-line explanation.
        public var description: String { "graph catalogue line \(line): \(reason)" }
    }

    /// The catalogue line for `operation` (no trailing newline).
    public static func render(_ operation: GraphOperation) -> String {
        var columns = [operation.method, operation.pathTemplate]
        for scheme in GraphPermissionScheme.allCases {
            let all = operation.permissions(for: scheme)
            if all.isEmpty { columns.append("-"); continue }
            let least = operation.leastPrivileged(for: scheme)
            let others = all.dropFirst(least.count)
            columns.append(least.joined(separator: ",") + "|" + others.joined(separator: ","))
        }
        if operation.alsoRequires.isEmpty {
            columns.append("-")
        } else {
            columns.append(operation.alsoRequires.keys.sorted(by: byteOrder).map {
                $0 + ":" + operation.alsoRequires[$0]!.joined(separator: ",")
            }.joined(separator: ";"))
        }
        columns.append(operation.displayTemplate == operation.pathTemplate ? "-" : operation.displayTemplate)
        return columns.joined(separator: "\t")
    }

    /// Parses one operation line.
    public static func parse(_ line: Substring, lineNumber: Int = 0) throws -> GraphOperation {
        let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
        guard columns.count == columnCount else {
            throw FormatError(line: lineNumber, reason: "expected \(columnCount) columns, found \(columns.count)")
        }
        guard !columns[0].isEmpty, columns[1].hasPrefix("/") else {
            throw FormatError(line: lineNumber, reason: "missing method or path")
        }
        var lists: [[String]] = []
        var leastCounts: [Int] = []
        for cell in columns[2...4] {
            if cell == "-" { lists.append([]); leastCounts.append(0); continue }
            guard let bar = cell.firstIndex(of: "|") else {
                throw FormatError(line: lineNumber, reason: "scheme column without '|': \(cell)")
            }
            let least = names(cell[..<bar])
            lists.append(least + names(cell[cell.index(after: bar)...]))
            leastCounts.append(least.count)
        }
        var alsoRequires: [String: [String]] = [:]
        if columns[5] != "-" {
            for entry in columns[5].split(separator: ";") {
                guard let colon = entry.firstIndex(of: ":") else {
                    throw FormatError(line: lineNumber, reason: "alsoRequires entry without ':': \(entry)")
                }
                alsoRequires[String(entry[..<colon])] = names(entry[entry.index(after: colon)...])
            }
        }
        let path = String(columns[1])
        return GraphOperation(
            method: String(columns[0]), pathTemplate: path,
            displayTemplate: columns[6] == "-" ? path : String(columns[6]),
            delegatedWork: lists[0], application: lists[1], delegatedPersonal: lists[2],
            leastDelegatedWorkCount: leastCounts[0], leastApplicationCount: leastCounts[1],
            leastDelegatedPersonalCount: leastCounts[2], alsoRequires: alsoRequires)
    }

    /// Orders strings by their UTF-8 bytes, independent of locale and Unicode normalisation.
    public static func byteOrder(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }

    private static func names(_ text: Substring) -> [String] {
        text.split(separator: ",").map(String.init)
    }
}
