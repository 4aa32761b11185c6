import Foundation
import Testing

/// `permcheck rules lint|test DIR`, `apis` and `explain` as a rule author uses them.
@Suite struct RulesCommandTests {
    @Test func lintOnADirectoryWithAMistakeExitsOneAndPrintsFileAndLine() throws {
        let result = try CLIRunner.run(["rules", "lint", "fixtures/rules-invalid/status-500"])
        #expect(result.exitCode == 1)
        #expect(result.stdout.contains("fixtures/rules-invalid/status-500/widgets-list.json:25: "))
        #expect(result.stderr.contains("1 problem"))
    }

    @Test func lintAndTestOnAValidDirectoryExitZero() throws {
        #expect(try CLIRunner.run(["rules", "lint", "fixtures/rules-invalid/valid"]).exitCode == 0)
        let test = try CLIRunner.run(["rules", "test", "fixtures/rules-invalid/valid"])
        #expect(test.exitCode == 0)
        #expect(test.stdout.contains("pass contoso.widgets-list: Token with Widgets.Read"))
    }

    @Test func rulesTestFailsOnAFailingExampleAndOnDuplicateNames() throws {
        #expect(try CLIRunner.run(["rules", "test", "fixtures/rules-invalid/failing-example"]).exitCode == 1)
        let duplicate = try CLIRunner.run(["rules", "test", "fixtures/rules-invalid/duplicate-alias"])
        #expect(duplicate.exitCode == 1)
        #expect(duplicate.stdout.contains("already used"))
    }

    @Test func theBuiltInRulesLintAndTestClean() throws {
        let lint = try CLIRunner.run(["rules", "lint"])
        #expect(lint.exitCode == 0, "\(lint.stdout)")
        #expect(try CLIRunner.run(["rules", "test"]).exitCode == 0)
    }

    @Test(arguments: [("ediscovery", "ediscovery.case-member-remove"), ("purview", "purview.datamap-write"), ("graph", "graph.export-personal-data-beta")])
    func apisFiltersByFamily(family: String, expected: String) throws {
        let result = try CLIRunner.run(["apis", "--family", family])
        #expect(result.exitCode == 0)
        let ids = result.stdout.split(separator: "\n").map { String($0.split(separator: " ").first ?? "") }
        #expect(ids.contains(expected))
        #expect(ids.allSatisfy { $0.hasPrefix(family + ".") })
    }

    @Test func apisGrepMatchesURLTemplates() throws {
        let result = try CLIRunner.run(["apis", "--grep", "users/{id}/exportPersonalData"])
        let ids = result.stdout.split(separator: "\n").map { String($0.split(separator: " ").first ?? "") }
        #expect(ids == ["graph.export-personal-data", "graph.export-personal-data-beta"])
    }

    @Test func explainShowsSuccessAndTheLeastPrivilegeForUsersAndApps() throws {
        let result = try CLIRunner.run(["explain", "export-personal-data"])
        #expect(result.exitCode == 0)
        #expect(result.stdout.contains("success: 202 Accepted"))
        #expect(result.stdout.contains("Retry-After"))
        #expect(result.stdout.contains("user (delegated): Microsoft Graph token with delegated scope User.Export.All + directory role Global Administrator (formerly Company Administrator)"))
        #expect(result.stdout.contains("app (app-only): Microsoft Graph token with application permission User.Export.All (admin-consented)"))
    }
}
