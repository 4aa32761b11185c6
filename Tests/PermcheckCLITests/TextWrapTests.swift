import Foundation
import Testing

/// Text output wraps at word boundaries to --width (or the terminal's width); piped output without --width is
/// never wrapped, so golden files and pasted tickets keep one line per line.
@Suite struct TextWrapTests {
    static let check = ["fixtures/tokens/manager-graph.jwt", "--api", "export-download", "--case", "Contoso Litigation",
                        "--case-members", "fixtures/evidence/case-members.json", "--at", "2026-11-03T09:30:00Z"]

    static func words(_ text: String) -> [Substring] { text.split(whereSeparator: { $0 == " " || $0 == "\n" }) }

    @Test(arguments: [
        check,
        ["compare", "fixtures/tokens/admin-proxy.jwt"] + check,
        ["can", "fixtures/tokens/app-graph-export.jwt", "GET https://graph.microsoft.com/v1.0/users/x/messages", "--at", "2026-11-03T09:30:00Z"],
        ["decode", "fixtures/tokens/manager-graph.jwt", "--at", "2026-11-03T09:30:00Z"],
        ["explain", "export-download"],
    ])
    func widthWrapsAtWordsAndKeepsEveryWord(arguments: [String]) throws {
        let plain = try CLIRunner.run(arguments)
        let wrapped = try CLIRunner.run(arguments + ["--width", "64"])
        #expect(wrapped.exitCode == plain.exitCode)
        #expect(plain.stdout.split(separator: "\n").contains { $0.count > 64 }, "the case wraps something")
        for line in wrapped.stdout.split(separator: "\n") where line.count > 64 {
            #expect(!line.trimmingCharacters(in: .whitespaces).contains(" "), "only a single long word may pass the width: \(line)")
        }
        #expect(Self.words(wrapped.stdout) == Self.words(plain.stdout), "wrapping only moves line breaks")
    }

    @Test func pipedOutputIsNotWrappedUnlessAsked() throws {
        let piped = try CLIRunner.run(Self.check)
        #expect(piped.stdout.split(separator: "\n").contains { $0.count > 200 })
        #expect(try CLIRunner.run(Self.check + ["--width", "0"]).stdout == piped.stdout)
        #expect(try CLIRunner.run(Self.check + ["--format", "json", "--width", "40"]).stdout == CLIRunner.run(Self.check + ["--format", "json"]).stdout)
    }

    @Test func aBadWidthIsAUsageError() throws {
        let result = try CLIRunner.run(Self.check + ["--width", "wide"])
        #expect(result.exitCode == 2)
        #expect(result.stderr == "error: --width 'wide' is not a number of columns such as 100.\n")
    }
}
