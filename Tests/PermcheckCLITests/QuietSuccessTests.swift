import Foundation
import Testing

/// Inputs that used to pass as a quiet success or give a misleading message: empty batch input, empty or unreadable
/// rule directories, a non-UTF-8 file name, stdin that is a directory, symbolic link loops and dangling links.
@Suite struct QuietSuccessTests {
    static func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("permcheck-quiet-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("empty"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("other"), withIntermediateDirectories: true)
        try Data("notes".utf8).write(to: directory.appendingPathComponent("other/README.txt"))
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("loop").path, withDestinationPath: "loop")
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("dangling").path, withDestinationPath: "missing")
        return directory
    }

    @Test(arguments: ["", "\n", "  \n\t\n\n"], ["json", "sarif"])
    func batchWithNoInputLinesIsAnErrorNotAllAllowed(_ input: String, format: String) throws {
        let result = try CLIRunner.run(["batch", "--api", "export-download", "--format", format], stdin: input)
        #expect(result.exitCode == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("error: ") && result.stderr.contains("no input lines"), "\(result.stderr)")
    }

    @Test(arguments: ["lint", "test"])
    func rulesOnAnEmptyDirectoryOrOneWithoutRuleFilesIsAnError(_ action: String) throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, detail) in [("empty", "it is empty"), ("other", "it has no rule files")] {
            let result = try CLIRunner.run(["rules", action, directory.appendingPathComponent(name).path])
            #expect(result.exitCode == 2, "\(name): \(result.stdout)")
            #expect(result.stderr.contains(detail), "\(name): \(result.stderr)")
            #expect(!result.stdout.contains("0 problems"))
        }
    }

    @Test func rulesOnAnUnreadableDirectoryIsAnError() throws {
        guard getuid() != 0 else { return }  // root reads any directory
        let directory = try Self.scratch()
        defer { chmod(directory.appendingPathComponent("other").path, 0o755); try? FileManager.default.removeItem(at: directory) }
        chmod(directory.appendingPathComponent("other").path, 0)
        let result = try CLIRunner.run(["rules", "lint", directory.appendingPathComponent("other").path])
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("cannot be read"), "\(result.stderr)")
    }

    @Test func symbolicLinkLoopsAndDanglingLinksGetTheirOwnMessages() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let loop = directory.appendingPathComponent("loop").path, dangling = directory.appendingPathComponent("dangling").path
        for arguments in [["decode", loop], ["fixtures/tokens/manager-graph.jwt", "--api", "export-download", "--case-members", loop], ["batch", loop]] {
            let result = try CLIRunner.run(arguments)
            #expect(result.exitCode == 2)
            #expect(result.stderr.contains("symbolic link loop"), "\(arguments): \(result.stderr)")
        }
        let result = try CLIRunner.run(["decode", dangling])
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("symbolic link to a file that does not exist"), "\(result.stderr)")
    }

    @Test func aFileNameThatIsNotUTF8IsNotReportedAsMissing() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try ShellRunner.run("""
            name="$(printf '%s/caf\\351.jwt' "$DIR")"; cp fixtures/tokens/manager-graph.jwt "$name" && "$P" decode "$name"
            """, environment: ["DIR": directory.path])
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("not valid UTF-8"), "\(result.stderr)")
    }

    @Test(arguments: [["decode", "-"], ["batch"], ["-", "--api", "export-download"]])
    func standardInputThatIsADirectoryGetsItsOwnMessage(_ arguments: [String]) throws {
        let result = try CLIRunner.run(arguments, stdinFile: URL(fileURLWithPath: "/"))
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("standard input is a directory"), "\(result.stderr)")
        #expect(!result.stderr.contains("NSCocoaErrorDomain"))
    }
}
