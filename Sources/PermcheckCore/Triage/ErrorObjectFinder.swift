import Foundation

/// Finds the first JSON object with an `error` (or `odata.error`) key anywhere in pasted text: after a prefix such as
/// `Invoke-RestMethod:` or `Graph API call result:`, inside SDK exception text, as a JSON string inside another
/// JSON object, as a Python dict repr (`{'error': {'code': …}}`), or as JSON whose strings hold raw line breaks
/// (copied from a terminal that wrapped them). Pure; bounded work (at most ``maxCandidates`` opening braces, each
/// object at most ``maxObjectBytes``).
enum ErrorObjectFinder {
    /// What was found and how it had to be read.
    struct Found {
        /// The object that holds the `error` key.
        let value: JSONValue
        /// The 1-based line the object starts on.
        let line: Int
        /// The text before the object on its line, trimmed (e.g. `Invoke-RestMethod:`); empty when none.
        let prefix: String
        /// How the text had to be read, when it was not plain JSON.
        let repair: Repair?
    }

    /// How a candidate that is not plain JSON was read.
    enum Repair: String {
        case rawLineBreaks = "raw line breaks inside its strings were read as \\n"
        case pythonRepr = "read as a Python dict repr"
        case embeddedString = "found as a JSON string inside another JSON object"
    }

    static let maxCandidates = 256
    static let maxObjectBytes = 1 << 20

    static func find(in text: String) -> Found? {
        let bytes = Array(text.utf8)
        var candidates = 0
        var index = 0
        while index < bytes.count, candidates < maxCandidates {
            defer { index += 1 }
            guard bytes[index] == UInt8(ascii: "{"), let end = matchingBrace(bytes, from: index) else { continue }
            candidates += 1
            guard let (value, repair) = parse(Array(bytes[index...end])) else { continue }
            let found: (JSONValue, Repair?)? = hasErrorKey(value) ? (value, repair) : embeddedErrorObject(value).map { ($0, .embeddedString) }
            guard let (object, how) = found else { continue }
            let lineStart = bytes[..<index].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
            let prefix = String(decoding: bytes[lineStart..<index], as: UTF8.self).trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: "'\"")))
            let line = bytes[..<index].reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            return Found(value: object, line: line, prefix: prefix, repair: how)
        }
        return nil
    }

    static func hasErrorKey(_ value: JSONValue) -> Bool {
        value["error"] != nil || value["odata.error"] != nil
    }

    /// An error object held as a JSON string by another object, e.g. an SDK's `"body": "{\"error\":…}"`.
    static func embeddedErrorObject(_ value: JSONValue) -> JSONValue? {
        for (_, field) in value.objectValue ?? [:] {
            guard let text = field.stringValue, text.hasPrefix("{"), let inner = try? JSONParser.parse(text), hasErrorKey(inner) else { continue }
            return inner
        }
        return nil
    }

    /// The index of the brace closing the object opened at `start`, skipping `"…"` and `'…'` strings.
    static func matchingBrace(_ bytes: [UInt8], from start: Int) -> Int? {
        var depth = 0
        var quote: UInt8?
        var index = start
        let limit = min(bytes.count, start + maxObjectBytes)
        while index < limit {
            let byte = bytes[index]
            if let open = quote {
                if byte == UInt8(ascii: "\\") { index += 1 } else if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: "{") {
                depth += 1
            } else if byte == UInt8(ascii: "}") {
                depth -= 1
                if depth == 0 { return index }
            }
            index += 1
        }
        return nil
    }

    /// Plain JSON, then JSON with raw control characters in strings escaped, then a Python dict repr.
    static func parse(_ bytes: [UInt8]) -> (JSONValue, Repair?)? {
        if let value = try? JSONParser.parse(bytes), value.objectValue != nil { return (value, nil) }
        let escaped = escapingRawControls(bytes)
        if escaped != bytes, let value = try? JSONParser.parse(escaped), value.objectValue != nil { return (value, .rawLineBreaks) }
        if let converted = jsonFromPythonRepr(bytes), let value = try? JSONParser.parse(escapingRawControls(converted)), value.objectValue != nil {
            return (value, .pythonRepr)
        }
        return nil
    }

    /// Escapes raw control characters (line breaks, tabs) inside double-quoted strings.
    static func escapingRawControls(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var inString = false
        var escaped = false
        for byte in bytes {
            if inString, byte < 0x20 {
                switch byte {
                case UInt8(ascii: "\n"): out += Array("\\n".utf8)
                case UInt8(ascii: "\r"): out += Array("\\r".utf8)
                case UInt8(ascii: "\t"): out += Array("\\t".utf8)
                default: out += Array(String(format: "\\u%04x", Int(byte)).utf8)
                }
                escaped = false
                continue
            }
            out.append(byte)
            if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = inString } else if byte == UInt8(ascii: "\"") { inString.toggle() }
        }
        return out
    }

    /// Rewrites a Python dict repr as JSON: `'…'` strings become `"…"`, `True`/`False`/`None` become
    /// `true`/`false`/`null`, `\xHH` becomes `\u00HH`. `nil` when it has no single-quoted string (not a repr).
    static func jsonFromPythonRepr(_ bytes: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = []
        var index = 0
        var sawSingleQuote = false
        func isWordByte(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "_") || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || (byte >= 0x30 && byte <= 0x39) }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
                sawSingleQuote = sawSingleQuote || byte == UInt8(ascii: "'")
                out.append(UInt8(ascii: "\""))
                index += 1
                while index < bytes.count, bytes[index] != byte {
                    let char = bytes[index]
                    if char == UInt8(ascii: "\\"), index + 1 < bytes.count {
                        let next = bytes[index + 1]
                        if next == UInt8(ascii: "'") { out.append(next) } else if next == UInt8(ascii: "x") {
                            out += Array("\\u00".utf8)
                        } else { out += [char, next] }
                        index += 2
                        continue
                    }
                    if char == UInt8(ascii: "\"") { out.append(UInt8(ascii: "\\")) }
                    out.append(char)
                    index += 1
                }
                out.append(UInt8(ascii: "\""))
                index += 1
                continue
            }
            let atWordStart = index == 0 || !isWordByte(bytes[index - 1])
            if atWordStart, let (word, json) = [("True", "true"), ("False", "false"), ("None", "null")].first(where: { bytes[index...].starts(with: Array($0.0.utf8)) }),
               index + word.utf8.count >= bytes.count || !isWordByte(bytes[index + word.utf8.count]) {
                out += Array(json.utf8)
                index += word.utf8.count
                continue
            }
            out.append(byte)
            index += 1
        }
        return sawSingleQuote ? out : nil
    }
}
