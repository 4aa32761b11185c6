/// Resource limits applied by `JSONParser`.
public struct JSONLimits: Sendable, Equatable {
    /// The deepest allowed nesting of arrays and objects. A top-level container has depth 1.
    public var maxDepth: Int
    /// The largest accepted input, in bytes. Bigger inputs are rejected before any parsing.
    public var maxBytes: Int

    /// 64 levels, 16 MiB.
    public static let `default` = JSONLimits()

    /// Creates limits; the defaults are 64 levels and 16 MiB.
    public init(maxDepth: Int = 64, maxBytes: Int = 16 << 20) {
        self.maxDepth = maxDepth
        self.maxBytes = maxBytes
    }
}

/// Why a JSON document was rejected, and where.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A short lower-case explanation, e.g. `"duplicate key 'exp'"` or `"unexpected end of input"`.
    public let message: String
    /// The 0-based byte offset of the problem.
    public let offset: Int
    /// The 1-based line of the problem (lines end at `\n`).
    public let line: Int
    /// The 1-based column of the problem, counted in Unicode scalars from the start of the line.
    public let column: Int

    /// Creates an error. `JSONParser` computes `line` and `column` from `offset`.
    public init(message: String, offset: Int, line: Int, column: Int) {
        self.message = message
        self.offset = offset
        self.line = line
        self.column = column
    }

    /// `"line 3, column 7: duplicate key 'exp'"`.
    public var description: String { "line \(line), column \(column): \(message)" }
}

/// A strict RFC 8259 JSON parser working on UTF-8 bytes.
///
/// Rejects everything RFC 8259 does not allow — comments, trailing commas, single quotes, `NaN`, leading zeros,
/// unescaped control characters, invalid escapes, lone surrogates, invalid UTF-8, trailing data, a byte order
/// mark — and additionally rejects duplicate object keys (so a token with two `exp` claims cannot be read two
/// ways). Keys are compared as Swift `String`s, i.e. by canonical equivalence (`"é"` and `"e\u0301"` clash).
/// Duplicates are detected when the object closes and reported at the second occurrence of the key.
///
/// The parser is iterative: nesting depth costs heap, not stack, and the depth limit is checked before each
/// container is opened, so hostile input fails fast without recursion.
public enum JSONParser {
    /// Parses one JSON document from UTF-8 bytes.
    public static func parse(_ bytes: [UInt8], limits: JSONLimits = .default) throws(JSONParseError) -> JSONValue {
        try run(bytes, limits: limits, trackLines: false).value
    }

    /// Parses one JSON document from a string (its UTF-8 encoding).
    public static func parse(_ text: String, limits: JSONLimits = .default) throws(JSONParseError) -> JSONValue {
        try run(text.utf8, limits: limits, trackLines: false).value
    }

    /// Like `parse`, but also returns the 1-based line on which each value starts, keyed by JSON Pointer
    /// (RFC 6901) path: `""` for the root, `"/requirements/2/kind"` etc. Used by the rule linter to report file:line.
    public static func parseWithLines(
        _ bytes: [UInt8], limits: JSONLimits = .default
    ) throws(JSONParseError) -> (value: JSONValue, lines: [String: Int]) {
        try run(bytes, limits: limits, trackLines: true)
    }

    private static func run<C: Collection<UInt8>>(
        _ bytes: C, limits: JSONLimits, trackLines: Bool
    ) throws(JSONParseError) -> (value: JSONValue, lines: [String: Int]) {
        let count = bytes.count
        if count > limits.maxBytes {
            throw JSONParseError(
                message: "input is \(count) bytes, more than the limit of \(limits.maxBytes) bytes",
                offset: 0, line: 1, column: 1)
        }
        let result = bytes.withContiguousStorageIfAvailable { buffer in
            parseBuffer(buffer, limits: limits, trackLines: trackLines)
        } ?? Array(bytes).withUnsafeBufferPointer { buffer in
            parseBuffer(buffer, limits: limits, trackLines: trackLines)
        }
        switch result {
        case .success(let pair): return (value: pair.0, lines: pair.1)
        case .failure(let error): throw error
        }
    }

    private static func parseBuffer(
        _ buffer: UnsafeBufferPointer<UInt8>, limits: JSONLimits, trackLines: Bool
    ) -> Result<(JSONValue, [String: Int]), JSONParseError> {
        var parser = ByteParser(buffer, maxDepth: limits.maxDepth, trackLines: trackLines)
        do throws(ParseFailure) {
            let value = try parser.parseDocument()
            return .success((value, parser.lines))
        } catch {
            return .failure(error.located(in: buffer))
        }
    }
}

/// A parse failure before line and column are known.
private struct ParseFailure: Error {
    let message: String
    let offset: Int

    init(_ message: String, at offset: Int) {
        self.message = message
        self.offset = offset
    }

    /// Computes line and column (only on failure, so the happy path never counts them).
    func located(in buffer: UnsafeBufferPointer<UInt8>) -> JSONParseError {
        let limit = min(max(offset, 0), buffer.count)
        var line = 1
        var column = 1
        for i in 0..<limit {
            let b = buffer[i]
            if b == ASCII.newline {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
        }
        return JSONParseError(message: message, offset: offset, line: line, column: column)
    }
}

private enum ASCII {
    static let newline = UInt8(ascii: "\n")
    static let quote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")
    static let comma = UInt8(ascii: ",")
    static let colon = UInt8(ascii: ":")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")
    static let zero = UInt8(ascii: "0")
    static let nine = UInt8(ascii: "9")
    static let minus = UInt8(ascii: "-")
    static let plus = UInt8(ascii: "+")
    static let dot = UInt8(ascii: ".")
}

/// The parser state over one contiguous buffer. Every read is guarded by an explicit `pos < end` check.
private struct ByteParser {
    let buf: UnsafeBufferPointer<UInt8>
    let end: Int
    let maxDepth: Int
    let trackLines: Bool
    var pos = 0
    var line = 1
    var lines: [String: Int] = [:]
    /// Reused buffer for strings that contain escapes.
    var scratch: [UInt8] = []

    init(_ buf: UnsafeBufferPointer<UInt8>, maxDepth: Int, trackLines: Bool) {
        self.buf = buf
        self.end = buf.count
        self.maxDepth = maxDepth
        self.trackLines = trackLines
    }

    // MARK: Document structure

    /// An open array or object on the explicit stack. `start` indexes the flat element or member stacks.
    struct Frame {
        let isObject: Bool
        let start: Int
    }

    mutating func parseDocument() throws(ParseFailure) -> JSONValue {
        if end >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF {
            throw ParseFailure("byte order mark before JSON", at: 0)
        }
        if end >= 2 && ((buf[0] == 0xFE && buf[1] == 0xFF) || (buf[0] == 0xFF && buf[1] == 0xFE)) {
            throw ParseFailure("UTF-16 byte order mark before JSON (JSON must be UTF-8)", at: 0)
        }

        // Explicit stack of open containers. Elements and members of all open containers live in flat stacks,
        // so each finished container is built once at its final size (no incremental dictionary growth).
        var frames: [Frame] = []
        var elements: [JSONValue] = []   // elements of open arrays
        var keys: [String] = []          // keys of open objects
        var keyOffsets: [Int] = []       // where each key starts, for duplicate-key errors
        var values: [JSONValue] = []     // values of open objects, aligned with keys (.null while pending)
        var pointers: [String] = []      // JSON Pointer of each open container (only when tracking lines)

        while true {
            // Expect the start of a value.
            skipWhitespace()
            guard pos < end else {
                throw ParseFailure(
                    frames.isEmpty ? "unexpected end of input: no JSON value" : "unexpected end of input", at: pos)
            }
            var pointer = ""
            if trackLines {
                if let top = frames.last {
                    let parent = pointers[pointers.count - 1]
                    pointer = top.isObject
                        ? parent + "/" + Self.escapePointerToken(keys[keys.count - 1])
                        : parent + "/" + String(elements.count - top.start)
                }
                lines[pointer] = line
            }

            var value: JSONValue
            switch buf[pos] {
            case ASCII.openBrace:
                guard frames.count < maxDepth else { throw depthFailure() }
                pos += 1
                skipWhitespace()
                if pos < end && buf[pos] == ASCII.closeBrace {
                    pos += 1
                    value = .object([:])
                } else {
                    frames.append(Frame(isObject: true, start: keys.count))
                    if trackLines { pointers.append(pointer) }
                    try parseKey(into: &keys, offsets: &keyOffsets)
                    values.append(.null)
                    continue
                }
            case ASCII.openBracket:
                guard frames.count < maxDepth else { throw depthFailure() }
                pos += 1
                skipWhitespace()
                if pos < end && buf[pos] == ASCII.closeBracket {
                    pos += 1
                    value = .array([])
                } else {
                    frames.append(Frame(isObject: false, start: elements.count))
                    if trackLines { pointers.append(pointer) }
                    continue
                }
            case ASCII.quote:
                value = .string(try parseString())
            case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
                value = try parseLiteral()
            case ASCII.minus, ASCII.zero...ASCII.nine:
                value = .number(try parseNumber())
            default:
                throw unexpectedValueStart()
            }

            // A value is complete: fold it into the enclosing containers, closing as many as end here.
            fold: while true {
                guard let top = frames.last else {
                    skipWhitespace()
                    if pos < end { throw ParseFailure("unexpected data after JSON value", at: pos) }
                    return value
                }
                skipWhitespace()
                if top.isObject {
                    values[values.count - 1] = value
                    guard pos < end else { throw ParseFailure("unexpected end of input", at: pos) }
                    let c = buf[pos]
                    if c == ASCII.comma {
                        pos += 1
                        skipWhitespace()
                        if pos < end && buf[pos] == ASCII.closeBrace {
                            throw ParseFailure("trailing comma before '}'", at: pos)
                        }
                        try parseKey(into: &keys, offsets: &keyOffsets)
                        values.append(.null)
                        break fold
                    } else if c == ASCII.closeBrace {
                        pos += 1
                        var members = [String: JSONValue](minimumCapacity: keys.count - top.start)
                        for i in top.start..<keys.count {
                            // Move the value out (swap in a trivial .null) to avoid a retain/release pair.
                            var member = JSONValue.null
                            swap(&member, &values[i])
                            if members.updateValue(member, forKey: keys[i]) != nil {
                                throw ParseFailure("duplicate key '\(Self.printable(keys[i]))'", at: keyOffsets[i])
                            }
                        }
                        keys.removeSubrange(top.start...)
                        keyOffsets.removeSubrange(top.start...)
                        values.removeSubrange(top.start...)
                        frames.removeLast()
                        if trackLines { pointers.removeLast() }
                        value = .object(members)
                    } else {
                        throw separatorFailure(c, "expected ',' or '}' after object member")
                    }
                } else {
                    elements.append(value)
                    guard pos < end else { throw ParseFailure("unexpected end of input", at: pos) }
                    let c = buf[pos]
                    if c == ASCII.comma {
                        pos += 1
                        skipWhitespace()
                        if pos < end && buf[pos] == ASCII.closeBracket {
                            throw ParseFailure("trailing comma before ']'", at: pos)
                        }
                        break fold
                    } else if c == ASCII.closeBracket {
                        pos += 1
                        var array: [JSONValue] = []
                        array.reserveCapacity(elements.count - top.start)
                        for i in top.start..<elements.count {
                            var element = JSONValue.null
                            swap(&element, &elements[i])
                            array.append(element)
                        }
                        elements.removeSubrange(top.start...)
                        frames.removeLast()
                        if trackLines { pointers.removeLast() }
                        value = .array(array)
                    } else {
                        throw separatorFailure(c, "expected ',' or ']' after array element")
                    }
                }
            }
        }
    }

    /// Parses `"key"` followed by `:` and pushes the key and its offset. Duplicates are found when the object closes.
    mutating func parseKey(into keys: inout [String], offsets: inout [Int]) throws(ParseFailure) {
        guard pos < end else { throw ParseFailure("unexpected end of input", at: pos) }
        let start = pos
        switch buf[pos] {
        case ASCII.quote:
            break
        case UInt8(ascii: "'"):
            throw ParseFailure("single-quoted strings are not allowed in JSON", at: pos)
        case UInt8(ascii: "/"):
            throw ParseFailure("comments are not allowed in JSON", at: pos)
        case ASCII.comma:
            throw ParseFailure("unexpected ',' (expected a string key)", at: pos)
        default:
            throw ParseFailure("object keys must be double-quoted strings", at: pos)
        }
        keys.append(try parseString())
        offsets.append(start)
        skipWhitespace()
        guard pos < end else { throw ParseFailure("unexpected end of input", at: pos) }
        guard buf[pos] == ASCII.colon else {
            throw ParseFailure("expected ':' after object key", at: pos)
        }
        pos += 1
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while pos < end {
            let b = buf[pos]
            if b == 0x20 || b == 0x09 || b == 0x0D {
                pos += 1
            } else if b == 0x0A {
                pos += 1
                line += 1
            } else {
                return
            }
        }
    }

    // MARK: Scalars

    /// Parses a string starting at the opening quote. Validates UTF-8; builds the `String` once at the end.
    mutating func parseString() throws(ParseFailure) -> String {
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
            guard pos < end else { throw ParseFailure("unterminated string", at: open) }
            let b = buf[pos]
            if b == ASCII.quote {
                let segment = UnsafeBufferPointer(rebasing: buf[segmentStart..<pos])
                pos += 1
                if !escaped { return String(decoding: segment, as: UTF8.self) }
                scratch.append(contentsOf: segment)
                return String(decoding: scratch, as: UTF8.self)
            } else if b == ASCII.backslash {
                if !escaped {
                    escaped = true
                    scratch.removeAll(keepingCapacity: true)
                }
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: buf[segmentStart..<pos]))
                try parseEscape()
                segmentStart = pos
            } else if b < 0x20 {
                throw ParseFailure(
                    "control character \(Self.scalarName(UInt32(b))) in string must be escaped", at: pos)
            } else if b < 0x80 {
                pos += 1
            } else {
                guard let length = utf8SequenceLength(at: pos) else {
                    throw ParseFailure("invalid UTF-8 in string", at: pos)
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
    mutating func parseEscape() throws(ParseFailure) {
        let start = pos
        pos += 1
        guard pos < end else { throw ParseFailure("unterminated string", at: start) }
        let c = buf[pos]
        pos += 1
        switch c {
        case ASCII.quote: scratch.append(ASCII.quote)
        case ASCII.backslash: scratch.append(ASCII.backslash)
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
                guard pos + 1 < end, buf[pos] == ASCII.backslash, buf[pos + 1] == UInt8(ascii: "u") else {
                    throw ParseFailure("lone surrogate \(Self.escapeText(unit)) in string", at: start)
                }
                let lowStart = pos
                pos += 2
                let low = try parseHex4(escapeStart: lowStart)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw ParseFailure("lone surrogate \(Self.escapeText(unit)) in string", at: start)
                }
                scalar = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(unit) {
                throw ParseFailure("lone surrogate \(Self.escapeText(unit)) in string", at: start)
            }
            appendUTF8(scalar)
        default:
            if c < 0x80 && c >= 0x20 {
                throw ParseFailure("invalid escape '\\\(Character(Unicode.Scalar(c)))' in string", at: start)
            }
            throw ParseFailure("invalid escape in string", at: start)
        }
    }

    /// Reads four hex digits at `pos` (just after `\u`).
    mutating func parseHex4(escapeStart: Int) throws(ParseFailure) -> UInt16 {
        var value: UInt16 = 0
        for _ in 0..<4 {
            guard pos < end else { throw ParseFailure("unterminated string", at: escapeStart) }
            let c = buf[pos]
            let digit: UInt8
            switch c {
            case ASCII.zero...ASCII.nine: digit = c - ASCII.zero
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = c - UInt8(ascii: "A") + 10
            default: throw ParseFailure("invalid \\u escape: expected four hex digits", at: escapeStart)
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
    mutating func parseNumber() throws(ParseFailure) -> JSONNumber {
        let start = pos
        if buf[pos] == ASCII.minus { pos += 1 }
        guard pos < end, isDigit(buf[pos]) else {
            throw ParseFailure("expected digit after '-'", at: pos)
        }
        if buf[pos] == ASCII.zero {
            pos += 1
            if pos < end && isDigit(buf[pos]) {
                throw ParseFailure("leading zeros are not allowed in numbers", at: start)
            }
        } else {
            while pos < end && isDigit(buf[pos]) { pos += 1 }
        }
        if pos < end && buf[pos] == ASCII.dot {
            pos += 1
            guard pos < end, isDigit(buf[pos]) else {
                throw ParseFailure("expected digit after decimal point", at: pos)
            }
            while pos < end && isDigit(buf[pos]) { pos += 1 }
        }
        if pos < end && (buf[pos] == UInt8(ascii: "e") || buf[pos] == UInt8(ascii: "E")) {
            pos += 1
            if pos < end && (buf[pos] == ASCII.plus || buf[pos] == ASCII.minus) { pos += 1 }
            guard pos < end, isDigit(buf[pos]) else {
                throw ParseFailure("expected digit in exponent", at: pos)
            }
            while pos < end && isDigit(buf[pos]) { pos += 1 }
        }
        return JSONNumber(String(decoding: UnsafeBufferPointer(rebasing: buf[start..<pos]), as: UTF8.self))
    }

    @inline(__always)
    func isDigit(_ b: UInt8) -> Bool { b >= ASCII.zero && b <= ASCII.nine }

    /// Parses `true`, `false` or `null`.
    mutating func parseLiteral() throws(ParseFailure) -> JSONValue {
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

    // MARK: Error helpers

    func depthFailure() -> ParseFailure {
        ParseFailure("nesting deeper than \(maxDepth) levels", at: pos)
    }

    func invalidLiteral() -> ParseFailure {
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
            return ParseFailure("invalid literal: the text is an access token (JWT), not JSON", at: pos)
        }
        let word = String(decoding: UnsafeBufferPointer(rebasing: buf[pos..<j]), as: UTF8.self)
        return ParseFailure("invalid literal '\(word)' (expected true, false, null, a number, a string, an array or an object)", at: pos)
    }

    /// Describes a byte that cannot start a value.
    func unexpectedValueStart() -> ParseFailure {
        let b = buf[pos]
        switch b {
        case UInt8(ascii: "/"):
            return ParseFailure("comments are not allowed in JSON", at: pos)
        case UInt8(ascii: "'"):
            return ParseFailure("single-quoted strings are not allowed in JSON", at: pos)
        case ASCII.plus:
            return ParseFailure("numbers must not start with '+'", at: pos)
        case ASCII.dot:
            return ParseFailure("numbers must start with a digit", at: pos)
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"):
            return invalidLiteral()
        default:
            return ParseFailure("expected a value, found \(describeByte(at: pos))", at: pos)
        }
    }

    func separatorFailure(_ c: UInt8, _ message: String) -> ParseFailure {
        if c == UInt8(ascii: "/") { return ParseFailure("comments are not allowed in JSON", at: pos) }
        return ParseFailure(message, at: pos)
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
