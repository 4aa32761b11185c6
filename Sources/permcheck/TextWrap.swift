/// Word wrapping for text shown on a terminal: lines break at spaces, continuation lines get a hanging indent, and a
/// word longer than the width (a URL, a command) stays whole rather than being cut.
enum TextWrap {
    /// `line` broken to `width` columns; continuation lines start with `hang` spaces.
    static func line(_ line: String, width: Int, hang: Int) -> String {
        guard visibleCount(line) > width, width > hang + 10 else { return line }
        let indent = String(repeating: " ", count: hang)
        let leading = line.prefix { $0 == " " }
        var lines: [String] = []
        var current = String(leading)
        var currentHasWord = false
        for word in line.dropFirst(leading.count).split(separator: " ", omittingEmptySubsequences: false) {
            if currentHasWord, visibleCount(current) + 1 + visibleCount(word) > width {
                lines.append(current)
                current = indent + word
            } else {
                current += (currentHasWord ? " " : "") + word
            }
            currentHasWord = true
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }

    /// Columns `text` takes on a terminal: ANSI colour sequences (ESC [ … m) take none.
    static func visibleCount<S: StringProtocol>(_ text: S) -> Int {
        text.contains("\u{1B}") ? stripped(String(text)).count : text.count
    }

    /// Each line of `text`, indented by `indent` and wrapped with a hanging indent under its own start; every line ends
    /// with a newline.
    static func paragraphs(_ text: String, width: Int, indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { (raw: Substring) -> String in
            let lead = raw.prefix { $0 == " " }.count
            return line(pad + String(raw), width: width, hang: indent + lead + (lead > 0 ? 2 : 0)) + "\n"
        }.joined()
    }

    /// Whole program output wrapped to `width`. A continuation lines up under a line's last column (text after two
    /// spaces in its first half: `  ✗ proxy-audience  401  The token…`, `token:  sha256…`), else two in from the line.
    static func output(_ text: String, width: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { raw in
            line(String(raw), width: width, hang: hangingIndent(String(raw), width: width))
        }.joined(separator: "\n")
    }

    /// Where continuation lines of `line` start, in visible columns.
    static func hangingIndent(_ line: String, width: Int) -> Int {
        let visible = Array(stripped(line))
        let leading = visible.prefix { $0 == " " }.count
        var column = leading + 2
        var index = leading + 2
        while index < min(visible.count, width / 2) {
            if visible[index - 1] == " ", visible[index - 2] == " ", visible[index] != " " { column = index }
            index += 1
        }
        return column
    }

    /// `text` without ANSI colour sequences.
    static func stripped(_ text: String) -> String {
        guard text.contains("\u{1B}") else { return text }
        var out = ""
        var inEscape = false
        for character in text {
            if inEscape { if character == "m" { inEscape = false }; continue }
            if character == "\u{1B}" { inEscape = true; continue }
            out.append(character)
        }
        return out
    }
}
