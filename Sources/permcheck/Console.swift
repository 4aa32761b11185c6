import Foundation
import PermcheckCore

/// Where commands write. Stdout gets results and help; stderr gets errors and progress.
struct Console {
    /// Whether stdout is a terminal that accepts colour (not when NO_COLOR is set).
    let colorEnabled: Bool

    static func standard() -> Console {
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return Console(colorEnabled: isatty(STDOUT_FILENO) == 1 && !noColor)
    }

    /// Writes to stdout. Everything printed passes `TokenScrubber`, so a token never reaches a terminal or ticket.
    func out(_ text: String) {
        FileHandle.standardOutput.write(Data(TokenScrubber.scrub(text).utf8))
    }

    /// Writes to stderr, through `TokenScrubber` like `out`.
    func err(_ text: String) {
        FileHandle.standardError.write(Data(TokenScrubber.scrub(text).utf8))
    }
}
