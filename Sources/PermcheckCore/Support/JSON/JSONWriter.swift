/// Serialises `JSONValue` to JSON text.
public enum JSONWriter {
    /// Deterministic: object keys sorted (by byte order of UTF-8), 2-space indent when pretty, no trailing newline.
    ///
    /// Compact output has no whitespace (`{"a":1,"b":["x"]}`); pretty output puts one member or element per line
    /// with `": "` after keys, and prints empty containers as `{}` and `[]`. Strings escape `"`, `\` and control
    /// characters (`\n`, `\t`, `\r`, `\b`, `\f`, otherwise `\u00XX`, also DEL and C1 controls); `/` and other non-ASCII are written as-is (UTF-8).
    /// Numbers are written as their literal `text`. Recurses once per nesting level (parsed values are bounded
    /// by `JSONLimits.maxDepth`).
    public static func write(_ value: JSONValue, pretty: Bool = false) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        emit(value, into: &out, pretty: pretty, indent: 0)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `value` (compact unless `pretty`) to `out`; the byte-level form of ``write(_:pretty:)``.
    static func emit(_ value: JSONValue, into out: inout [UInt8], pretty: Bool = false, indent: Int = 0) {
        switch value {
        case .null:
            out.append(contentsOf: "null".utf8)
        case .bool(let b):
            out.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let n):
            out.append(contentsOf: n.text.utf8)
        case .string(let s):
            emitString(s, into: &out)
        case .array(let elements):
            guard !elements.isEmpty else {
                out.append(contentsOf: "[]".utf8)
                return
            }
            out.append(UInt8(ascii: "["))
            for (i, element) in elements.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { newline(into: &out, indent: indent + 2) }
                emit(element, into: &out, pretty: pretty, indent: indent + 2)
            }
            if pretty { newline(into: &out, indent: indent) }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else {
                out.append(contentsOf: "{}".utf8)
                return
            }
            out.append(UInt8(ascii: "{"))
            let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for (i, key) in keys.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { newline(into: &out, indent: indent + 2) }
                emitString(key, into: &out)
                out.append(UInt8(ascii: ":"))
                if pretty { out.append(UInt8(ascii: " ")) }
                emit(members[key] ?? .null, into: &out, pretty: pretty, indent: indent + 2)
            }
            if pretty { newline(into: &out, indent: indent) }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func newline(into out: inout [UInt8], indent: Int) {
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
    }

    /// Appends `s` as a JSON string literal. Runs of bytes that need no escaping are copied in one go.
    static func emitString(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            var runStart = 0
            for i in 0..<bytes.count {
                let b = bytes[i]
                guard b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b == 0x7F || b == 0xC2 else { continue }
                // DEL and C1 controls (U+0080–U+009F, UTF-8 C2 80–C2 9F) are escaped too: they can drive a terminal.
                if b == 0xC2, !(i + 1 < bytes.count && (0x80...0x9F).contains(bytes[i + 1])) { continue }
                if runStart < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
                runStart = i + 1
                if b == 0xC2 {
                    out.append(contentsOf: "\\u00".utf8)
                    out.append(hexDigit(bytes[i + 1] >> 4))
                    out.append(hexDigit(bytes[i + 1] & 0xF))
                    runStart = i + 2
                    continue
                }
                let short: UInt8
                switch b {
                case UInt8(ascii: "\""): short = UInt8(ascii: "\"")
                case UInt8(ascii: "\\"): short = UInt8(ascii: "\\")
                case 0x0A: short = UInt8(ascii: "n")
                case 0x09: short = UInt8(ascii: "t")
                case 0x0D: short = UInt8(ascii: "r")
                case 0x08: short = UInt8(ascii: "b")
                case 0x0C: short = UInt8(ascii: "f")
                default:
                    out.append(contentsOf: "\\u00".utf8)
                    out.append(hexDigit(b >> 4))
                    out.append(hexDigit(b & 0xF))
                    continue
                }
                out.append(UInt8(ascii: "\\"))
                out.append(short)
            }
            if runStart < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count])) }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Appends a decimal integer without building a `String`.
    static func emitInt(_ value: Int, into out: inout [UInt8]) {
        guard value != Int.min else { out.append(contentsOf: String(value).utf8); return }
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var magnitude = abs(value)
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for index in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[index]) }
        }
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }
}
