import Foundation
import Testing
import PermcheckCore

/// Every way permcheck prints something, in one list: add new subcommands and formats here. `{token}` is replaced
/// by how the token is passed (a file path, `-` with the token on stdin, or the token text itself).
enum OutputSurface {
    static let at = ["--at", "2026-11-03T09:30:00Z"]
    static let evidence = ["--case", "Contoso Litigation", "--case-members", "fixtures/evidence/case-members.json",
                           "--role-groups", "fixtures/evidence/role-groups.json", "--case-admins", "fixtures/evidence/case-admins.json"]

    /// Commands that read the token. Each runs with and without `--redact` where `redacts` is true.
    static let tokenCommands: [(name: String, arguments: [String], redacts: Bool)] = [
        ("check text", ["{token}", "--api", "export-download"] + evidence + at + ["--format", "text"], true),
        ("check json", ["{token}", "--api", "export-download"] + evidence + at + ["--format", "json"], true),
        ("check markdown", ["{token}", "--api", "export-download"] + evidence + at + ["--format", "markdown"], true),
        ("check with observed status and header", ["{token}", "--api", "export-download", "--status", "401",
                                                    "--header", "X-Trace: 1"] + evidence + at, true),
        ("decode text", ["decode", "{token}"] + at, true),
        ("decode json", ["decode", "{token}", "--format", "json"] + at, true),
        // Mistakes that make error messages quote an argument: the token where something else belongs.
        ("token twice", ["{token}", "{token}", "--api", "export-download"], false),
        ("token as the API id", ["{token}", "--api", "{token}"], false),
        ("token as an evidence file", ["{token}", "--api", "export-download", "--case-members", "{token}"], false),
        ("token as the case name", ["{token}", "--api", "export-download", "--case", "{token}"] + at, false),
        ("token as a header", ["{token}", "--api", "export-download", "--header", "Authorization: Bearer {token}"] + at, false),
        ("token as decode format", ["decode", "{token}", "--format", "{token}"], false),
    ]

    /// Commands that do not read a token; run with the token in the environment to show nothing picks it up.
    static let otherCommands: [[String]] = [
        ["apis"], ["explain", "export-download"], ["rules", "lint"], ["rules", "test"], ["--help"], ["help", "decode"], ["--version"],
    ]
}

/// A fixture token and how it is passed.
struct TokenCase: Sendable, CustomTestStringConvertible {
    let file: String
    let passing: String   // "file", "stdin", "literal"
    var testDescription: String { "\(file) as \(passing)" }

    static let files: [String] = {
        let directory = CLIRunner.repositoryRoot.appendingPathComponent("fixtures/tokens")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".jwt") }.sorted().map { "fixtures/tokens/" + $0 }
    }()

    static let all: [TokenCase] = files.flatMap { file in ["file", "stdin", "literal"].map { TokenCase(file: file, passing: $0) } }

    var text: String {
        let data = (try? Data(contentsOf: CLIRunner.repositoryRoot.appendingPathComponent(file))) ?? Data()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

@Suite struct SecretSafetyTests {
    /// The parts of a token that must never be printed.
    static func secrets(of token: String) -> [(String, String)] {
        let segments = token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        return [("whole token", token), ("signature", segments[2]), ("payload", segments[1])]
    }

    /// Personal values in the token and the evidence files that `--redact` must remove.
    static func personalValues(in token: String) throws -> [String] {
        let decoded = try TokenDecoder.decode(Array(token.utf8), source: "test")
        let claims = decoded.claims
        var values = [claims.tenantID, claims.objectID, claims.ipAddress, claims.email]
        for name in ["upn", "unique_name", "preferred_username"] { values.append(claims.raw[name]?.stringValue) }
        for file in ["case-members", "role-groups", "case-admins"] {
            let data = try Data(contentsOf: CLIRunner.repositoryRoot.appendingPathComponent("fixtures/evidence/\(file).json"))
            collect(try JSONParser.parse([UInt8](data)), into: &values)
        }
        return Set(values.compactMap { $0 }.filter { !$0.isEmpty && KnownIDs.shared.application($0) == nil }).sorted()
    }

    /// E-mail addresses and object ids of evidence entries.
    static func collect(_ value: JSONValue, into values: inout [String?]) {
        switch value {
        case .array(let items): for item in items { collect(item, into: &values) }
        case .object(let object):
            for (key, field) in object {
                if ["WindowsLiveID", "PrimarySmtpAddress", "ExternalDirectoryObjectId"].contains(key) { values.append(field.stringValue) }
                collect(field, into: &values)
            }
        default: break
        }
    }

    static func run(_ template: [String], _ token: TokenCase) throws -> CLIRunner.Result {
        let text = token.text
        let replacement = switch token.passing {
        case "file": token.file
        case "stdin": "-"
        default: text
        }
        // Only the first {token} is the token argument; misplaced copies are the token text.
        let first = template.firstIndex(of: "{token}")
        let arguments = template.enumerated().map { index, item in
            item.replacingOccurrences(of: "{token}", with: index == first ? replacement : text)
        }
        return try CLIRunner.run(arguments, stdin: token.passing == "stdin" ? text : nil)
    }

    @Test(arguments: TokenCase.all)
    func noOutputEverContainsTheTokenItsPayloadOrItsSignature(_ token: TokenCase) throws {
        for command in OutputSurface.tokenCommands {
            for redact in command.redacts ? [false, true] : [false] {
                let result = try Self.run(command.arguments + (redact ? ["--redact"] : []), token)
                #expect(result.exitCode != 2 || !command.redacts, "\(command.name): \(result.stderr)")
                for (part, secret) in Self.secrets(of: token.text) {
                    #expect(!result.stdout.contains(secret), "\(command.name)\(redact ? " --redact" : ""): stdout shows the \(part)")
                    #expect(!result.stderr.contains(secret), "\(command.name)\(redact ? " --redact" : ""): stderr shows the \(part)")
                }
            }
        }
    }

    @Test(arguments: TokenCase.files)
    func redactedOutputHasNoUPNEmailObjectIDTenantIDOrIPAddressOfTheInput(_ file: String) throws {
        let token = TokenCase(file: file, passing: "file")
        let personal = try Self.personalValues(in: token.text)
        #expect(!personal.isEmpty)
        for command in OutputSurface.tokenCommands where command.redacts {
            let result = try Self.run(command.arguments + ["--redact"], token)
            for value in personal {
                #expect(!result.stdout.localizedCaseInsensitiveContains(value), "\(command.name) --redact shows '\(value)'")
                #expect(!result.stderr.localizedCaseInsensitiveContains(value), "\(command.name) --redact shows '\(value)' on stderr")
            }
        }
    }

    @Test(arguments: OutputSurface.otherCommands)
    func commandsWithoutATokenNeverPickOneUpFromTheEnvironment(_ arguments: [String]) throws {
        let token = TokenCase(file: "fixtures/tokens/manager-graph.jwt", passing: "file").text
        let result = try CLIRunner.run(arguments, environment: ["PERMCHECK_TOKEN": token, "TOKEN": token, "ACCESS_TOKEN": token])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        for (part, secret) in Self.secrets(of: token) {
            #expect(!(result.stdout + result.stderr).contains(secret), "\(arguments) shows the \(part)")
        }
    }

    @Test func theSourcesUseNoNetworkingAPI() throws {
        let sources = CLIRunner.repositoryRoot.appendingPathComponent("Sources")
        let forbidden = ["URLSession", "URLRequest", "Socket", "NWConnection", "CFStream", "FoundationNetworking",
                         "getaddrinfo", "connect("]
        let files = FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        #expect(files.count > 20)
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for name in forbidden {
                #expect(!text.contains(name), "Sources/\(file) uses \(name)")
            }
        }
    }

    @Test(arguments: ["eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJ4In0.c2ln", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJ4In0."])
    func tokenShapedTextIsHiddenWhereverItWouldBePrinted(_ text: String) {
        let scrubbed = TokenScrubber.scrub("quoted '\(text)' here")
        #expect(!scrubbed.contains("eyJhdWQiOiJ4In0"))
        #expect(scrubbed.contains("[token hidden]"))
        #expect(TokenScrubber.scrub("fixtures/tokens/manager-graph.jwt eyJohn.doe@example.com") == "fixtures/tokens/manager-graph.jwt eyJohn.doe@example.com")
    }
}
