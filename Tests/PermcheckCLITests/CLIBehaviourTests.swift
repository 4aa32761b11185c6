import Foundation
import Testing

@Suite struct CLIBehaviourTests {
    let seed = ["fixtures/tokens/manager-graph.jwt", "--api", "export-download", "--case", "Contoso Litigation",
                "--case-members", "fixtures/evidence/case-members.json", "--role-groups", "fixtures/evidence/role-groups.json",
                "--at", "2026-11-03T09:30:00Z"]

    @Test(arguments: [["--help"], ["-h"], ["decode", "--help"], ["apis", "--help"], ["explain", "--help"], ["rules", "--help"], ["help", "decode"]])
    func helpPrintsUsageAndExitsZero(_ arguments: [String]) throws {
        let result = try CLIRunner.run(arguments)
        #expect(result.exitCode == 0)
        #expect(result.stdout.contains("permcheck"))
        #expect(result.stderr.isEmpty)
    }

    @Test func versionPrintsTheVersion() throws {
        let result = try CLIRunner.run(["--version"])
        #expect(result.exitCode == 0)
        #expect(result.stdout.hasPrefix("permcheck "))
    }

    @Test(arguments: [
        (["fixtures/tokens/manager-graph.jwt"], "missing --api"),
        (["fixtures/tokens/manager-graph.jwt", "--api", "export-downlaod"], "Did you mean 'export-download'"),
        (["fixtures/tokens/manager-graph.jwt", "--api", "export-download", "--formt", "json"], "Did you mean '--format'"),
        (["fixtures/tokens/manager-graph.jwt", "--api", "export-download", "--format", "yaml"], "unknown format 'yaml'"),
        (["fixtures/tokens/manager-graph.jwt", "--api", "export-download", "--at", "yesterday"], "not an ISO 8601 time"),
        (["fixtures/tokens/nope.jwt", "--api", "export-download"], "no such file"),
        (["fixtures/tokens/manager-graph.jwt", "--api", "export-download", "--role-groups", "fixtures/nope.json"], "nope.json"),
        (["fixtures/tokens/manager-graph.jwt", "--api", "export-download", "--status", "abc"], "not an HTTP status"),
        (["--api", "export-download", "--token-env", "PERMCHECK_TEST_UNSET_VARIABLE"], "environment variable 'PERMCHECK_TEST_UNSET_VARIABLE'"),
        (["explain", "nothing-like-this"], "No API rule is named"),
        (["rules", "frobnicate"], "unknown rules action"),
        // A replayed time needs a time and a zone: midnight UTC would be silently hours off.
        (["fixtures/tokens/manager-graph.jwt", "--api", "export-download", "--at", "2026-11-03T09:30:00"],
         "--at '2026-11-03T09:30:00' has no time zone; give a zone: 2026-11-03T09:30:00Z (UTC) or an offset such as +01:00."),
        (["fixtures/tokens/manager-graph.jwt", "--api", "export-download", "--at", "2026-11-03"],
         "--at '2026-11-03' has no time; give a time and a zone: 2026-11-03T09:30:00Z."),
        (["fixtures/tokens/manager-graph.jwt", "--api", "export-download", "--changed-at", "2026-11-03 09:10"], "--changed-at '2026-11-03 09:10' has no time zone"),
        (["decode", "fixtures/tokens/manager-graph.jwt", "--at", "2026-11-03"], "has no time;"),
        // A filter that matches nothing says so.
        (["apis", "--family", "foo"], "no API matches --family 'foo' (families: ediscovery, graph, purview, unified-catalog)."),
        (["apis", "--grep", "no-such-thing-anywhere"], "no API matches --grep 'no-such-thing-anywhere'."),
        (["apis", "--family", "graph", "--grep", "proxyservice"], "no API matches --grep 'proxyservice' in family 'graph'."),
        // Suggestions by edit distance over the real option and command tables.
        (["fixtures/tokens/manager-graph.jwt", "--api", "export-download", "--case-member", "x"], "Did you mean '--case-members'?"),
        (["can", "fixtures/tokens/manager-graph.jwt", "--lst"], "Did you mean '--list'?"),
        (["decod", "fixtures/tokens/manager-graph.jwt"], "unknown command 'decod'; did you mean 'decode'?"),
        (["version"], "unknown command 'version'; did you mean '--version'?"),
        (["comapre", "a.jwt", "b.jwt"], "did you mean 'compare'?"),
        (["frobnicate"], "'frobnicate' is neither a command nor a token file"),
        (["help", "decod"], "no command 'decod'; did you mean 'decode'?"),
        // A first argument with a dot or slash is a token file, not a mistyped command.
        (["decod.jwt", "--api", "export-download"], "token file 'decod.jwt': no such file"),
    ])
    func usageAndInputErrorsAreOneLineAndExitTwo(_ arguments: [String], _ expected: String) throws {
        let result = try CLIRunner.run(arguments)
        #expect(result.exitCode == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("error: "))
        #expect(result.stderr.contains(expected), "stderr: \(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func theTokenCanComeFromStandardInput() throws {
        let token = try String(contentsOf: CLIRunner.repositoryRoot.appendingPathComponent("fixtures/tokens/manager-graph.jwt"), encoding: .utf8)
        var arguments = seed
        arguments[0] = "-"
        let result = try CLIRunner.run(arguments, stdin: "Bearer " + token)
        #expect(result.exitCode == 1)
        #expect(result.stdout.hasPrefix("DENIED · predicted HTTP 401"))
    }

    @Test func theTokenCanComeFromAnEnvironmentVariableInAzCliJSON() throws {
        let token = try String(contentsOf: CLIRunner.repositoryRoot.appendingPathComponent("fixtures/tokens/manager-graph.jwt"), encoding: .utf8)
        let json = #"{"accessToken": "\#(token.trimmingCharacters(in: .whitespacesAndNewlines))", "tokenType": "Bearer"}"#
        let result = try CLIRunner.run(["--token-env", "PERMCHECK_TOKEN"] + seed.dropFirst(), environment: ["PERMCHECK_TOKEN": json])
        #expect(result.exitCode == 1)
        #expect(!result.stdout.contains(token.prefix(40)))
    }

    @Test func colourIsNeverUsedWhenOutputIsNotATerminal() throws {
        let result = try CLIRunner.run(seed, environment: ["NO_COLOR": ""])
        #expect(!result.stdout.contains("\u{1B}["))
    }

    @Test func apisListsTheExportDownloadRule() throws {
        let result = try CLIRunner.run(["apis", "--grep", "download"])
        #expect(result.exitCode == 0)
        #expect(result.stdout.contains("ediscovery.export-download"))
    }

    @Test func explainShowsLeastPrivilegeForUsersAndApps() throws {
        let result = try CLIRunner.run(["explain", "export-download"])
        #expect(result.exitCode == 0)
        #expect(result.stdout.contains("user (delegated): MicrosoftPurviewEDiscovery token with delegated scope eDiscovery.Download.Read"))
        #expect(result.stdout.contains("app (app-only): MicrosoftPurviewEDiscovery token with application permission eDiscovery.Download.Read"))
        #expect(result.stdout.contains("community-reported, unverified"))
    }

    @Test func rulesLintAndTestAreCleanOnTheShippedRules() throws {
        #expect(try CLIRunner.run(["rules", "lint"]).exitCode == 0)
        #expect(try CLIRunner.run(["rules", "test", "rules"]).exitCode == 0)
    }
}

@Suite struct ReadmeExampleTests {
    @Test func theREADMEsOpeningExampleIsTheRealOutputOfTheSeedCheck() throws {
        let readme = try String(contentsOf: CLIRunner.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let marker = "    --at 2026-11-03T09:30:00Z\n"
        let start = try #require(readme.range(of: marker)).upperBound
        let end = try #require(readme.range(of: "\n```", range: start..<readme.endIndex)).lowerBound
        let shown = String(readme[start..<end]) + "\n"
        let result = try CLIRunner.run(["fixtures/tokens/manager-graph.jwt", "--api", "export-download", "--case", "Contoso Litigation",
                                        "--case-members", "fixtures/evidence/case-members.json",
                                        "--role-groups", "fixtures/evidence/role-groups.json", "--at", "2026-11-03T09:30:00Z"])
        #expect(result.stdout == shown, "README example is stale:\n\(Golden.diff(shown, result.stdout))")
    }
}
