/// Strings, escapes, UTF-8 validation, numbers and literals.
extension JSONByteParser {
    // MARK: Scalars

    /// Parses a string starting at the opening quote. Validates UTF-8; builds the `String` once at the end.
    mutating func parseString() throws(JSONParseFailure) -> String {
        let open = pos
        pos += 1
        var segmentStart = pos
        var escaped = false
        while true {
            // Skip 8 plain ASCII bytes at a time (no quote, backslash, control or non-ASCII byte among them).
            while pos &+ 8 <= end {
                let word = UnsafeRawPointer(buf.baseAddress.unsafelyUnwrapped + pos).loadUnaligned(as: UInt64.self)
                if Self.mayNeedAttention(word) { break }
                pos &+= 8
            }
            guard pos < end else { throw JSONParseFailure("unterminated string", at: open) }
            let b = buf[pos]
            if b == JSONByte.quote {
                let segment = UnsafeBufferPointer(rebasing: buf[segmentStart..<pos])
                pos += 1
                if !escaped { return String(decoding: segment, as: UTF8.self) }
                scratch.append(contentsOf: segment)
                return String(decoding: scratch, as: UTF8.self)
            } else if b == JSONByte.backslash {
                if !escaped {
                    escaped = true
                    scratch.removeAll(keepingCapacity: true)
                }
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: buf[segmentStart..<pos]))
                try parseEscape()
                segmentStart = pos
            } else if b < 0x20 {
                throw JSONParseFailure(
                    "control character \(Self.scalarName(UInt32(b))) in string must be escaped", at: pos)
            } else if b < 0x80 {
                pos += 1
            } else {
                guard let length = utf8SequenceLength(at: pos) else {
                    throw JSONParseFailure("invalid UTF-8 in string", at: pos)
                }
                pos += length
            }
        }
    }

    /// Whether any byte of `w` is `"`, `\\`, below 0x20 or above 0x7F (SWAR; never a false negative).
    @inline(__always)
    static func mayNeedAttention(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quote = w ^ (ones &* 0x22)
        let backslash = w ^ (ones &* 0x5C)
        let below20 = (w &- ones &* 0x20) & ~w
        let hasQuote = (quote &- ones) & ~quote
        let hasBackslash = (backslash &- ones) & ~backslash
        return (w | below20 | hasQuote | hasBackslash) & highs != 0
    }

    /// Decodes one escape at `pos` (the backslash) into `scratch`.
    mutating func parseEscape() throws(JSONParseFailure) {
        let start = pos
        pos += 1
        guard pos < end else { throw JSONParseFailure("unterminated string", at: start) }
        let c = buf[pos]
        pos += 1
        switch c {
        case JSONByte.quote: scratch.append(JSONByte.quote)
        case JSONByte.backslash: scratch.append(JSONByte.backslash)
        case UInt8(ascii: "/"): scratch.append(UInt8(ascii: "/"))
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            let unit = try parseHex4(escapeStart: start)
            var scalar = UInt32(unit)
            if (0xD800...0xDBFF).contains(unit) {
                // A high surrogate must be followed immediately by \u and a low surrogate.
                guard pos + 1 < end, buf[pos] == JSONByte.backslash, buf[pos + 1] == UInt8(ascii: "u") else {
                    throw JSONParseFailure("lone surrogate \(Self.escapeText(unit)) in string", at: start)
                }
                let lowStart = pos
                pos += 2
                let low = try parseHex4(escapeStart: lowStart)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw JSONParseFailure("lone surrogate \(Self.escapeText(unit)) in string", at: start)
                }
                scalar = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(unit) {
                throw JSONParseFailure("lone surrogate \(Self.escapeText(unit)) in string", at: start)
            }
            appendUTF8(scalar)
        default:
            if c < 0x80 && c >= 0x20 {
                throw JSONParseFailure("invalid escape '\\\(Character(Unicode.Scalar(c)))' in string", at: start)
            }
            throw JSONParseFailure("invalid escape in string", at: start)
        }
    }

    /// Reads four hex digits at `pos` (just after `\u`).
    mutating func parseHex4(escapeStart: Int) throws(JSONParseFailure) -> UInt16 {
        var value: UInt16 = 0
        for _ in 0..<4 {
            guard pos < end else { throw JSONParseFailure("unterminated string", at: escapeStart) }
            let c = buf[pos]
            let digit: UInt8
            switch c {
            case JSONByte.zero...JSONByte.nine: digit = c - JSONByte.zero
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = c - UInt8(ascii: "A") + 10
            default: throw JSONParseFailure("invalid \\u escape: expected four hex digits", at: escapeStart)
            }
            value = value << 4 | UInt16(digit)
            pos += 1
        }
        return value
    }

    mutating func appendUTF8(_ scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            scratch.append(UInt8(scalar))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | (scalar >> 6)))
            scratch.append(UInt8(0x80 | (scalar & 0x3F)))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | (scalar >> 12)))
            scratch.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            scratch.append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            scratch.append(UInt8(0xF0 | (scalar >> 18)))
            scratch.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            scratch.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            scratch.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }

    /// The length of the well-formed UTF-8 sequence starting with a non-ASCII byte at `i`, or `nil`
    /// (overlong forms, surrogates and values above U+10FFFF are ill-formed; Unicode Table 3-7).
    func utf8SequenceLength(at i: Int) -> Int? {
        let b0 = buf[i]
        func cont(_ j: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) -> Bool {
            j < end && buf[j] >= lo && buf[j] <= hi
        }
        switch b0 {
        case 0xC2...0xDF:
            return cont(i + 1) ? 2 : nil
        case 0xE0:
            return cont(i + 1, 0xA0) && cont(i + 2) ? 3 : nil
        case 0xE1...0xEC, 0xEE...0xEF:
            return cont(i + 1) && cont(i + 2) ? 3 : nil
        case 0xED:
            return cont(i + 1, 0x80, 0x9F) && cont(i + 2) ? 3 : nil
        case 0xF0:
            return cont(i + 1, 0x90) && cont(i + 2) && cont(i + 3) ? 4 : nil
        case 0xF1...0xF3:
            return cont(i + 1) && cont(i + 2) && cont(i + 3) ? 4 : nil
        case 0xF4:
            return cont(i + 1, 0x80, 0x8F) && cont(i + 2) && cont(i + 3) ? 4 : nil
        default:
            return nil
        }
    }

    /// Validates the number grammar and keeps the literal text.
    mutating func parseNumber() throws(JSONParseFailure) -> JSONNumber {
        let start = pos
        if buf[pos] == JSONByte.minus { pos += 1 }
        guard pos < end, isDigit(buf[pos]) else {
            throw JSONParseFailure("expected digit after '-'", at: pos)
        }
        if buf[pos] == JSONByte.zero {
            pos += 1
            if pos < end && isDigit(buf[pos]) {
                throw JSONParseFailure("leading zeros are not allowed in numbers", at: start)
            }
        } else {
            while pos < end && isDigit(buf[pos]) { pos += 1 }
        }
        if pos < end && buf[pos] == JSONByte.dot {
            pos += 1
            guard pos < end, isDigit(buf[pos]) else {
                throw JSONParseFailure("expected digit after decimal point", at: pos)
            }
            while pos < end && isDigit(buf[pos]) { pos += 1 }
        }
        if pos < end && (buf[pos] == UInt8(ascii: "e") || buf[pos] == UInt8(ascii: "E")) {
            pos += 1
            if pos < end && (buf[pos] == JSONByte.plus || buf[pos] == JSONByte.minus) { pos += 1 }
            guard pos < end, isDigit(buf[pos]) else {
                throw JSONParseFailure("expected digit in exponent", at: pos)
            }
            while pos < end && isDigit(buf[pos]) { pos += 1 }
        }
        return JSONNumber(String(decoding: UnsafeBufferPointer(rebasing: buf[start..<pos]), as: UTF8.self))
    }

    @inline(__always)
    func isDigit(_ b: UInt8) -> Bool { b >= JSONByte.zero && b <= JSONByte.nine }

    /// Parses `true`, `false` or `null`.
    mutating func parseLiteral() throws(JSONParseFailure) -> JSONValue {
        if matches("true") { pos += 4; return .bool(true) }
        if matches("false") { pos += 5; return .bool(false) }
        if matches("null") { pos += 4; return .null }
        throw invalidLiteral()
    }

    func matches(_ literal: StaticString) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard pos + n <= end else { return false }
        let p = literal.utf8Start
        for i in 0..<n where buf[pos + i] != p[i] { return false }
        return true
    }
}
