import Foundation
import PermcheckCore

/// Where commands write. Stdout gets results and help; stderr gets errors and progress.
struct Console {
    /// Whether stdout is a terminal that accepts colour (not when NO_COLOR is set).
    let colorEnabled: Bool
    /// Whether stderr is such a terminal: `error:` lines are coloured the same way.
    var errorColorEnabled = false
    /// The terminal's width when stdout is a terminal (COLUMNS, else the window size), else `nil`.
    var terminalWidth: Int? = nil

    static func standard() -> Console {
        let environment = ProcessInfo.processInfo.environment
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        let tty = isatty(STDOUT_FILENO) == 1
        return Console(colorEnabled: tty && !noColor, errorColorEnabled: isatty(STDERR_FILENO) == 1 && !noColor,
                       terminalWidth: tty ? windowWidth(environment) : nil)
    }

    /// The width help is wrapped to: the terminal's, or 100 columns when not on a terminal.
    var helpWidth: Int { terminalWidth ?? 100 }

    /// COLUMNS when it is a number, else the terminal's window size, else 80.
    static func windowWidth(_ environment: [String: String]) -> Int {
        if let text = environment["COLUMNS"], let columns = Int(text), columns > 0 { return columns }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }

    /// Writes a text report to stdout, wrapped at `width` columns when given (see ``CommonOptions/width(_:console:)``).
    func text(_ text: String, width: Int?) {
        out(width.map { TextWrap.output(text, width: $0) } ?? text)
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
