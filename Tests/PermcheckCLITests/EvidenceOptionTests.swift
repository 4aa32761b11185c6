import Foundation
import Testing

/// Issue 15 at the command line: what a support engineer sees with the files customers send.
@Suite struct EvidenceOptionTests {
    static let token = "fixtures/tokens/manager-proxy.jwt"
    static let base = [token, "--api", "export-download", "--case", "Contoso Litigation", "--header", "X-AllowWithAADToken: true",
                       "--role-groups", "fixtures/evidence/role-groups.json", "--at", "2026-11-03T09:30:00Z"]

    @Test(arguments: ["--case-members", "--role-groups", "--case-admins", "--purview-policies", "--collections", "--case"])
    func aSingleValueOptionGivenTwiceIsAUsageError(_ option: String) throws {
        let result = try CLIRunner.run([Self.token, "--api", "export-download", option, "a.json", option, "b.json"])
        #expect(result.exitCode == 2)
        #expect(result.stderr.hasPrefix("error: \(option) was given 2 times"), "\(result.stderr)")
    }

    @Test func aRoleGroupExportAsCaseMembersIsExitTwoNamingTheRightOption() throws {
        let result = try CLIRunner.run(Self.base + ["--case-members", "fixtures/evidence/role-groups.json"])
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("pass it as --role-groups"), "\(result.stderr)")
    }

    @Test func aTokenFileAsEvidenceIsRefusedWithoutAnyOfItsText() throws {
        for file in [Self.token, "fixtures/evidence/az-access-token.json"] {
            let result = try CLIRunner.run(Self.base + ["--case-admins", file])
            #expect(result.exitCode == 2)
            #expect(result.stderr.contains("access token") && !result.stderr.contains("eyJ") && !result.stdout.contains("eyJ"), "\(result.stderr)")
        }
    }

    @Test func aMemberFileForAnotherCaseIsIndeterminateNotAllowed() throws {
        let result = try CLIRunner.run(Self.base + ["--case-members", "fixtures/evidence/case-members-fabrikam.json", "--case-admins", "fixtures/evidence/case-admins.json"])
        #expect(result.exitCode == 3, "\(result.stdout)")
        #expect(result.stdout.contains("'Fabrikam Merger'"))
    }
}
