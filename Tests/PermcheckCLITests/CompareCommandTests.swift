import Foundation
import Testing

@Suite struct CompareCommandTests {
    static let evidence = ["--api", "export-download", "--case", "Contoso Litigation",
                           "--case-members", "fixtures/evidence/case-members.json",
                           "--role-groups", "fixtures/evidence/role-groups.json", "--at", "2026-11-03T09:30:00Z"]

    @Test(arguments: [
        (["compare", "fixtures/tokens/admin-proxy.jwt"] + evidence, "two tokens"),
        (["compare", "fixtures/tokens/admin-proxy.jwt", "fixtures/tokens/manager-graph.jwt", "--at", "now"], "--at 'now' is not an ISO 8601 time"),
        (["compare", "fixtures/tokens/admin-proxy.jwt", "fixtures/tokens/manager-graph.jwt"], "missing --api"),
        (["compare", "fixtures/tokens/admin-proxy.jwt", "fixtures/tokens/missing.jwt"] + evidence, "missing.jwt"),
        (["compare", "fixtures/tokens/admin-proxy.jwt", "fixtures/tokens/manager-graph.jwt", "--format", "xml"] + evidence, "unknown format 'xml'"),
        (["compare", "-", "-"] + evidence, "standard input"),
    ])
    func badInputIsOneErrorLineAndExitTwo(arguments: [String], mentions: String) throws {
        let result = try CLIRunner.run(arguments, stdin: "")
        #expect(result.exitCode == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("error: ") && result.stderr.contains(mentions), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    /// --request resolves the rule as the main check does; --request-file and --response are not compare options.
    @Test func compareTakesTheRuleFromARequestLine() throws {
        let tokens = ["compare", "fixtures/tokens/admin-proxy.jwt", "fixtures/tokens/manager-graph.jwt"]
        let byAPI = try CLIRunner.run(tokens + Self.evidence)
        let line = "GET https://westus.proxyservice.ediscovery.svc.cloud.microsoft/exports/1/download"
        let byRequest = try CLIRunner.run(tokens + ["--request", line] + Self.evidence.dropFirst(2))
        #expect(byRequest.exitCode == 1, "\(byRequest.stderr)")
        #expect(byRequest.stdout == byAPI.stdout)
        let both = try CLIRunner.run(tokens + ["--request", line] + Self.evidence)
        #expect(both.exitCode == 2 && both.stderr.contains("either --api ID or --request"))
        let response = try CLIRunner.run(tokens + Self.evidence + ["--response", "fixtures/responses/x.json"])
        #expect(response.exitCode == 2 && response.stderr.contains("unknown option '--response' for 'compare'"))
    }

    @Test func theGoodTokenCanComeFromStandardInput() throws {
        let token = try String(contentsOf: CLIRunner.repositoryRoot.appendingPathComponent("fixtures/tokens/admin-proxy.jwt"), encoding: .utf8)
        let result = try CLIRunner.run(["compare", "-", "fixtures/tokens/manager-graph.jwt"] + Self.evidence, stdin: token)
        #expect(result.exitCode == 1, "\(result.stderr)")
        #expect(result.stdout.contains("VERDICTS DIFFER"))
    }

    @Test func helpDescribesCompare() throws {
        let result = try CLIRunner.run(["compare", "--help"])
        #expect(result.exitCode == 0)
        #expect(result.stdout.contains("GOOD_TOKEN BAD_TOKEN") && result.stdout.contains("--all"))
        #expect(try CLIRunner.run(["help", "compare"]).stdout == result.stdout)
    }
}
