/// Word wrapping for text shown on a terminal: lines break at spaces, continuation lines get a hanging indent, and a
/// word longer than the width (a URL, a command) stays whole rather than being cut.
enum TextWrap {
    /// `line` broken to `width` columns; continuation lines start with `hang` spaces.
    static func line(_ line: String, width: Int, hang: Int) -> String {
        guard line.count > width, width > hang + 10 else { return line }
        let indent = String(repeating: " ", count: hang)
        let leading = line.prefix { $0 == " " }
        var lines: [String] = []
        var current = String(leading)
        var currentHasWord = false
        for word in line.dropFirst(leading.count).split(separator: " ", omittingEmptySubsequences: false) {
            if currentHasWord, current.count + 1 + word.count > width {
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

    /// Each line of `text`, indented by `indent` and wrapped with a hanging indent under its own start; every line ends
    /// with a newline.
    static func paragraphs(_ text: String, width: Int, indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { (raw: Substring) -> String in
            let lead = raw.prefix { $0 == " " }.count
            return line(pad + String(raw), width: width, hang: indent + lead + (lead > 0 ? 2 : 0)) + "\n"
        }.joined()
    }

    /// Whole program output wrapped to `width`: each line's continuation is indented two more than the line.
    static func output(_ text: String, width: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { raw in
            line(String(raw), width: width, hang: raw.prefix { $0 == " " }.count + 2)
        }.joined(separator: "\n")
    }
}
