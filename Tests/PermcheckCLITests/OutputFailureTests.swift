import Foundation
import Testing

/// Runs a /bin/sh script with `$P` set to the permcheck binary, from the repository root, so tests can redirect
/// permcheck's own descriptors (`>/dev/full`, `>&-`, `2>&-`, a pipe whose reader has gone).
enum ShellRunner {
    static func run(_ script: String, environment: [String: String] = [:]) throws -> CLIRunner.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = CLIRunner.repositoryRoot
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["P"] = CLIRunner.executable.path
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIRunner.Result(stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
                                exitCode: process.terminationStatus)
    }
}

/// Output errors never crash and are never silent: /dev/full and a closed stdout give one `error:` line and exit 2,
/// a closed stderr still gives exit 2 (or the verdict when nothing had to go to stderr), a reader that went away
/// gives a quiet exit 141 whether SIGPIPE is ignored or not. Covers the main check, decode, batch and preflight.
@Suite struct OutputFailureTests {
    static let token = "fixtures/tokens/manager-graph.jwt"
    static let at = "--at 2026-11-03T09:30:00Z"

    /// Each command reads its token (or batch line) from stdin, so a test can delay it until the reader has gone.
    static let commands: [(name: String, arguments: String)] = [
        ("check", "- --api export-download \(at)"),
        ("check json", "- --api export-download --format json \(at)"),
        ("decode", "decode - \(at)"),
        ("batch", "batch --api export-download \(at)"),
        ("batch sarif", "batch --api export-download --format sarif \(at)"),
        ("preflight", "preflight \"$PLAN\""),
        ("preflight junit", "preflight \"$PLAN\" --format junit"),
    ]

    static func planDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("permcheck-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let plan = #"{"at": "2026-11-03T09:30:00Z", "checks": [{"name": "stdin token", "token": {"stdin": true}, "api": "export-download"}]}"#
        try Data(plan.utf8).write(to: directory.appendingPathComponent("plan.json"))
        return directory
    }

    static func run(_ script: String) throws -> CLIRunner.Result {
        let directory = try planDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        return try ShellRunner.run(script, environment: ["PLAN": directory.appendingPathComponent("plan.json").path])
    }

    static func expectNoCrash(_ result: CLIRunner.Result, _ name: String) {
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("crashed"), "\(name): \(result.stderr)")
        #expect(result.exitCode != 132 && result.exitCode != 134, "\(name) crashed")
    }

    @Test(arguments: commands.map(\.name))
    func aFullDiskGivesOneErrorLineAndExitTwo(_ name: String) throws {
        let arguments = Self.commands.first { $0.name == name }!.arguments
        let result = try Self.run("\"$P\" \(arguments) < \(Self.token) > /dev/full")
        Self.expectNoCrash(result, name)
        #expect(result.exitCode == 2, "\(name): exit \(result.exitCode)")
        #expect(result.stderr == "error: cannot write to standard output: No space left on device\n", "\(name): \(result.stderr)")
    }

    @Test(arguments: commands.map(\.name))
    func aClosedStdoutGivesOneErrorLineAndExitTwo(_ name: String) throws {
        let arguments = Self.commands.first { $0.name == name }!.arguments
        let result = try Self.run("\"$P\" \(arguments) < \(Self.token) >&-")
        Self.expectNoCrash(result, name)
        #expect(result.exitCode == 2, "\(name): exit \(result.exitCode)")
        #expect(result.stderr == "error: cannot write to standard output: Bad file descriptor\n", "\(name): \(result.stderr)")
    }

    @Test(arguments: commands.map(\.name))
    func aClosedStderrDoesNotChangeTheVerdictWhenNothingGoesThere(_ name: String) throws {
        let arguments = Self.commands.first { $0.name == name }!.arguments
        let result = try Self.run("\"$P\" \(arguments) < \(Self.token) 2>&-")
        Self.expectNoCrash(result, name)
        #expect(!result.stdout.isEmpty, "\(name)")
        // decode exits 0; the checks of this token without evidence are indeterminate (3) or denied (1).
        #expect([0, 1, 3].contains(result.exitCode), "\(name): exit \(result.exitCode)")
    }

    @Test func anErrorMessageToAClosedStderrStillExitsTwo() throws {
        for script in ["\"$P\" --bogus 2>&-", "\"$P\" decode /nonexistent 2>&-", "\"$P\" decode /nonexistent 2>/dev/full"] {
            let result = try Self.run(script)
            Self.expectNoCrash(result, script)
            #expect(result.exitCode == 2, "\(script): exit \(result.exitCode)")
        }
    }

    /// The reader exits at once; permcheck writes only after a delay on its stdin, so the write meets a closed pipe.
    @Test(arguments: commands.map(\.name), [true, false])
    func aReaderThatWentAwayGivesAQuietExit141(_ name: String, ignoreSigpipe: Bool) throws {
        let arguments = Self.commands.first { $0.name == name }!.arguments
        let trap = ignoreSigpipe ? "trap '' PIPE;" : ""
        let result = try Self.run("""
            \(trap) { { sleep 0.3; cat \(Self.token); } | "$P" \(arguments); echo "status $?" >&2; } | true
            """)
        Self.expectNoCrash(result, name)
        #expect(result.stderr == "status 141\n", "\(name): \(result.stderr)")
    }

    @Test func batchStopsEvaluatingWhenItsOutputFails() throws {
        // 20 000 lines: at one write per 1 MiB the first flush fails; the evaluation must not run to the end.
        let line = try String(contentsOf: CLIRunner.repositoryRoot.appendingPathComponent(Self.token), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("permcheck-batch-\(UUID().uuidString).jsonl")
        try Data(String(repeating: line + "\n", count: 20_000).utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try Self.run("\"$P\" batch --api export-download --summary \(Self.at) '\(file.path)' > /dev/full")
        #expect(result.exitCode == 2)
        #expect(result.stderr == "error: cannot write to standard output: No space left on device\n", "no summary after the failure: \(result.stderr)")
    }
}
