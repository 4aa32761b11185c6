import Testing
@testable import PermcheckCore

@Suite("Request resolution")
struct RequestResolverTests {
    let catalog = GraphCatalog.embedded

    /// A minimal hand-written rule covering `templates` for `method`.
    static func rule(_ id: String, _ method: String, _ templates: [String]) -> APIRule {
        APIRule(id: id, aliases: [], family: "graph", title: id, summary: "", requests: [RequestPattern(method: method, urlTemplates: templates)],
                success: nil, requirements: [], notes: [], propagation: [], examples: [], file: "rules/graph/\(id).json")
    }

    let rules = try! RuleSet([
        rule("graph.export-personal-data", "POST", ["https://graph.microsoft.com/{version}/users/{userId}/exportPersonalData"]),
        rule("graph.v1-only", "GET", ["https://graph.microsoft.com/v1.0/users/{userId}/manager"]),
    ])

    @Test("a hand-written rule wins over the catalogue entry for the same operation")
    func handWrittenWins() throws {
        let resolved = try RequestResolver.resolve("POST https://graph.microsoft.com/v1.0/users/abc/exportPersonalData", rules: rules, catalog: catalog)
        #expect(resolved.source == .handWritten)
        #expect(resolved.rule.id == "graph.export-personal-data")
        #expect(resolved.catalogMatch?.operation.application.first == "User.Export.All")
    }

    @Test("/me in the request matches a hand-written /users/{id} template")
    func meMatchesUsers() throws {
        let resolved = try RequestResolver.resolve("POST https://graph.microsoft.com/beta/me/exportPersonalData", rules: rules, catalog: catalog)
        #expect(resolved.rule.id == "graph.export-personal-data")
        #expect(resolved.target.apiVersion == "beta")
    }

    @Test("a v1.0-only template does not take beta requests, which fall to the catalogue")
    func betaOnlyWhereTemplateAllows() throws {
        let v1 = try RequestResolver.resolve("GET https://graph.microsoft.com/v1.0/users/u1/manager", rules: rules, catalog: catalog)
        #expect(v1.rule.id == "graph.v1-only")
        let beta = try RequestResolver.resolve("GET https://graph.microsoft.com/beta/users/u1/manager", rules: rules, catalog: catalog)
        #expect(beta.source == .catalogue)
        #expect(beta.rule.id == "graph:GET /users/{id}/manager")
    }

    @Test("the method must match: GET on a POST-only rule goes to the catalogue")
    func methodMustMatch() throws {
        let resolved = try RequestResolver.resolve("GET https://graph.microsoft.com/v1.0/users/u1", rules: rules, catalog: catalog)
        #expect(resolved.source == .catalogue)
    }

    @Test("a national Graph host matches hand-written rules and reports its cloud", arguments: [
        ("graph.microsoft.com", Cloud.global), ("graph.microsoft.us", .gccHigh),
        ("dod-graph.microsoft.us", .dod), ("microsoftgraph.chinacloudapi.cn", .china),
    ])
    func nationalHostGivesCloud(host: String, cloud: Cloud) throws {
        let resolved = try RequestResolver.resolve("POST https://\(host)/v1.0/users/u1/exportPersonalData?x=1#f", rules: rules, catalog: catalog)
        #expect(resolved.rule.id == "graph.export-personal-data")
        #expect(resolved.target.cloud == cloud)
    }

    @Test("a path without a host is read as Microsoft Graph with no cloud")
    func pathOnly() throws {
        let resolved = try RequestResolver.resolve("GET /v1.0/me/messages", rules: rules, catalog: catalog)
        #expect(resolved.source == .catalogue)
        #expect(resolved.target.cloud == nil)
        #expect(!resolved.rule.requirements.contains { $0.id == "cloud" })
    }

    @Test("an unknown Graph path is an exit-2 error naming the three closest operations")
    func unknownPathListsClosest() {
        #expect {
            try RequestResolver.resolve("GET https://graph.microsoft.com/v1.0/users/u1/mesages", rules: rules, catalog: catalog)
        } throws: { error in
            guard let error = error as? PermcheckError, case .inputInvalid = error else { return false }
            return error.exitCode == 2 && error.message.contains("'GET /users/{id}/messages'")
                && error.message.components(separatedBy: "', '").count == 3
        }
    }

    @Test("a non-Graph host that no rule covers is an error naming rule requests")
    func unknownHost() {
        #expect(throws: PermcheckError.self) {
            try RequestResolver.resolve("GET https://example.com/anything", rules: TestSupport.builtIn, catalog: catalog)
        }
    }

    @Test("an unreadable request line is a usage error", arguments: ["", "FETCH https://graph.microsoft.com/v1.0/me", "GET"])
    func unreadableLine(line: String) {
        #expect(throws: PermcheckError.self) { try RequestResolver.resolve(line, rules: rules, catalog: catalog) }
    }
}

@Suite("Rules synthesized from the Graph catalogue")
struct GraphCatalogRuleTests {
    let catalog = GraphCatalog.embedded

    func resolve(_ line: String) throws -> ResolvedRequest {
        try RequestResolver.resolve(line, rules: try RuleSet([]), catalog: catalog)
    }

    @Test("delegated permissions become a user scope requirement and application ones an app-role requirement, least first")
    func permissionsBecomeRequirements() throws {
        let rule = try resolve("GET https://graph.microsoft.com/v1.0/users/u1/messages").rule
        let scope = try #require(rule.requirements.first { $0.id == "graph-scope" })
        let role = try #require(rule.requirements.first { $0.id == "graph-app-role" })
        #expect(scope.check == .scope(anyOf: ["Mail.ReadBasic", "Mail.ReadWrite", "Mail.Read"]))
        // A mailbox operation: the app role may also come from Exchange RBAC for Applications (resource-grants.json).
        guard case .mailboxAppRole(let anyOf, let rbacRoles) = role.check else { Issue.record("expected mailboxAppRole, got \(role.check.kind)"); return }
        #expect(anyOf == ["Mail.ReadBasic.All", "Mail.ReadWrite", "Mail.Read"])
        #expect(rbacRoles["Application Mail.Read"] == ["Mail.Read"])
        #expect(scope.appliesTo == [.user] && role.appliesTo == [.application])
        #expect(scope.status == 403 && role.status == 403)
        #expect(scope.fix.forUser.contains("delegated permission") && scope.fix.forUser.contains("consent"))
        #expect(role.fix.forApplication.contains("app role") && role.fix.forApplication.contains("admin"))
        #expect(rule.requirements.prefix(2).allSatisfy { $0.status == 401 })
    }

    @Test("the audience accepts Graph's GUID and every cloud's URI")
    func audienceForms() throws {
        let rule = try resolve("GET https://graph.microsoft.com/v1.0/me").rule
        guard case .audience(let anyOf)? = rule.requirements.first(where: { $0.id == "graph-audience" })?.check else {
            Issue.record("no audience requirement"); return
        }
        #expect(anyOf.contains("00000003-0000-0000-c000-000000000000"))
        #expect(anyOf.contains("https://microsoftgraph.chinacloudapi.cn") && anyOf.contains("https://dod-graph.microsoft.us"))
    }

    @Test("an operation with only one scheme forbids the other with a 403 requirement", arguments: [
        ("GET https://graph.microsoft.com/v1.0/app/calls/c1", PrincipalKind.application),
        ("GET https://graph.microsoft.com/v1.0/accessReviews/r1/myDecisions", .user),
    ])
    func singleScheme(line: String, allowed: PrincipalKind) throws {
        let rule = try resolve(line).rule
        let scheme = try #require(rule.requirements.first { $0.id == "supported-scheme" })
        #expect(scheme.check == .identity(allowed: [allowed], personalAccounts: true))
        #expect(scheme.status == 403)
    }

    @Test("an operation open to personal accounts has no work-or-school requirement; others have it with 401")
    func personalAccounts() throws {
        #expect(try resolve("GET /v1.0/me/messages").rule.requirements.allSatisfy { $0.id != "work-or-school-account" })
        let rule = try resolve("POST /v1.0/users/u1/exportPersonalData").rule
        #expect(rule.requirements.first { $0.id == "work-or-school-account" }?.status == 401)
    }

    @Test("the synthesized rule cites the upstream dataset and the permissions reference")
    func sources() throws {
        let rule = try resolve("GET https://graph.microsoft.com/v1.0/groups").rule
        let all = Set(rule.requirements.flatMap(\.sources))
        #expect(all.contains("https://learn.microsoft.com/en-us/graph/permissions-reference"))
        #expect(all.contains { $0.contains("microsoft-graph-devx-content") })
        // The permission-table requirements are documented; the directory-role layer says its own confidence.
        #expect(rule.requirements.filter { $0.id != "directory-role" }.allSatisfy { $0.confidence == .documented })
        let role = try #require(rule.requirements.first { $0.id == "directory-role" })
        #expect(role.confidence == .inferred && role.hint?.hasPrefix("Inferred: ") == true)
        #expect(role.sources.first?.hasPrefix("https://learn.microsoft.com/") == true)
    }
}
