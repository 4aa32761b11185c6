import Foundation
import Testing
import PermcheckCore

/// `permcheck batch`: per-line verdicts in input order, errors per line, exit code, summary, SARIF, jobs.
@Suite struct BatchCommandTests {
    static let evidence = ["--api", "export-download", "--case", "Contoso Litigation",
                           "--case-members", "fixtures/evidence/case-members.json", "--role-groups", "fixtures/evidence/role-groups.json",
                           "--header", "X-AllowWithAADToken: true", "--at", "2026-11-03T09:30:00Z"]

    @Test(arguments: [(["--format", "json"], "batch-tickets.jsonl"), (["--full"], "batch-tickets-full.jsonl"),
                      (["--format", "sarif"], "batch-tickets.sarif.json")])
    func theFixtureBatchMatchesItsGoldenOutput(options: [String], golden: String) throws {
        let result = try CLIRunner.run(["batch", "fixtures/batch/tickets.jsonl"] + options + Self.evidence)
        #expect(result.exitCode == 2, "two lines are malformed")
        try Golden.check(result.stdout, name: golden)
    }

    @Test func eachLineGetsOneVerdictInInputOrderAndBadLinesGetAnErrorObject() throws {
        let result = try CLIRunner.run(["batch", "fixtures/batch/tickets.jsonl"] + Self.evidence)
        let records = try result.stdout.split(separator: "\n").map { try JSONParser.parse(String($0)) }
        #expect(records.compactMap { $0["line"]?.numberValue?.int64 } == [1, 2, 3, 5, 6, 7, 8])
        #expect(records.map { $0["verdict"]?.stringValue ?? "error" } == ["denied", "allowed", "indeterminate", "error", "indeterminate", "error", "denied"])
        #expect(records[5]["id"]?.stringValue == "ticket-1004")
        #expect(records[5]["error"]?.stringValue?.contains("no-such-api") == true)
    }

    /// --request is the rule for lines that name none, like --api; a request that matches nothing fails before any line.
    @Test func aDefaultRequestAppliesToLinesWithoutAnAPI() throws {
        let token = try String(contentsOf: CLIRunner.repositoryRoot.appendingPathComponent("fixtures/tokens/manager-graph.jwt"), encoding: .utf8)
        let byAPI = try CLIRunner.run(["batch"] + Self.evidence, stdin: token)
        let line = "GET https://westus.proxyservice.ediscovery.svc.cloud.microsoft/exports/1/download"
        let byRequest = try CLIRunner.run(["batch", "--request", line] + Self.evidence.dropFirst(2), stdin: token)
        #expect(byRequest.exitCode == 1, "\(byRequest.stderr)")
        #expect(byRequest.stdout == byAPI.stdout)
        #expect(byRequest.stdout.contains("\"api\":\"ediscovery.export-download\""))
        let unknown = try CLIRunner.run(["batch", "--request", "GET https://example.com/nothing"], stdin: token)
        #expect(unknown.exitCode == 2 && unknown.stdout.isEmpty, "\(unknown.stderr)")
    }

    @Test func theBriefRecordHoldsWhatTriageNeedsAndFullKeepsTheContract() throws {
        let brief = try CLIRunner.run(["batch", "fixtures/batch/tickets.jsonl"] + Self.evidence)
        let full = try CLIRunner.run(["batch", "fixtures/batch/tickets.jsonl", "--full"] + Self.evidence)
        #expect(brief.exitCode == full.exitCode)
        let briefLines = brief.stdout.split(separator: "\n"), fullLines = full.stdout.split(separator: "\n")
        #expect(briefLines.count == fullLines.count)
        for (briefLine, fullLine) in zip(briefLines, fullLines) {
            let b = try JSONParser.parse(String(briefLine)), f = try JSONParser.parse(String(fullLine))
            if f["error"] != nil { #expect(b == f); continue }
            #expect(b.objectValue.map { Array($0.keys).sorted() } == ["api", "fix", "id", "line", "predictedStatus", "principal", "token", "unknown", "unmet", "verdict"])
            #expect(b["token"]?.objectValue.map { Array($0.keys).sorted() } == ["appId", "audience", "cloud", "expiresAt", "fingerprint", "tenantId"])
            for key in ["line", "id", "api", "verdict", "predictedStatus", "principal"] { #expect(b[key] == f[key], "\(key)") }
            for key in ["fingerprint", "audience", "appId", "tenantId", "cloud", "expiresAt"] { #expect(b["token"]?[key] == f["token"]?[key], "\(key)") }
            #expect(b["fix"] == (f["fixes"]?.arrayValue?.first ?? .null))
            let findings = f["findings"]?.arrayValue ?? []
            for outcome in ["unmet", "unknown"] {
                #expect(b[outcome]?.arrayValue == findings.filter { $0["outcome"]?.stringValue == outcome }.compactMap { $0["requirement"] })
            }
            #expect(briefLine.utf8.count < 1024 && fullLine.utf8.count > 3 * briefLine.utf8.count)
        }
    }

    @Test func fullIsForJSONLinesOnly() throws {
        let result = try CLIRunner.run(["batch", "fixtures/batch/tickets.jsonl", "--full", "--format", "sarif"] + Self.evidence)
        #expect(result.exitCode == 2)
        #expect(result.stderr.hasPrefix("error: --full applies to JSON Lines output"))
    }

    @Test func theSummaryCountsVerdictsFailingRequirementsAndAPIsOnStandardError() throws {
        let result = try CLIRunner.run(["batch", "fixtures/batch/tickets.jsonl", "--summary"] + Self.evidence)
        #expect(result.stderr.hasPrefix("7 lines: 1 allowed, 2 denied, 2 indeterminate, 2 malformed\n"))
        #expect(result.stderr.contains("\n         2  ediscovery.export-download/case-membership\n"))
        #expect(result.stderr.contains("by API:\n         5  ediscovery.export-download (1 allowed, 2 denied, 2 indeterminate)\n"))
    }

    @Test func standardInputWorksAndTheExitCodeSummarisesTheVerdicts() throws {
        let token = try String(contentsOf: CLIRunner.repositoryRoot.appendingPathComponent("fixtures/tokens/manager-proxy.jwt"), encoding: .utf8)
        let allowed = try CLIRunner.run(["batch", "-"] + Self.evidence, stdin: token)
        #expect(allowed.exitCode == 0)
        let graph = try String(contentsOf: CLIRunner.repositoryRoot.appendingPathComponent("fixtures/tokens/manager-graph.jwt"), encoding: .utf8)
        #expect(try CLIRunner.run(["batch"] + Self.evidence, stdin: token + graph).exitCode == 1)
    }

    @Test func manyLinesOnTwoThreadsKeepTheirOrderAndNeverEchoTokens() throws {
        let tokens = try ["manager-proxy", "manager-graph", "manager-not-member"].map {
            try String(contentsOf: CLIRunner.repositoryRoot.appendingPathComponent("fixtures/tokens/\($0).jwt"), encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        var input = ""
        for index in 0..<3000 {
            input += index % 997 == 500 ? "garbage\n" : "{\"id\":\(index),\"token\":\"\(tokens[index % 3])\"}\n"
        }
        // A file, not stdin: CLIRunner writes all of stdin before reading stdout, which would fill both pipes.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("permcheck-batch-\(UUID().uuidString).jsonl")
        try input.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try CLIRunner.run(["batch", file.path, "--jobs", "2"] + Self.evidence)
        #expect(result.exitCode == 2)
        let records = try result.stdout.split(separator: "\n").map { try JSONParser.parse(String($0)) }
        #expect(records.count == 3000)
        #expect(records.compactMap { $0["line"]?.numberValue?.int64 } == Array(1...3000))
        let expected = (0..<3000).map { $0 % 997 == 500 ? "error" : ["allowed", "denied", "indeterminate"][$0 % 3] }
        #expect(records.map { $0["verdict"]?.stringValue ?? "error" } == expected)
        #expect(!tokens.contains { result.stdout.contains($0.split(separator: ".")[2]) })
    }

    @Test func aBareTokenWithoutAnAPIIsAnErrorForThatLineOnly() throws {
        let token = try String(contentsOf: CLIRunner.repositoryRoot.appendingPathComponent("fixtures/tokens/manager-proxy.jwt"), encoding: .utf8)
        let result = try CLIRunner.run(["batch"], stdin: token)
        #expect(result.exitCode == 2)
        #expect(result.stdout.contains("\"error\":\"line 1 names no API: add \\\"api\\\" or \\\"request\\\" to the line, or pass --api ID or --request \\\"METHOD URL\\\"\""))
    }
}
