/// Hides anything that is structurally a compact JWS/JWE in text that is about to be shown, e.g. when a token was
/// pasted where a file name, a case name or an API id was expected and a message quotes it. Applied to every byte
/// permcheck prints (see `OutputSafety`); permcheck never renders the token text on purpose.
///
/// A token is found by structure, not by a prefix: base64url segments separated by `.` (two or more segments; tokens
/// have three, encrypted ones five) whose first segment decodes to a JSON object with an `alg` or `typ` member. So a
/// header with spaces (`{ "alg"…` encodes as `eyA…`) counts, and so does a token glued to other text
/// (`access_token=eyJ…`, `x=eyJ…`, `Bearereyj…`). A token wrapped onto the next line (a newline, or a JSON `\n`
/// escape, plus indentation between two base64url characters) is found and hidden across the break.
public enum TokenScrubber {
    /// What replaces a token.
    public static let placeholder = "[token hidden]"

    /// `text` with every token replaced by `placeholder`.
    public static func scrub(_ text: String) -> String {
        let bytes = Array(text.utf8)
        let scrubbed = scrub(bytes)
        return scrubbed.count == bytes.count && scrubbed == bytes ? text : String(decoding: scrubbed, as: UTF8.self)
    }

    /// `bytes` with every token replaced by `placeholder`.
    public static func scrub(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.count >= minimumHeaderLength + 2, bytes.contains(UInt8(ascii: ".")) else { return bytes }
        var hidden: [Range<Int>] = []
        var index = 0
        while index < bytes.count {
            guard isRunByte(bytes[index]) else { index += 1; continue }
            let run = extent(of: bytes, from: index)
            if run.hasDot, run.end - index >= minimumHeaderLength + 2, let range = token(in: bytes, from: index, to: run.end) {
                hidden.append(range)
            }
            index = run.end
        }
        guard !hidden.isEmpty else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var copied = 0
        for range in hidden {
            out += bytes[copied..<range.lowerBound]
            out += placeholder.utf8
            copied = range.upperBound
        }
        out += bytes[copied...]
        return out
    }

    /// The shortest header segment considered: `{"alg":"x"}` is 11 bytes, 15 characters.
    static let minimumHeaderLength = 15

    static func isRunByte(_ byte: UInt8) -> Bool {
        isBase64URL(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "=")
    }

    static func isBase64URL(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "_"):
            return true
        default:
            return false
        }
    }

    /// Where the run starting at `start` ends, continuing across line-break gaps, and whether it contains a `.`.
    static func extent(of bytes: [UInt8], from start: Int) -> (end: Int, hasDot: Bool) {
        var end = start, hasDot = false
        while end < bytes.count {
            if isRunByte(bytes[end]) {
                if bytes[end] == UInt8(ascii: ".") { hasDot = true }
                end += 1
            } else if let next = gapEnd(bytes, end) {
                end = next
            } else {
                break
            }
        }
        return (end, hasDot)
    }

    /// If a line-break gap starts at `index` (spaces or tabs, one `\n`/`\r\n` or its JSON escape, spaces or tabs)
    /// and a run byte follows it, the index of that byte.
    static func gapEnd(_ bytes: [UInt8], _ index: Int) -> Int? {
        // A gap starts with a blank, a break or a backslash; anything else (most bytes after a word: quotes, commas,
        // colons) ends the run at once. Written without nested functions: they captured `position` in a box whose
        // every access was checked for exclusivity, a third of a `--full` batch's time.
        let count = bytes.count
        guard index < count else { return nil }
        switch bytes[index] {
        case 0x20, 0x09, 0x0D, 0x0A, UInt8(ascii: "\\"): break
        default: return nil
        }
        var position = index
        while position < count, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
        let breakStart = position
        // `\r` or its JSON escape, then `\n` or its escape; blanks without a break are no gap.
        if position < count, bytes[position] == 0x0D {
            position += 1
        } else if position + 1 < count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "r") {
            position += 2
        }
        if position < count, bytes[position] == 0x0A {
            position += 1
        } else if position + 1 < count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "n") {
            position += 2
        } else if position == breakStart {
            return nil
        }
        while position < count, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
        // An escaped break is followed by a letter that is itself base64url; a real gap must reach a run byte.
        guard position < count, isRunByte(bytes[position]) else { return nil }
        return position
    }

    /// The range (in `bytes`) of a token inside the run `start..<end`: from the first character of its header to the
    /// end of the run.
    static func token(in bytes: [UInt8], from start: Int, to end: Int) -> Range<Int>? {
        // A run without line-break gaps (every word of ordinary output) is searched in place, without copies.
        if bytes[start..<end].allSatisfy(isRunByte) { return headerStart(in: bytes[start..<end]).map { $0..<end } }
        // The run without its line-break gaps, and each compact byte's offset in `bytes`.
        var compact: [UInt8] = [], offsets: [Int] = []
        compact.reserveCapacity(end - start)
        offsets.reserveCapacity(end - start)
        var index = start
        while index < end {
            if isRunByte(bytes[index]) {
                compact.append(bytes[index])
                offsets.append(index)
                index += 1
            } else {
                index = gapEnd(bytes, index) ?? (index + 1)
            }
        }
        return headerStart(in: compact[...]).map { offsets[$0]..<end }
    }

    /// Where the first token header in `run` (base64url characters and dots, no gaps) starts, as an index of `run`.
    static func headerStart(in run: ArraySlice<UInt8>) -> Int? {
        var segmentStart = run.startIndex
        // Full decodes are bounded: text with more header-like starts than this is hidden from the first (conservative,
        // and it keeps hostile input linear).
        var fullChecks = 0, firstCandidate: Int?
        while let dot = run[segmentStart...].firstIndex(of: UInt8(ascii: ".")) {
            if dot - segmentStart >= minimumHeaderLength {
                for position in segmentStart...(dot - minimumHeaderLength) where startsHeader(run[position])
                    && opensObject(run[position..<(position + 4)]) {
                    if firstCandidate == nil { firstCandidate = position }
                    fullChecks += 1
                    if fullChecks > 16 { return firstCandidate! }
                    if isHeader(run[position..<dot]) { return position }
                }
            }
            segmentStart = dot + 1
        }
        return nil
    }

    /// Base64url characters whose first decoded byte can be `{` or JSON whitespace (`e`: `{`; `I`: space; `C`: tab or
    /// newline; `D`: carriage return).
    static func startsHeader(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "e") || byte == UInt8(ascii: "I") || byte == UInt8(ascii: "C") || byte == UInt8(ascii: "D")
    }

    /// Whether four base64url characters decode to bytes that can open a JSON object (`{`, or whitespace first).
    static func opensObject(_ quad: ArraySlice<UInt8>) -> Bool {
        let byte: UInt8
        if quad.count == 4, let high = Base64URL.sextet(quad[quad.startIndex]),
           let low = Base64URL.sextet(quad[quad.startIndex + 1]), quad.dropFirst(2).allSatisfy(isBase64URL) {
            // Four base64url characters always decode; the first byte is made of the first two (no decode, no copy).
            byte = high << 2 | low >> 4
        } else {
            guard let first = try? Base64URL.decode(quad), let decoded = first.first else { return false }
            byte = decoded
        }
        return byte == UInt8(ascii: "{") || byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// Whether `segment` decodes to a JSON object with an `alg` or `typ` member.
    static func isHeader(_ segment: ArraySlice<UInt8>) -> Bool {
        guard segment.count <= 16 * 1024, segment.allSatisfy({ isBase64URL($0) || $0 == UInt8(ascii: "=") }) else { return false }
        guard let decoded = try? Base64URL.decode(segment),
              let value = try? JSONParser.parse(decoded, limits: JSONLimits(maxDepth: 8, maxBytes: 16 * 1024)),
              case .object(let members) = value else { return false }
        return members["alg"] != nil || members["typ"] != nil
    }
}
