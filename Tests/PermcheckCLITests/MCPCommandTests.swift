import Foundation
import Testing
import PermcheckCore

/// `permcheck mcp` driven over its standard input like an MCP client: one session per test, ended by end of input.
@Suite struct MCPCommandTests {
    static let at = "2026-11-03T09:30:00Z"
    static let seedArguments: JSONValue = [
        "tokenFile": "fixtures/tokens/manager-graph.jwt", "api": "export-download", "case": "Contoso Litigation",
        "caseMembers": "fixtures/evidence/case-members.json", "roleGroups": "fixtures/evidence/role-groups.json", "at": .string(at),
    ]

    /// Runs a session: `initialize`, then one `tools/call` per call; returns the answers by id (1-based) and the result.
    static func session(_ calls: [(String, JSONValue)], options: [String] = [], raw: [String] = []) throws -> (answers: [Int: JSONValue], result: CLIRunner.Result) {
        var lines = [#"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"test","version":"1"}}}"#,
                     #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#]
        for (index, call) in calls.enumerated() {
            lines.append(JSONWriter.write(["jsonrpc": "2.0", "id": .number(JSONNumber(index + 1)), "method": "tools/call",
                                           "params": ["name": .string(call.0), "arguments": call.1]]))
        }
        let result = try CLIRunner.run(["mcp"] + options, stdin: (lines + raw).joined(separator: "\n") + "\n")
        var answers: [Int: JSONValue] = [:]
        for line in result.stdout.split(separator: "\n") {
            let value = try JSONParser.parse(String(line))
            answers[Int(value["id"]?.numberValue?.int64 ?? -1)] = value
        }
        return (answers, result)
    }

    @Test("the seed ticket through the check tool equals 'permcheck … --format json'")
    func seedTicket() throws {
        let (answers, result) = try Self.session([("check", Self.seedArguments)])
        #expect(result.exitCode == 0)
        let structured = try #require(answers[1]?["result"]?["structuredContent"])
        let cli = try CLIRunner.run(["fixtures/tokens/manager-graph.jwt", "--api", "export-download", "--case", "Contoso Litigation",
                                     "--case-members", "fixtures/evidence/case-members.json", "--role-groups", "fixtures/evidence/role-groups.json",
                                     "--at", Self.at, "--format", "json"])
        #expect(cli.exitCode == 1)
        #expect(structured == (try JSONParser.parse(cli.stdout)))
        #expect(structured["verdict"] == "denied")
        let findings = (structured["findings"]?.arrayValue ?? []).filter { $0["outcome"] != "met" }.compactMap { $0["requirement"]?.stringValue }
        #expect(findings == ["proxy-audience", "download-scope", "allow-aad-token-header"])
        let text = answers[1]?["result"]?["content"]?.arrayValue?.first?["text"]?.stringValue ?? ""
        #expect(text.hasPrefix("DENIED · predicted HTTP 401 · ediscovery.export-download"))
    }

    @Test("evidence inline as JSON gives the same diagnosis as the files")
    func inlineEvidence() throws {
        var arguments = Self.seedArguments.objectValue ?? [:]
        for (key, file) in [("caseMembers", "case-members"), ("roleGroups", "role-groups")] {
            arguments[key] = try JSONParser.parse(TestFile.bytes("fixtures/evidence/\(file).json"))
        }
        let (answers, _) = try Self.session([("check", Self.seedArguments), ("check", .object(arguments))])
        #expect(answers[2]?["result"]?["structuredContent"] != nil)
        // The same diagnosis; only the evidence section's file names differ (a path, or "inline JSON").
        func withoutFiles(_ value: JSONValue?) -> JSONValue? {
            guard case .object(var object)? = value, case .object(let evidence)? = object["evidence"] else { return value }
            object["evidence"] = .object(evidence.mapValues { read in
                guard case .object(var fields) = read else { return read }
                fields["file"] = nil
                return .object(fields)
            })
            return .object(object)
        }
        #expect(withoutFiles(answers[1]?["result"]?["structuredContent"]) == withoutFiles(answers[2]?["result"]?["structuredContent"]))
        #expect(answers[2]?["result"]?["structuredContent"]?["evidence"]?["caseMembers"]?["entries"] == .number(JSONNumber(3)))
    }

    @Test("a tool error is an isError result with the CLI's error line")
    func toolErrorMatchesCLI() throws {
        var arguments = Self.seedArguments.objectValue ?? [:]
        arguments["caseMembers"] = "fixtures/evidence/no-such.json"
        let (answers, _) = try Self.session([("check", .object(arguments)), ("explain", ["api": "export-downlaod"])])
        let cli = try CLIRunner.run(["fixtures/tokens/manager-graph.jwt", "--api", "export-download", "--case-members", "fixtures/evidence/no-such.json"])
        #expect(answers[1]?["result"]?["isError"] == true)
        #expect(answers[1]?["result"]?["content"]?.arrayValue?.first?["text"] == .string(cli.stderr.trimmingCharacters(in: .newlines)))
        let explain = try CLIRunner.run(["explain", "export-downlaod"])
        #expect(answers[2]?["result"]?["content"]?.arrayValue?.first?["text"] == .string(explain.stderr.trimmingCharacters(in: .newlines)))
    }

    @Test("every tool answers on the bundled fixtures")
    func everyTool() throws {
        let token = "fixtures/tokens/manager-graph.jwt"
        let (answers, result) = try Self.session([
            ("can", ["tokenFile": .string(token), "request": "GET https://graph.microsoft.com/v1.0/me", "at": .string(Self.at)]),
            ("can_list", ["tokenFile": .string(token), "grep": "/me", "limit": 3]),
            ("decode", ["tokenFile": .string(token), "at": .string(Self.at)]),
            ("explain", ["api": "export-download"]),
            ("permissions", ["name": "Mail.Read", "for": "GET https://graph.microsoft.com/v1.0/me/messages"]),
            ("triage", ["response": .string(try TestFile.text("fixtures/responses/download-401.json")), "request": .string(try TestFile.text("fixtures/requests/download.http"))]),
        ])
        #expect(result.exitCode == 0)
        for id in 1...6 { #expect(answers[id]?["result"]?["isError"] == false, "call \(id): \(answers[id].map { JSONWriter.write($0) } ?? "no answer")") }
        #expect(answers[1]?["result"]?["structuredContent"]?["verdict"] == "allowed")
        #expect(answers[2]?["result"]?["structuredContent"]?["operations"]?.arrayValue?.count == 3)
        #expect(answers[2]?["result"]?["structuredContent"]?["truncated"] == true)
        #expect(answers[3]?["result"]?["structuredContent"]?["claims"]?["upn"] != nil)
        #expect(answers[4]?["result"]?["structuredContent"]?["id"] == "ediscovery.export-download")
        #expect(answers[5]?["result"]?["structuredContent"]?["for"]?["allowedAs"] != nil)
        #expect(answers[6]?["result"]?["structuredContent"]?["diagnosis"]?["verdict"] == "denied")
    }

    @Test("--redact removes the user's name from results; without it the name is shown")
    func redact() throws {
        let upn = "megan.manager@contoso-gcc.example"
        let plain = try Self.session([("check", Self.seedArguments), ("decode", ["tokenFile": "fixtures/tokens/manager-graph.jwt"])])
        #expect(plain.result.stdout.contains(upn))
        let redacted = try Self.session([("check", Self.seedArguments), ("decode", ["tokenFile": "fixtures/tokens/manager-graph.jwt"])], options: ["--redact"])
        #expect(redacted.answers[1]?["result"]?["structuredContent"]?["verdict"] == "denied")
        #expect(!redacted.result.stdout.contains(upn))
    }

    @Test("no fixture token text leaves the server, even when a token is passed where it does not belong")
    func noTokenText() throws {
        for file in TokenCase.files {
            let text = TokenCase(file: file, passing: "literal").text
            let (_, result) = try Self.session([
                ("decode", ["token": .string(text)]),
                ("check", ["token": .string(text), "api": "export-download", "case": .string(text)]),
                ("check", ["token": .string(text), "api": .string(text)]),
                ("can", ["tokenFile": .string(text), "request": .string("GET https://graph.microsoft.com/v1.0/me?t=" + text)]),
                ("triage", ["request": .string("GET https://graph.microsoft.com/v1.0/me HTTP/1.1\nAuthorization: Bearer \(text)\n")]),
            ], raw: [#"{"jsonrpc":"2.0","id":99,"method":"tools/call","params":{"name":"decode","arguments":{"token":\#(text)}}}"#])
            for (part, secret) in SecretSafetyTests.secrets(of: text) {
                #expect(!result.stdout.contains(secret), "\(file): \(part) in stdout")
                #expect(!result.stderr.contains(secret), "\(file): \(part) in stderr")
            }
        }
    }

    @Test("an oversized message is rejected and the session goes on; end of input ends it with exit 0")
    func oversizedAndEOF() throws {
        let big = #"{"jsonrpc":"2.0","id":5,"method":"ping","params":{"pad":""# + String(repeating: "x", count: InputLimits.fileBytes) + #""}}"#
        let (answers, result) = try Self.session([], raw: [big, #"{"jsonrpc":"2.0","id":6,"method":"ping"}"#])
        #expect(result.exitCode == 0)
        #expect(answers[-1]?["error"]?["code"] == .number(JSONNumber(-32600)))
        #expect(answers[6]?["result"] == [:])
        #expect(result.stderr.hasPrefix("permcheck mcp "))
    }
}

enum TestFile {
    static func bytes(_ relative: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: CLIRunner.repositoryRoot.appendingPathComponent(relative)))
    }

    static func text(_ relative: String) throws -> String { String(decoding: try bytes(relative), as: UTF8.self) }
}
