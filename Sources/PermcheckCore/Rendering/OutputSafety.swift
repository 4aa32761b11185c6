/// What every byte permcheck prints passes on its way out (the CLI's `Console` calls it for stdout and stderr, in
/// every command and format): token-shaped text is hidden (`TokenScrubber`), and control characters are shown
/// escaped (`\u001b`), whatever their source — a claim, an evidence value, an argument echoed in an error message —
/// so output never clears a screen, moves the cursor or writes to the clipboard of the terminal it is shown on.
///
/// Escaped: C0 controls except newline and tab, DEL, C1 controls (U+0080–U+009F). JSON output is already escaped by
/// `JSONWriter` (which escapes the same set), so this changes no JSON or SARIF byte. With `keepingColor` (text output
/// on a colour terminal), permcheck's own colour sequences (`ESC[0m`, `ESC[1m`, `ESC[31m`…`ESC[33m`, `ESC[3Xm;1`)
/// pass; any other escape sequence is escaped like the rest.
public enum OutputSafety {
    /// `bytes` made safe to print.
    public static func clean(_ bytes: [UInt8], keepingColor: Bool) -> [UInt8] {
        escapeControls(TokenScrubber.scrub(bytes), keepingColor: keepingColor)
    }

    /// `bytes` with control characters written as `\u00XX`.
    public static func escapeControls(_ bytes: [UInt8], keepingColor: Bool = false) -> [UInt8] {
        guard bytes.contains(where: { isControlStart($0) }) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x1B, keepingColor, let length = colorSequenceLength(bytes, index) {
                out += bytes[index..<(index + length)]
                index += length
            } else if (byte < 0x20 && byte != 0x0A && byte != 0x09) || byte == 0x7F {
                append(UInt32(byte), to: &out)
                index += 1
            } else if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) {
                append(UInt32(bytes[index + 1]), to: &out)
                index += 2
            } else {
                out.append(byte)
                index += 1
            }
        }
        return out
    }

    static func isControlStart(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x0A && byte != 0x09) || byte == 0x7F || byte == 0xC2
    }

    static func append(_ scalar: UInt32, to out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        out += Array("\\u00".utf8)
        out.append(hex[Int(scalar >> 4 & 0xF)])
        out.append(hex[Int(scalar & 0xF)])
    }

    /// The colour codes permcheck's renderers use.
    static let colorCodes: Set<String> = ["0", "1", "31", "32", "33", "31;1", "32;1", "33;1"]

    /// The length of a permitted colour sequence (`ESC [ code m`) at `index`, or nil.
    static func colorSequenceLength(_ bytes: [UInt8], _ index: Int) -> Int? {
        guard index + 3 < bytes.count, bytes[index + 1] == UInt8(ascii: "[") else { return nil }
        var end = index + 2
        while end < bytes.count, end - index <= 8, bytes[end] == UInt8(ascii: ";") || (0x30...0x39).contains(bytes[end]) { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: "m"),
              colorCodes.contains(String(decoding: bytes[(index + 2)..<end], as: UTF8.self)) else { return nil }
        return end + 1 - index
    }
}
