import Foundation
import Testing
@testable import PermcheckCore
@testable import PermcheckGenerator

@Suite("Graph directory-role import")
struct GraphRoleImporterTests {
    func sources(observations: [String]) throws -> GraphRoleImporter.Sources {
        GraphRoleImporter.Sources(
            roles: try repository.data("rules/graph/rbac/entra-roles.json"),
            includes: [try repository.data("rules/graph/rbac/includes.json"),
                       try repository.data("rules/graph/rbac/observations/governance-includes.json")],
            observations: observations, inference: try repository.data("rules/graph/rbac/inference.json"))
    }

    func sliceText() throws -> String {
        let operations = try GraphCatalog(text: repository.text("fixtures/graph/rbac-slice/operations.tsv")).operations
        return try GraphRoleImporter.makeTableText(
            operations: operations, sources: sources(observations: [repository.text("fixtures/graph/rbac-slice/observations.jsonl")]))
    }

    func slice() throws -> GraphRoleTable { try GraphRoleTable(text: sliceText()) }

    @Test("importing the committed slice reproduces the committed expected table byte for byte, twice")
    func sliceMatchesFixture() throws {
        let path = "fixtures/graph/rbac-slice/directory-roles-slice.tsv"
        let text = try sliceText()
        #expect(text == (try repository.text(path)))
        #expect(text == (try sliceText()))
    }

    @Test("the committed table is what the committed rbac data and catalogue generate, and the embedded copy equals it")
    func committedTableIsInSync() throws {
        let rbac = "rules/graph/rbac/observations/"
        let text = try GraphRoleImporter.makeTableText(
            operations: GraphCatalog(text: repository.text("rules/graph/catalog.tsv")).operations,
            sources: sources(observations: [repository.text(rbac + "directory.jsonl"), repository.text(rbac + "governance.jsonl")]))
        #expect(text == (try repository.text("rules/graph/directory-roles.tsv")))
        #expect(GraphRoleData.text == text)
    }

    @Test("a page that states no role (POST /users) is never 'no role needed': the area's write roles, User Administrator first, with the create action")
    func noneStatedBecomesInferredRoles() throws {
        let entry = try #require(try slice().requirement(method: "POST", path: "/users"))
        #expect(entry.access == .roles)
        #expect(entry.confidence == .inferred)
        #expect(entry.roles.first?.name == "User Administrator")
        #expect(entry.actions == ["microsoft.directory/users/create"])
        #expect(entry.basis.contains("states no delegated role"))
        #expect(entry.source == "https://learn.microsoft.com/en-us/graph/api/user-post-users?view=graph-rest-1.0")
    }

    @Test("DELETE /groups/{id}: owners or roles (target-resource), the role-assignable case's role kept; never no-role")
    func deleteGroupDependsOnTarget() throws {
        let entry = try #require(try slice().requirement(method: "DELETE", path: "/groups/{id}"))
        #expect(entry.access == .targetResource)
        #expect(!entry.needsNoRole)
        #expect(entry.roles.map(\.name).starts(with: ["Groups Administrator"]))
        #expect(entry.roles.contains { $0.name == "Privileged Role Administrator" })
        #expect(entry.otherRoles == ["owner of the group"])
    }

    @Test("documented lines keep the page's roles and actions; a /$ref request line also keys the catalogue's form")
    func documentedLineAndRefAlias() throws {
        let table = try slice()
        let members = try #require(table.requirement(method: "POST", path: "/groups/{id}/members/$ref"))
        #expect(members.confidence == .documented)
        #expect(members.actions == ["microsoft.directory/groups/members/update"])
        let signIn = try #require(table.requirement(method: "GET", path: "/auditlogs/signins/{id}"))
        #expect(signIn.access == .roles && signIn.confidence == .documented)
        #expect(signIn.roles.first?.name == "Reports Reader")
    }

    @Test("/me is self, another user's mailbox or a group's conversations depend on the target, a user read is any member")
    func selfTargetAndMember() throws {
        let table = try slice()
        #expect(table.requirement(method: "GET", path: "/me/messages")?.access == .selfAccess)
        #expect(table.requirement(method: "GET", path: "/users/{id}/messages")?.access == .targetResource)
        #expect(table.requirement(method: "GET", path: "/groups/{id}/conversations")?.access == .targetResource)
        #expect(table.requirement(method: "GET", path: "/users")?.access == .anyMember)
        #expect(table.requirement(method: "GET", path: "/policies/authorizationpolicy")?.access == .unmapped)
    }

    @Test("the header counts operations per access and confidence")
    func headerCoverage() throws {
        let table = try slice()
        let counts = table.header.filter { $0.hasPrefix("coverage: ") }
            .compactMap { Int($0.split(separator: " ").last!) }.reduce(0, +)
        #expect(counts == table.count)
        #expect(table.header.contains { $0.contains("CC BY 4.0") })
    }

    @Test("permissions-gaps lines become catalogue operations with the page's permissions; $ref kept, a trailing / dropped")
    func gapOperations() throws {
        let gaps = try GraphCatalogImporter.gapOperations(jsonl: repository.text("rules/graph/rbac/observations/directory-permissions-gaps.jsonl"))
        let ref = try #require(gaps.first { $0.operation.pathTemplate == "/groups/{id}/members/$ref" })
        #expect(ref.operation.method == "POST")
        #expect(ref.operation.delegatedWork == ["GroupMember.ReadWrite.All"])
        #expect(ref.url.hasPrefix("https://learn.microsoft.com/"))
        let catalog = GraphCatalog.embedded
        let match = try #require(catalog.match(RequestTarget.parse("POST /v1.0/groups/0a1b/members/$ref")))
        #expect(match.isDirect)
        #expect(match.operation.delegatedWork == ["GroupMember.ReadWrite.All"])
    }
}
