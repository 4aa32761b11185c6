import Foundation

/// The layout shared by raw HTTP requests and responses: a start line, header lines, a blank line, a body.
/// Accepts CRLF or LF, a byte-order mark and blank lines before the start line, and folded header lines.
struct HTTPMessageText {
    /// The first non-blank line, without its line end; `nil` for an empty message.
    let startLine: String?
    /// The 1-based line number of ``startLine``.
    let startLineNumber: Int
    /// The header lines with their 1-based line numbers (continuation lines already joined).
    let headerLines: [(number: Int, text: String)]
    /// Everything after the blank line that ends the headers.
    let body: String

    init(_ text: String) {
        // "\r\n" is one Character in Swift, so split on any newline character, CRLF included.
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).map(String.init)
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = String(first.dropFirst()) }
        var index = 0
        while index < lines.count, lines[index].trimmingCharacters(in: .whitespaces).isEmpty { index += 1 }
        guard index < lines.count else {
            startLine = nil
            startLineNumber = 0
            headerLines = []
            body = ""
            return
        }
        startLine = lines[index].trimmingCharacters(in: .whitespaces)
        startLineNumber = index + 1
        index += 1
        var headers: [(number: Int, text: String)] = []
        while index < lines.count, !lines[index].trimmingCharacters(in: .whitespaces).isEmpty {
            let line = lines[index]
            if let first = line.first, first == " " || first == "\t", !headers.isEmpty {
                headers[headers.count - 1].text += " " + line.trimmingCharacters(in: .whitespaces)
            } else {
                headers.append((index + 1, line))
            }
            index += 1
        }
        headerLines = headers
        body = index < lines.count ? lines[(index + 1)...].joined(separator: "\n") : ""
    }

    /// The header lines parsed as `Name: value`.
    func headers(source: String) throws(PermcheckError) -> [HTTPHeader] {
        var result: [HTTPHeader] = []
        for line in headerLines { result.append(try Self.header(line.text, lineNumber: line.number, source: source)) }
        return result
    }

    /// A line quoted in an error message: cut to 60 characters, and withheld when it may hold a token.
    static func shown(_ line: String) -> String {
        line.contains("eyJ") || line.lowercased().contains("bearer") ? "(not shown: it may hold a token)" : "'\(line.prefix(60))'"
    }

    /// Parses one `Name: value` line; HTTP/2 pseudo-headers (`:path: /v1.0/me`) keep their leading colon.
    static func header(_ line: String, lineNumber: Int, source: String) throws(PermcheckError) -> HTTPHeader {
        let searchStart = line.hasPrefix(":") ? line.index(after: line.startIndex) : line.startIndex
        guard let colon = line[searchStart...].firstIndex(of: ":"), colon != searchStart else {
            throw .inputInvalid(source: source, detail: "line \(lineNumber) \(shown(line)) is not a header ('Name: value')")
        }
        let name = line[..<colon].trimmingCharacters(in: .whitespaces)
        guard !name.contains(" ") else {
            throw .inputInvalid(source: source, detail: "line \(lineNumber) \(shown(line)) is not a header ('Name: value'); a blank line must separate the headers from the body")
        }
        return HTTPHeader(name: name, value: line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
    }
}
