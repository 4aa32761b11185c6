import Testing
import PermcheckCore

@Suite("Graph catalogue matching")
struct GraphCatalogMatchingTests {
    let catalog = GraphCatalog.embedded

    func match(_ request: String) throws -> GraphCatalogMatch? {
        catalog.match(try RequestTarget.parse(request))
    }

    @Test("a positional OData key matches the {id} segment of the template")
    func positionalKeyMatches() throws {
        let found = try #require(try match("GET https://graph.microsoft.com/v1.0/users('4f3c0000-0000-4000-8000-000000000001')"))
        #expect(found.template == "/users/{id}")
        #expect(found.isDirect)
    }

    @Test("a named OData key with quotes matches the (appid={id}) template")
    func namedKeyMatches() throws {
        let found = try #require(try match(
            "POST /v1.0/servicePrincipals(appId='00000003-0000-0000-c000-000000000000')/addPassword"))
        #expect(found.template == "/serviceprincipals(appid={id})/addpassword")
        #expect(found.operation.application.first == "Application.ReadWrite.OwnedBy")
    }

    @Test("function arguments select the overload with the same parameter name", arguments: [
        ("GET /v1.0/reports/getOneDriveUsageAccountDetail(date=2026-01-01)", "/reports/getonedriveusageaccountdetail(date={id})"),
        ("GET /v1.0/reports/getOneDriveUsageAccountDetail(period='D7')", "/reports/getonedriveusageaccountdetail(period={id})"),
    ])
    func functionArgumentsMatch(request: String, template: String) throws {
        #expect(try match(request)?.template == template)
    }

    @Test("a cast written in the request matches a template that has it, directly")
    func castInBoth() throws {
        let found = try #require(try match("GET /v1.0/security/cases/ediscoveryCases/c1/operations/o1/"
            + "microsoft.graph.security.ediscoveryExportOperation/getDownloadUrl"))
        #expect(found.isDirect)
        #expect(found.operation.delegatedWork.first == "eDiscovery.Read.All")
    }

    @Test("a cast omitted from the request still matches the template that has it")
    func castOmittedFromRequest() throws {
        let found = try #require(try match("GET /v1.0/security/cases/ediscoveryCases/c1/operations/o1/getDownloadUrl"))
        #expect(found.template.contains("microsoft.graph.security.ediscoveryexportoperation"))
        #expect(found.adjustments == [.castIgnored])
    }

    @Test("a cast the template lacks is ignored")
    func castOnlyInRequest() throws {
        let found = try #require(try match("GET /v1.0/users/u1/memberOf/microsoft.graph.group"))
        #expect(found.template == "/users/{id}/memberof")
        #expect(found.adjustments == [.castIgnored])
    }

    @Test("$value, $ref and $count segments match templates that list them", arguments: [
        ("GET /v1.0/users/u1/notes/n1/attachments/a1/$value", "/users/{id}/notes/{id}/attachments/{id}/$value"),
        ("POST /beta/agentRegistry/agentCollections/c1/members/$ref", "/agentregistry/agentcollections/{id}/members/$ref"),
        ("GET /v1.0/users/u1/transitiveReports/$count", "/users/{id}/transitivereports/$count"),
    ])
    func dollarSegmentsMatchDirectly(request: String, template: String) throws {
        let found = try #require(try match(request))
        #expect(found.template == template)
        #expect(found.isDirect)
    }

    @Test("a trailing $count or $ref missing from the catalogue falls back to the collection", arguments: [
        ("GET /v1.0/groups/g1/members/$count", "/groups/{id}/members"),
        ("DELETE /v1.0/groups/g1/members/m1/$ref", "/groups/{id}/members/{id}"),
    ])
    func dollarSegmentsAreDropped(request: String, template: String) throws {
        let found = try #require(try match(request))
        #expect(found.template == template)
        #expect(found.adjustments == [.dollarSegmentDropped])
    }

    @Test("/me matches /users/{id} when only that form is in the catalogue, and says so")
    func meFallsBackToUsers() throws {
        let found = try #require(try match("DELETE /v1.0/me/appRoleAssignments/a1"))
        #expect(found.template == "/users/{id}/approleassignments/{id}")
        #expect(found.adjustments == [.meAsUser])
    }

    @Test("/users/{id} matches /me when only that form is in the catalogue, and says so")
    func usersFallsBackToMe() throws {
        let found = try #require(try match("GET /v1.0/users/u1/drive/items/i1/capabilities"))
        #expect(found.template == "/me/drive/items/{id}/capabilities")
        #expect(found.adjustments == [.userAsMe])
    }

    @Test("/me prefers its own template when both forms exist")
    func meMatchesDirectly() throws {
        let found = try #require(try match("GET https://graph.microsoft.com/v1.0/me/messages?$top=5#frag"))
        #expect(found.template == "/me/messages")
        #expect(found.isDirect)
    }

    @Test("a drive item path with several segments and encoded spaces is one {id}", arguments: [
        "GET /v1.0/me/drive/root:/Folder%20A/sub/report.docx:/content",
        "GET /v1.0/me/drive/root:/report.docx:/content",
    ])
    func driveItemPathsMatch(request: String) throws {
        #expect(try match(request)?.template == "/me/drive/root:/{id}:/content")
    }

    @Test("percent-encoded user principal names decode before matching")
    func percentDecoding() throws {
        #expect(try match("GET /v1.0/users/alice%40contoso.com/presence")?.template == "/users/{id}/presence")
    }

    @Test("literal segments beat placeholders when both templates match")
    func mostSpecificWins() throws {
        #expect(try match("GET /v1.0/users/delta")?.template == "/users/delta")
        #expect(try match("GET /v1.0/users/u1")?.template == "/users/{id}")
    }

    @Test("the cloud of the host is reported with the match")
    func cloudIsReported() throws {
        #expect(try match("GET https://dod-graph.microsoft.us/v1.0/me/messages")?.cloud == .dod)
    }

    @Test("an unknown path has no match but gets nearby templates as suggestions")
    func unknownPathSuggestsTemplates() throws {
        let target = try RequestTarget.parse("GET /v1.0/users/u1/notARealThing")
        #expect(catalog.match(target) == nil)
        let closest = catalog.closestTemplates(to: target, limit: 5)
        #expect(closest.count == 5)
        #expect(closest.allSatisfy { $0.hasPrefix("GET /users/{") })
    }

    @Test("an unknown first segment still gets suggestions")
    func unknownRootSuggestsTemplates() throws {
        let target = try RequestTarget.parse("GET /v1.0/usres/u1/messages")
        #expect(catalog.match(target) == nil)
        #expect(!catalog.closestTemplates(to: target, limit: 3).isEmpty)
    }

    @Test("a method the path does not support has no match")
    func wrongMethodHasNoMatch() throws {
        #expect(try match("PUT /v1.0/users/u1/exportPersonalData") == nil)
    }
}
