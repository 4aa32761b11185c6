import Foundation
import Testing
import PermcheckCore

/// Control characters from claims, evidence or arguments never reach a terminal raw: text and Markdown show them
/// as `\u001b`; JSON escapes them (and still parses to the same value).
@Suite struct TerminalControlTests {
    static let clear = "\u{1B}[2J"
    static let clipboard = "\u{1B}]52;c;SGVsbG8=\u{07}"
    static let c1 = "\u{9B}31m"

    static func token() throws -> String {
        let fixture = TokenCase(file: "fixtures/tokens/manager-graph.jwt", passing: "literal").text
        let parts = fixture.split(separator: ".")
        guard case .object(var payload) = try JSONParser.parse(Base64URL.decode(parts[1])) else { throw CocoaError(.coderInvalidValue) }
        payload["name"] = .string("Megan\(clear)Manager\u{7F}")
        payload["upn"] = .string("megan\(clipboard)@contoso-gcc.example")
        payload["scp"] = .string("eDiscovery.Read.All \(c1)x\r")
        return parts[0] + "." + Base64URL.encode(Array(JSONWriter.write(.object(payload)).utf8)) + "." + parts[2]
    }

    static func isRawControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
    }

    @Test(arguments: [["decode", "{t}"], ["decode", "{t}", "--format", "json"], ["{t}", "--api", "export-download"],
                      ["{t}", "--api", "export-download", "--format", "markdown"], ["{t}", "--api", "export-download", "--format", "json"],
                      ["can", "{t}", "GET https://graph.microsoft.com/v1.0/me"]])
    func controlCharactersInClaimsAreShownEscaped(_ template: [String]) throws {
        let token = try Self.token()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("permcheck-ctl-\(UUID().uuidString).jwt")
        try Data(token.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try CLIRunner.run(template.map { $0 == "{t}" ? file.path : $0 } + ["--at", "2026-11-03T09:30:00Z"])
        let output = result.stdout + result.stderr
        #expect(!output.unicodeScalars.contains(where: Self.isRawControl), "\(template): raw control character in \(output.debugDescription)")
        #expect(output.contains(#"\u001b"#), "\(template): \(output)")
        if template.contains("json") {
            // The JSON escapes parse back to the claim's value.
            let value = try JSONParser.parse(result.stdout)
            let upn = value["claims"]?["upn"]?["value"]?.stringValue ?? value["principal"]?["name"]?.stringValue
            #expect(upn == "megan\(Self.clipboard)@contoso-gcc.example")
        }
    }

    @Test(arguments: [["--api", "\u{1B}[2Jx", "fixtures/tokens/manager-graph.jwt"], ["decode", "\u{1B}]52;c;eA==\u{07}"],
                      ["--bogus\u{9B}2J"], ["preflight", "plan\u{7F}\u{1B}[H.json"]])
    func errorMessagesEchoArgumentsWithTheirControlCharactersEscaped(_ arguments: [String]) throws {
        let result = try CLIRunner.run(arguments)
        #expect(result.exitCode == 2)
        #expect(result.stderr.hasPrefix("error: "), "\(result.stderr)")
        #expect(!result.stderr.unicodeScalars.contains(where: Self.isRawControl), "\(result.stderr.debugDescription)")
        #expect(result.stderr.contains(#"\u00"#), "\(result.stderr)")
    }

    @Test func theEscaperKeepsNewlinesTabsTextAndPermcheckColoursOnly() {
        let text = "a\tb\nc \u{1B}[31;1mred\u{1B}[0m \u{1B}[8mhidden\u{1B}[0m é ü"
        #expect(String(decoding: OutputSafety.escapeControls(Array(text.utf8)), as: UTF8.self)
                == #"a"# + "\tb\nc " + #"\u001b[31;1mred\u001b[0m \u001b[8mhidden\u001b[0m"# + " é ü")
        #expect(String(decoding: OutputSafety.escapeControls(Array(text.utf8), keepingColor: true), as: UTF8.self)
                == "a\tb\nc \u{1B}[31;1mred\u{1B}[0m " + #"\u001b[8mhidden"# + "\u{1B}[0m é ü")
    }

    @Test func jsonEscapesDelAndC1ControlsAndParsesBackToTheSameString() throws {
        let value = "x\u{7F}\u{85}\u{9B}y\u{A0}é"
        let json = JSONWriter.write(.string(value))
        #expect(json == #""x\u007f\u0085\u009by"# + "\u{A0}é\"")
        #expect(try JSONParser.parse(json).stringValue == value)
    }
}
