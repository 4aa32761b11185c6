/// Failure messages: what was found where a value belonged, printable keys, JSON Pointer escaping.
extension JSONByteParser {
    // MARK: Error helpers

    func depthFailure() -> JSONParseFailure {
        JSONParseFailure("nesting deeper than \(maxDepth) levels", at: pos)
    }

    func invalidLiteral() -> JSONParseFailure {
        var j = pos
        while j < end && j - pos < 32 {
            let c = buf[j]
            let isWordByte = (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z"))
                || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
                || isDigit(c) || c == UInt8(ascii: "_")
            guard isWordByte else { break }
            j += 1
        }
        // Text that is an access token (a token file given where JSON belongs) is never quoted, not even its start.
        let rest = Array(UnsafeBufferPointer(rebasing: buf[pos..<min(end, pos + 64 * 1024)]))
        if TokenScrubber.scrub(rest) != rest {
            return JSONParseFailure("invalid literal: the text is an access token (JWT), not JSON", at: pos)
        }
        let word = String(decoding: UnsafeBufferPointer(rebasing: buf[pos..<j]), as: UTF8.self)
        return JSONParseFailure("invalid literal '\(word)' (expected true, false, null, a number, a string, an array or an object)", at: pos)
    }

    /// Describes a byte that cannot start a value.
    func unexpectedValueStart() -> JSONParseFailure {
        let b = buf[pos]
        switch b {
        case UInt8(ascii: "/"):
            return JSONParseFailure("comments are not allowed in JSON", at: pos)
        case UInt8(ascii: "'"):
            return JSONParseFailure("single-quoted strings are not allowed in JSON", at: pos)
        case JSONByte.plus:
            return JSONParseFailure("numbers must not start with '+'", at: pos)
        case JSONByte.dot:
            return JSONParseFailure("numbers must start with a digit", at: pos)
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"):
            return invalidLiteral()
        default:
            return JSONParseFailure("expected a value, found \(describeByte(at: pos))", at: pos)
        }
    }

    func separatorFailure(_ c: UInt8, _ message: String) -> JSONParseFailure {
        if c == UInt8(ascii: "/") { return JSONParseFailure("comments are not allowed in JSON", at: pos) }
        return JSONParseFailure(message, at: pos)
    }

    /// `'x'` for printable ASCII, `U+XXXX` for controls and valid non-ASCII, "invalid UTF-8" otherwise.
    func describeByte(at i: Int) -> String {
        let b = buf[i]
        if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        if b < 0x80 { return Self.scalarName(UInt32(b)) }
        guard let length = utf8SequenceLength(at: i) else { return "invalid UTF-8" }
        let scalars = String(decoding: UnsafeBufferPointer(rebasing: buf[i..<i + length]), as: UTF8.self).unicodeScalars
        return Self.scalarName(scalars.first?.value ?? 0xFFFD)
    }

    static func scalarName(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    static func escapeText(_ unit: UInt16) -> String {
        let hex = String(unit, radix: 16, uppercase: true)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// A key made safe for an error message: controls escaped, at most 64 characters.
    static func printable(_ key: String) -> String {
        var out = ""
        var count = 0
        for scalar in key.unicodeScalars {
            if count == 64 { out += "…"; break }
            if scalar.value < 0x20 || scalar.value == 0x7F {
                out += scalarName(scalar.value)
            } else {
                out.unicodeScalars.append(scalar)
            }
            count += 1
        }
        return out
    }

    /// RFC 6901 escaping: `~` → `~0`, `/` → `~1`.
    static func escapePointerToken(_ token: String) -> String {
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return token }
        var out = ""
        for ch in token.unicodeScalars {
            switch ch {
            case "~": out += "~0"
            case "/": out += "~1"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
