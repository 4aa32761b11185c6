import Foundation
import Testing
import PermcheckCore

/// Issue 13: delegated Graph calls check both layers, the app's scope and the signed-in user's directory role.
@Suite("Delegated Graph calls: the directory-role layer")
struct DirectoryRoleCLITests {
    static let at = ["--at", "2026-11-03T09:30:00Z"]
    static let plain = "fixtures/tokens/graph-plain-user.jwt"
    static let noWids = "fixtures/tokens/graph-user-no-wids.jwt"
    static let createUser = "POST https://graph.microsoft.com/v1.0/users"

    func check(_ token: String, _ request: String, _ extra: [String] = []) throws -> CLIRunner.Result {
        try CLIRunner.run([token, "--request", request] + extra + Self.at)
    }

    @Test("a ConvertTo-Json export cut at the default depth is refused with one error line (exit 2)")
    func truncatedExportRefused() throws {
        let result = try check(Self.noWids, Self.createUser, ["--directory-roles", "fixtures/evidence/directory-roles-truncated.json"])
        #expect(result.exitCode == 2)
        #expect(result.stderr.hasPrefix("error: ") && result.stderr.contains("System.Object[]") && result.stderr.contains("-Depth 5"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test("another evidence kind's file passed as --directory-roles is refused (exit 2)")
    func otherKindRefused() throws {
        let result = try check(Self.noWids, Self.createUser, ["--directory-roles", "fixtures/evidence/case-members.json"])
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("not what --directory-roles reads; pass it as --case-members"))
    }

    @Test("assignments of another principal are matched by the token's oid: not the caller's, so unknown (exit 3)")
    func otherPrincipal() throws {
        // graph-plain-user's oid differs from the principal in the file.
        let result = try check(Self.plain, Self.createUser, ["--directory-roles", "fixtures/evidence/directory-roles-custom.json"])
        #expect(result.exitCode == 3)
        #expect(result.stdout.contains("not the caller (oid aaaa3333-3333-4333-8333-333333333333)"))
    }

    @Test("no delegated caller without a qualifying role is ALLOWED on the Entra admin surface")
    func neverAllowedWithoutRole() throws {
        let graph = "https://graph.microsoft.com/v1.0"
        for request in ["POST \(graph)/users", "DELETE \(graph)/groups/g1", "GET \(graph)/auditLogs/signIns",
                        "GET \(graph)/roleManagement/directory/roleAssignments", "GET \(graph)/identityGovernance/accessReviews/definitions",
                        "POST \(graph)/identityGovernance/entitlementManagement/assignmentRequests",
                        "GET \(graph)/identityGovernance/entitlementManagement/accessPackages", "PATCH \(graph)/users/u1",
                        "POST \(graph)/groups/g1/members/$ref", "GET \(graph)/auditLogs/directoryAudits"] {
            for token in [Self.plain, Self.noWids] {
                let result = try check(token, request)
                #expect(result.exitCode != 0, "\(request) with \(token)")
                #expect(result.stdout.contains("directory-role"), "\(request)")
            }
        }
    }

    @Test("the JSON diagnosis names the requirement id directory-role and kind directoryRole")
    func jsonContract() throws {
        let result = try check(Self.plain, Self.createUser, ["--format", "json"])
        let value = try JSONParser.parse(result.stdout)
        let findings = value["findings"]?.arrayValue ?? []
        let role = try #require(findings.first { $0["requirement"]?.stringValue == "directory-role" || $0["id"]?.stringValue == "directory-role" })
        #expect(role["kind"]?.stringValue == "directoryRole")
        #expect(role["outcome"]?.stringValue == "unmet")
    }

    @Test("can --list marks operations that need a role the token does not show; User Administrator in wids clears POST /users")
    func canListMarks() throws {
        // can --list lists what the permissions allow and takes no --at.
        let plain = try CLIRunner.run(["can", Self.plain, "--list", "--grep", "POST /users"])
        let line = try #require(plain.stdout.split(separator: "\n").first { $0.contains("POST") && $0.hasSuffix("") && $0.contains(" /users ") })
        #expect(line.contains("⚠ needs directory role User Administrator"))
        let admin = try CLIRunner.run(["can", "fixtures/tokens/graph-user-admin.jwt", "--list", "--grep", "POST /users"])
        let adminLine = try #require(admin.stdout.split(separator: "\n").first { $0.contains("POST") && $0.contains(" /users ") })
        #expect(!adminLine.contains("⚠"))
        let json = try JSONParser.parse(try CLIRunner.run(["can", Self.plain, "--list", "--grep", "GET /me/messages", "--format", "json"]).stdout)
        let me = try #require(json["operations"]?.arrayValue?.first { $0["path"]?.stringValue == "/me/messages" && $0["method"]?.stringValue == "GET" })
        #expect(me["directoryRole"]?.isNull == true)
    }

    @Test("permissions NAME --for shows the scope and the directory roles of the operation")
    func permissionsFor() throws {
        let result = try CLIRunner.run(["permissions", "User.ReadWrite.All", "--for", Self.createUser])
        #expect(result.exitCode == 0)
        #expect(result.stdout.contains("directory role                 roles (inferred): User Administrator"))
        #expect(result.stdout.contains("microsoft.directory/users/create"))
        let json = try JSONParser.parse(try CLIRunner.run(["permissions", "User.ReadWrite.All", "--for", Self.createUser, "--format", "json"]).stdout)
        #expect(json["for"]?["directoryRole"]?["roles"]?.arrayValue?.first?["name"]?.stringValue == "User Administrator")
    }
}
