import Foundation
import Testing
import PermcheckCore

/// `permcheck preflight`: the fixture plan (one allowed, one denied, one indeterminate check) in every format,
/// plan errors, and token sources.
@Suite struct PreflightCommandTests {
    static let plan = "fixtures/plans/preflight.json"

    @Test(arguments: [("text", "preflight.txt"), ("json", "preflight.json"), ("github", "preflight.github.txt"),
                      ("junit", "preflight.junit.xml"), ("sarif", "preflight.sarif.json")])
    func theFixturePlanMatchesItsGoldenOutputInEveryFormatAndExitsDenied(format: String, golden: String) throws {
        let result = try CLIRunner.run(["preflight", Self.plan, "--format", format])
        #expect(result.exitCode == 1, "stderr: \(result.stderr)")
        #expect(result.stderr.isEmpty)
        try Golden.check(result.stdout, name: golden)
    }

    @Test func githubFormatAnnotatesEachVerdictWithTheMatchingCommand() throws {
        let lines = try CLIRunner.run(["preflight", Self.plan, "--format", "github"]).stdout.split(separator: "\n")
        #expect(lines.map { $0.prefix(while: { $0 != " " }) } == ["::notice", "::error", "::warning"])
        #expect(lines.allSatisfy { $0.contains("file=\(Self.plan)") })
    }

    @Test func sarifFormatHasOneResultPerFailingRequirementWithApiSlashRequirementIds() throws {
        let output = try CLIRunner.run(["preflight", Self.plan, "--format", "sarif"]).stdout
        let run = try #require(JSONParser.parse(output)["runs"]?.arrayValue?.first)
        let results = run["results"]?.arrayValue ?? []
        #expect(results.compactMap { $0["ruleId"]?.stringValue } == [
            "ediscovery.export-download/proxy-audience", "ediscovery.export-download/download-scope",
            "ediscovery.export-download/case-membership",
        ])
        #expect(results.compactMap { $0["level"]?.stringValue } == ["error", "error", "warning"])
        let rules = run["tool"]?["driver"]?["rules"]?.arrayValue ?? []
        #expect(rules.count == 3)
        #expect(rules.allSatisfy { $0["helpUri"]?.stringValue?.hasPrefix("https://") == true && $0["help"]?["text"]?.stringValue != nil })
    }

    @Test func aPlanWhereEveryCheckIsAllowedExitsZero() throws {
        let plan = try TemporaryPlan(checks: [Self.allowedCheck])
        let result = try CLIRunner.run(["preflight", plan.path])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.hasSuffix("1 check: 1 allowed, 0 denied, 0 indeterminate\n"))
    }

    @Test func indeterminateWithoutDenialExitsThree() throws {
        var outsider = Self.allowedCheck
        outsider["token"] = ["file": .string(CLIRunner.repositoryRoot.path + "/fixtures/tokens/manager-not-member.jwt")]
        let plan = try TemporaryPlan(checks: [Self.allowedCheck, outsider])
        #expect(try CLIRunner.run(["preflight", plan.path]).exitCode == 3)
    }

    @Test func aTokenFromAnEnvironmentVariableIsEvaluatedAndNeverEchoed() throws {
        let token = try String(contentsOf: CLIRunner.repositoryRoot.appendingPathComponent("fixtures/tokens/manager-proxy.jwt"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        var check = Self.allowedCheck
        check["token"] = ["env": "PREFLIGHT_TEST_TOKEN"]
        let plan = try TemporaryPlan(checks: [check])
        for format in ["text", "json", "github", "junit", "sarif"] {
            let result = try CLIRunner.run(["preflight", plan.path, "--format", format], environment: ["PREFLIGHT_TEST_TOKEN": token])
            #expect(result.exitCode == 0, "\(format): \(result.stderr)")
            let signature = String(token.split(separator: ".").last ?? "")
            #expect(!result.stdout.contains(token) && !result.stdout.contains(signature))
        }
    }

    @Test(arguments: [
        (#"{"checks": [{"api": "export-download"}]}"#, "check 1, field 'token': missing"),
        (#"{"checks": [{"token": {"file": "a.jwt"}, "api": "x", "cases": "y"}]}"#, "check 1, field 'cases': unknown field (did you mean 'case'?)"),
        (#"{"checks": [{"token": {"file": "a.jwt"}, "api": "x"}, {"token": {"env": 3}, "api": "x"}]}"#, "check 2, field 'token': expected"),
        (#"{"checks": [{"token": {"stdin": true}, "request": "GET https://graph.microsoft.com/v1.0/no/such/thing"}]}"#, "check 1 ('check-1'), field 'request'"),
        (#"{"checks": [{"token": {"file": "missing.jwt"}, "api": "export-download"}]}"#, "check 1 ('check-1'), field 'token': Cannot read the token from token file 'missing.jwt'"),
        (#"{"checks": [{"token": {"file": "a.jwt"}, "api": "no-such-api"}]}"#, "check 1 ('check-1'), field 'api': No API rule"),
        (#"{"checks": []}"#, "field 'checks' is empty"),
        (#"{"at": "2026-11-03T09:30:00", "checks": [{"token": {"file": "a.jwt"}, "api": "x"}]}"#, "field 'at': '2026-11-03T09:30:00' has no time zone; give a zone"),
        (#"[1]"#, "expected an object"),
    ])
    func aBadPlanExitsTwoWithOneLineNamingTheCheckAndField(plan text: String, expected: String) throws {
        let plan = try TemporaryPlan(text: text)
        let result = try CLIRunner.run(["preflight", plan.path])
        #expect(result.exitCode == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("error: Plan '\(plan.path)' is invalid: "), "\(result.stderr)")
        #expect(result.stderr.contains(expected), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    static let allowedCheck: [String: JSONValue] = [
        "token": ["file": .string(CLIRunner.repositoryRoot.path + "/fixtures/tokens/manager-proxy.jwt")],
        "api": "export-download", "case": "Contoso Litigation", "at": "2026-11-03T09:30:00Z",
        "caseMembers": .string(CLIRunner.repositoryRoot.path + "/fixtures/evidence/case-members.json"),
        "roleGroups": .string(CLIRunner.repositoryRoot.path + "/fixtures/evidence/role-groups.json"),
        "headers": ["X-AllowWithAADToken: true"],
    ]
}

/// A plan file in a fresh temporary directory, removed when the value is released.
final class TemporaryPlan {
    let directory: URL
    let path: String

    init(text: String) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("permcheck-plan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("plan.json").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        try Data("not a token".utf8).write(to: directory.appendingPathComponent("a.jwt"))
    }

    convenience init(checks: [[String: JSONValue]]) throws {
        try self.init(text: JSONWriter.write(.object(["checks": .array(checks.map(JSONValue.object))]), pretty: true))
    }

    deinit { try? FileManager.default.removeItem(at: directory) }
}
