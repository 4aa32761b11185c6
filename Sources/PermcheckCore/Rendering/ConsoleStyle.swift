/// The one console style every text report uses, so a verdict, an outcome mark, a heading or an `error:` line looks
/// the same whichever command printed it: green allowed/met, red denied/unmet/error, yellow indeterminate/unknown,
/// bold headings. Colour only when the CLI says so (a terminal, and no NO_COLOR); plain text otherwise, byte for byte.
public struct ConsoleStyle: Sendable {
    public let color: Bool

    public init(color: Bool) { self.color = color }

    public static let plain = ConsoleStyle(color: false)

    /// `text` in the ANSI SGR `code` (e.g. "31;1"), or unchanged without colour.
    public func paint(_ text: String, _ code: String) -> String {
        color && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// A headline in its verdict's colour, bold.
    public func verdict(_ text: String, _ verdict: Verdict) -> String {
        let code = switch verdict {
        case .allowed: "32;1"
        case .denied: "31;1"
        case .indeterminate: "33;1"
        }
        return paint(text, code)
    }

    /// A headline that is good news (green) or bad news (red), bold: compare's same / different verdicts.
    public func outcome(_ text: String, good: Bool) -> String { paint(text, good ? "32;1" : "31;1") }

    /// The mark of a requirement's outcome: ✓ green, ✗ red, ? yellow.
    public func mark(_ outcome: Outcome) -> String {
        let code = switch outcome {
        case .met: "32"
        case .unmet: "31"
        case .unknown: "33"
        }
        return paint(DiagnosisSummary.mark(outcome), code)
    }

    /// The mark of a verdict, as a requirement's: allowed ✓, denied ✗, indeterminate ?.
    public func mark(_ verdict: Verdict) -> String {
        let outcome: Outcome = switch verdict {
        case .allowed: .met
        case .denied: .unmet
        case .indeterminate: .unknown
        }
        return mark(outcome)
    }

    /// A section heading or summary line, bold.
    public func heading(_ text: String) -> String { paint(text, "1") }

    /// The `error:` prefix of an error line, red and bold.
    public var errorPrefix: String { paint("error:", "31;1") }
}
