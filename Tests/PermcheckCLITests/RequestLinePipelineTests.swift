import Foundation
import Testing
import PermcheckCore

/// Request lines (`METHOD URL`) in preflight plans and batch lines resolve like `--request`:
/// a hand-written rule when one covers the URL, else the Graph permissions catalogue.
@Suite struct RequestLinePipelineTests {
    @Test func aPlanCheckMayNameARequestInsteadOfAnAPI() throws {
        let result = try CLIRunner.run(["preflight", "fixtures/plans/requests.json", "--format", "json"])
        #expect(result.exitCode == 1)
        let checks = try #require(try JSONParser.parse(result.stdout).arrayValue)
        #expect(checks.map { $0["api"]?.stringValue } == ["graph.export-personal-data", "graph:GET /users/{id}/messages"])
        #expect(checks.map { $0["verdict"]?.stringValue } == ["allowed", "denied"])
        #expect(checks[1]["predictedStatus"]?.numberValue?.int64 == 403)
    }

    @Test func aPlanCheckWithBothApiAndRequestIsABadPlan() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("permcheck-plan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let plan = directory.appendingPathComponent("plan.json")
        try #"{"checks":[{"token":{"env":"X"},"api":"export-download","request":"GET https://graph.microsoft.com/v1.0/me"}]}"#
            .write(to: plan, atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["preflight", plan.path])
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("check 1, field 'request': give either 'api' or 'request', not both"))
    }

    @Test func aBatchLineMayNameARequest() throws {
        let token = try String(contentsOf: CLIRunner.repositoryRoot.appendingPathComponent("fixtures/tokens/app-graph-export.jwt"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let lines = [
            #"{"id":"a","token":"\#(token)","request":"POST https://graph.microsoft.com/v1.0/users/u1/exportPersonalData"}"#,
            #"{"id":"b","token":"\#(token)","request":"GET https://graph.microsoft.com/v1.0/users/u1/messages"}"#,
            #"{"id":"c","token":"\#(token)","request":"GET https://graph.microsoft.com/v1.0/nothing/like/this"}"#,
        ]
        let result = try CLIRunner.run(["batch", "--at", "2026-11-03T09:30:00Z"], stdin: lines.joined(separator: "\n") + "\n")
        let records = try result.stdout.split(separator: "\n").map { try JSONParser.parse(String($0)) }
        #expect(records.count == 3)
        #expect(records[0]["verdict"]?.stringValue == "allowed")
        #expect(records[1]["verdict"]?.stringValue == "denied")
        #expect(records[2]["error"]?.stringValue?.contains("closest") == true || records[2]["error"]?.stringValue?.contains("GET /") == true)
        #expect(result.exitCode == 2, "a line that cannot be resolved counts as malformed")
        #expect(!result.stdout.contains(token))
    }
}
