/// The bytes the JSON parser compares against.
enum JSONByte {
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
struct JSONByteParser {
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

    mutating func parseDocument() throws(JSONParseFailure) -> JSONValue {
        if end >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF {
            throw JSONParseFailure("byte order mark before JSON", at: 0)
        }
        if end >= 2 && ((buf[0] == 0xFE && buf[1] == 0xFF) || (buf[0] == 0xFF && buf[1] == 0xFE)) {
            throw JSONParseFailure("UTF-16 byte order mark before JSON (JSON must be UTF-8)", at: 0)
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
                throw JSONParseFailure(
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
            case JSONByte.openBrace:
                guard frames.count < maxDepth else { throw depthFailure() }
                pos += 1
                skipWhitespace()
                if pos < end && buf[pos] == JSONByte.closeBrace {
                    pos += 1
                    value = .object([:])
                } else {
                    frames.append(Frame(isObject: true, start: keys.count))
                    if trackLines { pointers.append(pointer) }
                    try parseKey(into: &keys, offsets: &keyOffsets)
                    values.append(.null)
                    continue
                }
            case JSONByte.openBracket:
                guard frames.count < maxDepth else { throw depthFailure() }
                pos += 1
                skipWhitespace()
                if pos < end && buf[pos] == JSONByte.closeBracket {
                    pos += 1
                    value = .array([])
                } else {
                    frames.append(Frame(isObject: false, start: elements.count))
                    if trackLines { pointers.append(pointer) }
                    continue
                }
            case JSONByte.quote:
                value = .string(try parseString())
            case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
                value = try parseLiteral()
            case JSONByte.minus, JSONByte.zero...JSONByte.nine:
                value = .number(try parseNumber())
            default:
                throw unexpectedValueStart()
            }

            // A value is complete: fold it into the enclosing containers, closing as many as end here.
            fold: while true {
                guard let top = frames.last else {
                    skipWhitespace()
                    if pos < end { throw JSONParseFailure("unexpected data after JSON value", at: pos) }
                    return value
                }
                skipWhitespace()
                if top.isObject {
                    values[values.count - 1] = value
                    guard pos < end else { throw JSONParseFailure("unexpected end of input", at: pos) }
                    let c = buf[pos]
                    if c == JSONByte.comma {
                        pos += 1
                        skipWhitespace()
                        if pos < end && buf[pos] == JSONByte.closeBrace {
                            throw JSONParseFailure("trailing comma before '}'", at: pos)
                        }
                        try parseKey(into: &keys, offsets: &keyOffsets)
                        values.append(.null)
                        break fold
                    } else if c == JSONByte.closeBrace {
                        pos += 1
                        var members = [String: JSONValue](minimumCapacity: keys.count - top.start)
                        for i in top.start..<keys.count {
                            // Move the value out (swap in a trivial .null) to avoid a retain/release pair.
                            var member = JSONValue.null
                            swap(&member, &values[i])
                            if members.updateValue(member, forKey: keys[i]) != nil {
                                throw JSONParseFailure("duplicate key '\(Self.printable(keys[i]))'", at: keyOffsets[i])
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
                    guard pos < end else { throw JSONParseFailure("unexpected end of input", at: pos) }
                    let c = buf[pos]
                    if c == JSONByte.comma {
                        pos += 1
                        skipWhitespace()
                        if pos < end && buf[pos] == JSONByte.closeBracket {
                            throw JSONParseFailure("trailing comma before ']'", at: pos)
                        }
                        break fold
                    } else if c == JSONByte.closeBracket {
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
    mutating func parseKey(into keys: inout [String], offsets: inout [Int]) throws(JSONParseFailure) {
        guard pos < end else { throw JSONParseFailure("unexpected end of input", at: pos) }
        let start = pos
        switch buf[pos] {
        case JSONByte.quote:
            break
        case UInt8(ascii: "'"):
            throw JSONParseFailure("single-quoted strings are not allowed in JSON", at: pos)
        case UInt8(ascii: "/"):
            throw JSONParseFailure("comments are not allowed in JSON", at: pos)
        case JSONByte.comma:
            throw JSONParseFailure("unexpected ',' (expected a string key)", at: pos)
        default:
            throw JSONParseFailure("object keys must be double-quoted strings", at: pos)
        }
        keys.append(try parseString())
        offsets.append(start)
        skipWhitespace()
        guard pos < end else { throw JSONParseFailure("unexpected end of input", at: pos) }
        guard buf[pos] == JSONByte.colon else {
            throw JSONParseFailure("expected ':' after object key", at: pos)
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
}
