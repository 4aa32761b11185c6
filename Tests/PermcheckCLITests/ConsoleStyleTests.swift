import Foundation
import Testing

/// One console style: on a terminal every text report colours verdicts, outcome marks and `error:` the same way;
/// with NO_COLOR, or off a terminal, there is no escape sequence at all. Runs permcheck under `script(1)` for a
/// pseudo-terminal.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
struct ConsoleStyleTests {
    static let red = "\u{1B}[31;1m", green = "\u{1B}[32;1m", yellow = "\u{1B}[33;1m"
    static let token = "fixtures/tokens/manager-graph.jwt"
    static let at = ["--at", "2026-11-03T09:30:00Z"]

    /// permcheck's output on a pseudo-terminal (stdout and stderr together).
    static func onTerminal(_ arguments: [String], noColor: Bool = false, columns: Int = 200) throws -> String {
        let quoted = ([CLIRunner.executable.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", quoted.joined(separator: " "), "/dev/null"]
        process.currentDirectoryURL = CLIRunner.repositoryRoot
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = noColor ? "1" : nil
        environment["COLUMNS"] = String(columns)
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    static let denied: [(String, [String])] = [
        ("check", [token, "--api", "export-download", "--case", "Contoso Litigation", "--case-members", "fixtures/evidence/case-members.json",
                   "--role-groups", "fixtures/evidence/role-groups.json"] + at),
        ("compare", ["compare", "fixtures/tokens/admin-proxy.jwt", token, "--api", "export-download", "--case", "Contoso Litigation",
                     "--case-members", "fixtures/evidence/case-members.json", "--role-groups", "fixtures/evidence/role-groups.json"] + at),
        ("can", ["can", "fixtures/tokens/app-graph-export.jwt", "GET https://graph.microsoft.com/v1.0/users/x/messages"] + at),
        ("preflight", ["preflight", "fixtures/plans/preflight.json"]),
        ("error", ["decod", token]),
    ]

    @Test(arguments: denied)
    func badNewsIsRedAndBoldInEveryCommand(name: String, arguments: [String]) throws {
        let output = try Self.onTerminal(arguments)
        let red = name == "preflight" ? "\u{1B}[31m✗\u{1B}[0m" : Self.red
        #expect(output.contains(red), "\(name): \(output.debugDescription.prefix(300))")
        #expect(try !Self.onTerminal(arguments, noColor: true).contains("\u{1B}["), "\(name) with NO_COLOR")
        #expect(try !CLIRunner.run(arguments, environment: ["NO_COLOR": ""]).stdout.contains("\u{1B}["), "\(name) piped")
    }

    @Test func onATerminalTextWrapsToCOLUMNS() throws {
        let output = try Self.onTerminal(Self.denied[0].1, noColor: true, columns: 70)
        let lines = output.replacingOccurrences(of: "\r", with: "").split(separator: "\n")
        #expect(lines.count > 20)
        for line in lines where line.count > 70 { #expect(!line.trimmingCharacters(in: .whitespaces).contains(" "), "\(line)") }
    }

    @Test func marksAndHeadingsLookAlikeAcrossCommands() throws {
        let check = try Self.onTerminal(Self.denied[0].1)
        let can = try Self.onTerminal(Self.denied[2].1)
        let preflight = try Self.onTerminal(Self.denied[3].1)
        let unmet = "\u{1B}[31m✗\u{1B}[0m"
        #expect(check.contains(unmet) && can.contains(unmet) && preflight.contains(unmet))
        #expect(preflight.contains("\u{1B}[32m✓\u{1B}[0m") && check.contains("\u{1B}[32m✓\u{1B}[0m"))
        let decode = try Self.onTerminal(["decode", Self.token] + Self.at)
        #expect(decode.hasPrefix("\u{1B}[1mtoken sha256:"), "\(decode.prefix(80).debugDescription)")
    }
}
