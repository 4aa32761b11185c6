import Foundation
import PermcheckCore

/// Where commands write. Stdout gets results and help; stderr gets errors and progress.
///
/// The one choke point for output: every byte passes `OutputSafety.clean` (tokens hidden, control characters
/// escaped) and is written with checked `write(2)` calls. A failed write ends the process (see `OutputFailure`):
/// a command never goes on working, or exits 0, after its output was lost.
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

    /// Prepares the process for checked output; call once, first. SIGPIPE is ignored so a closed pipe is an `EPIPE`
    /// error return (handled below), the same whether or not the parent ignored it. A closed standard descriptor is
    /// reserved with /dev/null opened read-only, so writes to it still fail (EBADF), a closed stdin reads as empty, and
    /// no file opened later takes its number.
    static func prepareProcess() {
        signal(SIGPIPE, SIG_IGN)
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            let reserved = open("/dev/null", O_RDONLY)
            if reserved >= 0, reserved != descriptor { dup2(reserved, descriptor); close(reserved) }
        }
    }

    /// Writes to stdout. Everything printed passes `OutputSafety`, so a token never reaches a terminal or ticket.
    func out(_ text: String) {
        Self.write(OutputSafety.clean(Array(text.utf8), keepingColor: colorEnabled), to: STDOUT_FILENO)
    }

    /// Writes bytes to stdout through `OutputSafety` (the batch writer's path).
    func out(bytes: [UInt8]) {
        Self.write(OutputSafety.clean(bytes, keepingColor: false), to: STDOUT_FILENO)
    }

    /// Writes bytes a batch worker thread already passed through `OutputSafety` (see ``SafeBytes``).
    func out(_ safe: SafeBytes) {
        Self.write(safe.bytes, to: STDOUT_FILENO)
    }

    /// Writes to stderr, through `OutputSafety` like `out`.
    func err(_ text: String) {
        Self.write(OutputSafety.clean(Array(text.utf8), keepingColor: errorColorEnabled), to: STDERR_FILENO)
    }

    /// Writes permcheck's own terminal control (the batch progress line's `\r` and erase) to stderr, unescaped.
    /// Only for text permcheck composes itself from numbers; never for data.
    func errTerminalControl(_ text: String) {
        Self.write(TokenScrubber.scrub(Array(text.utf8)), to: STDERR_FILENO)
    }

    /// Writes all of `bytes`, retrying after EINTR and partial writes; on failure, ends the process.
    static func write(_ bytes: [UInt8], to descriptor: Int32) {
        if let error = CheckedWrite.all(bytes, to: descriptor) { OutputFailure.exit(error, descriptor: descriptor) }
    }
}

/// Output bytes that passed `OutputSafety.clean` (the only way to make one), so a batch worker can clean its own
/// records in parallel and the main thread writes them unchanged: still one choke point, enforced by the type.
struct SafeBytes {
    let bytes: [UInt8]
    init(cleaning raw: [UInt8]) { bytes = OutputSafety.clean(raw, keepingColor: false) }
    private init() { bytes = [] }
    static let empty = SafeBytes()
}

/// `write(2)` until every byte is written.
enum CheckedWrite {
    /// Writes `bytes` to `descriptor`; returns the `errno` of a failed write, or nil when all bytes were written.
    static func all(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
        bytes.withUnsafeBytes { raw -> Int32? in
            var offset = 0
            while offset < raw.count {
                let written = Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                if written == 0 { return EIO }
                offset += written
            }
            return nil
        }
    }
}

/// What happens when output cannot be written.
enum OutputFailure {
    /// The exit status after `EPIPE` (the reader went away): 141, what a shell reports for a process killed by
    /// SIGPIPE (128 + 13), so `cmd | head` behaves as with any other tool. Nothing is printed.
    static let brokenPipeStatus: Int32 = 141

    /// Ends the process after a failed write: quietly with 141 on EPIPE; otherwise one `error:` line on stderr (if it
    /// can be written) and exit 2.
    static func exit(_ error: Int32, descriptor: Int32) -> Never {
        if error == EPIPE { Glibc.exit(brokenPipeStatus) }
        if descriptor != STDERR_FILENO {
            let name = descriptor == STDOUT_FILENO ? "standard output" : "descriptor \(descriptor)"
            _ = CheckedWrite.all(Array("error: cannot write to \(name): \(String(cString: strerror(error)))\n".utf8), to: STDERR_FILENO)
        }
        Glibc.exit(2)
    }
}
