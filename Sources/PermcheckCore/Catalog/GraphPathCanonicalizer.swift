/// Turns a Microsoft Graph path — an upstream template or a path from a real request — into the
/// canonical form that the catalogue stores and the matcher compares.
///
/// The same rules apply to both sides, so a template and a request meet in the middle:
/// - letters are lowercased and every `{…}` placeholder becomes `{id}`;
/// - quotes and whitespace inside a segment are removed (`(deviceId='{id}')` → `(deviceid={id})`);
/// - an empty call `delta()` loses its parentheses;
/// - a positional OData key `users('abc')` becomes two segments, `users/abc`;
/// - empty segments (leading, doubled or trailing slashes) are dropped.
///
/// The version prefix is the request parser's business (``RequestTarget``); it calls ``percentDecoded(_:)`` first.
public enum GraphPathCanonicalizer {
    /// The canonical form of `path`, starting with `/`.
    ///
    /// - Parameters:
    ///   - path: a path without host or version, e.g. `/Users/{userId}/exportPersonalData`.
    ///   - keepQuery: when `true`, a `?…` part is kept (lowercased, placeholders renamed) after the
    ///     canonical path; when `false` it is dropped.
    public static func canonicalPath(_ path: String, keepQuery: Bool = false) -> String {
        let (pathPart, queryPart) = splitQuery(path)
        let renamed = renamePlaceholders(pathPart.lowercased())
        var pieces: [String] = []
        for piece in renamed.split(separator: "/", omittingEmptySubsequences: true) {
            pieces.append(contentsOf: canonicalPieces(String(piece)))
        }
        var result = "/" + pieces.joined(separator: "/")
        if keepQuery, let queryPart {
            result += "?" + renamePlaceholders(queryPart.lowercased())
        }
        return result
    }

    /// Every `{…}` run in `text` replaced by `{id}`.
    public static func renamePlaceholders(_ text: String) -> String {
        guard text.contains("{") else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var inside = false
        for character in text {
            if inside {
                if character == "}" { inside = false; out += "{id}" }
            } else if character == "{" {
                inside = true
            } else {
                out.append(character)
            }
        }
        if inside { out += "{id}" }
        return out
    }

    private static func splitQuery(_ path: String) -> (String, String?) {
        guard let mark = path.firstIndex(of: "?") else { return (path, nil) }
        return (String(path[..<mark]), String(path[path.index(after: mark)...]))
    }

    /// One raw segment as one or two canonical segments.
    private static func canonicalPieces(_ raw: String) -> [String] {
        var piece = raw.filter { $0 != "'" && $0 != "\"" && !$0.isWhitespace }
        if piece.hasSuffix("()") { piece.removeLast(2) }
        guard piece.hasSuffix(")"), let open = piece.firstIndex(of: "("), open != piece.startIndex else {
            return piece.isEmpty ? [] : [piece]
        }
        let inner = piece[piece.index(after: open)..<piece.index(before: piece.endIndex)]
        if inner.isEmpty || inner.contains("=") || inner.contains(",") || inner.contains("(") {
            return [piece]
        }
        return [String(piece[..<open]), String(inner)]
    }

    /// `text` with `%XX` escapes decoded; invalid escapes and invalid UTF-8 are left as they are.
    public static func percentDecoded(_ text: String) -> String {
        guard text.contains("%") else { return text }
        var out: [UInt8] = []
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%"), i + 2 < bytes.count,
               let hi = hexValue(bytes[i + 1]), let lo = hexValue(bytes[i + 2]) {
                out.append(hi << 4 | lo)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(validating: out, as: UTF8.self) ?? text
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
