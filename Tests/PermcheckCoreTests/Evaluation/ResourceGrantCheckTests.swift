import Foundation
import Testing
@testable import PermcheckCore

/// Per-resource grants on synthesized Graph rules: Sites.Selected, Exchange mailbox scoping, delegated mailbox access.
@Suite struct ResourceGrantCheckTests {
    static let site = "contoso-gcc.sharepoint.com,1a1a1a1a-0000-4000-8000-00000000517e,2b2b2b2b-0000-4000-8000-00000000517e"

    func diagnose(_ token: String, _ request: String, _ evidence: Evidence = Evidence()) throws -> Diagnosis {
        let decoded = try TokenDecoder.decode(TestSupport.fixture("fixtures/tokens/\(token).jwt"), source: token)
        let resolved = try RequestResolver.resolve(request, rules: TestSupport.builtIn, catalog: .embedded)
        return Evaluator.evaluate(resolved.rule, EvaluationInput(token: decoded, evidence: evidence, at: ISO8601.parse("2026-11-03T09:30:00Z")!))
    }

    func json(_ name: String) throws -> JSONValue { try TestSupport.fixtureJSON("fixtures/evidence/\(name)") }
    func finding(_ d: Diagnosis, _ id: String) -> Finding? { d.findings.first { $0.requirementID == id } }

    @Test func sitesSelectedIsOfferedBeforeTenantWideScopesAndNeedsTheSiteGrant() throws {
        let d = try diagnose("app-sites-selected", "GET https://graph.microsoft.com/v1.0/sites/\(Self.site)/drive")
        #expect(d.verdict == .indeterminate)
        #expect(finding(d, "graph-app-role")?.outcome == .met)
        let grant = try #require(finding(d, "selected-grant"))
        #expect(grant.outcome == .unknown)
        #expect(grant.collect?.contains("--site-permissions") == true)
        let rule = try RequestResolver.resolve("GET /v1.0/sites/\(Self.site)/drive", rules: TestSupport.builtIn, catalog: .embedded).rule
        guard case .appRole(let anyOf)? = rule.requirements.first(where: { $0.id == "graph-app-role" })?.check else { Issue.record("no app role"); return }
        #expect(anyOf.first == "Sites.Selected")
    }

    @Test func aMissingGrantIsDeniedWithThePostPermissionsFixNotATenantWideScope() throws {
        var evidence = Evidence()
        evidence.resourceGrants = try ResourceGrantReaders.sitePermissions(json("site-permissions-other-app.json"), path: "t")
        let d = try diagnose("app-sites-selected", "GET /v1.0/sites/\(Self.site)/drive", evidence)
        #expect(d.verdict == .denied && d.predictedStatus == 403)
        #expect(d.fixes.first?.contains("POST https://graph.microsoft.com/v1.0/sites/\(Self.site)/permissions") == true)
        #expect(d.fixes.first?.contains("5e1ec7ed-0000-4000-8000-0000000051e5") == true)
        #expect(!d.fixes.contains { $0.contains("Files.Read.All") })
    }

    @Test func aReadGrantAllowsReadingButNotWriting() throws {
        var evidence = Evidence()
        evidence.resourceGrants = try ResourceGrantReaders.sitePermissions(json("site-permissions.json"), path: "t")
        #expect(try diagnose("app-sites-selected", "GET /v1.0/sites/\(Self.site)/drive", evidence).verdict == .allowed)
        let write = try diagnose("app-sites-selected", "PUT /v1.0/sites/\(Self.site)/drive/items/01ABC/content", evidence)
        #expect(write.verdict == .denied)
        #expect(write.fixes.first?.contains("'write'") == true)
    }

    @Test func grantsForAnotherSiteAreNotUsed() throws {
        var evidence = Evidence()
        evidence.resourceGrants = try ResourceGrantReaders.sitePermissions(json("site-permissions.json"), path: "t")
        let d = try diagnose("app-sites-selected", "GET /v1.0/sites/contoso-gcc.sharepoint.com,9f9f9f9f-0000-4000-8000-000000000000,8e8e8e8e-0000-4000-8000-000000000000/drive", evidence)
        #expect(finding(d, "selected-grant")?.outcome == .unknown)
    }

    @Test func aTenantWidePermissionNeedsNoSiteGrant() throws {
        let d = try diagnose("app-sites-selected-and-files-read-all", "GET /v1.0/sites/\(Self.site)/drive")
        #expect(d.verdict == .allowed)
    }

    @Test func aDenyAccessPolicyDeniesMembersOfItsGroup() throws {
        var evidence = Evidence()
        evidence.appAccess = AppAccessEvidence(policies: [AppAccessPolicy(identity: "p1", appIDs: ["e7e4dbfc-0000-4000-8000-0000000a0a11"], accessRight: "DenyAccess", scopeName: "Executives", scopeGroup: "g1")])
        evidence.groupMembers = GroupMembers(group: "g1", members: [DirectoryEntry(name: "sam.synced@contoso-gcc.example")])
        let denied = try diagnose("app-mail-read", "GET /v1.0/users/sam.synced@contoso-gcc.example/messages", evidence)
        #expect(denied.verdict == .denied)
        #expect(denied.fixes.first?.contains("Executives") == true)
        let other = try diagnose("app-mail-read", "GET /v1.0/users/pat.principal@contoso-gcc.example/messages", evidence)
        #expect(other.verdict == .allowed)
    }

    @Test func policiesForOtherAppsDoNotLimitThisOne() throws {
        var evidence = Evidence()
        evidence.appAccess = AppAccessEvidence(policies: [AppAccessPolicy(appIDs: ["0b0b0b0b-0000-4000-8000-0000000a0a22"], accessRight: "RestrictAccess", scopeGroup: "g")])
        #expect(try diagnose("app-mail-read", "GET /v1.0/users/pat.principal@contoso-gcc.example/messages", evidence).verdict == .allowed)
    }

    @Test func theCallersOwnMailboxNeedsNoDelegation() throws {
        for path in ["/v1.0/me/mailboxSettings", "/v1.0/users/dana.delegate@contoso-gcc.example/mailboxSettings",
                     "/v1.0/users/dddd4444-4444-4444-8444-444444444444/messages"] {
            #expect(try diagnose("user-delegate-mail", "GET " + path).verdict == .allowed, "\(path)")
        }
    }

    @Test func anotherUsersMailNeedsTheSharedScopeAndAGrant() throws {
        var evidence = Evidence()
        evidence.mailboxPermissions = try ResourceGrantReaders.mailboxPermissions(json("mailbox-permissions.json"), path: "t")
        let plain = try diagnose("user-delegate-mail", "GET /v1.0/users/pat.principal@contoso-gcc.example/messages", evidence)
        #expect(finding(plain, "shared-scope")?.outcome == .unmet)
        #expect(plain.fixes.first?.contains("Mail.Read.Shared") == true)
        let shared = try diagnose("user-delegate-mail-shared", "GET /v1.0/users/pat.principal@contoso-gcc.example/messages", evidence)
        #expect(shared.verdict == .allowed)
        let unknown = try diagnose("user-delegate-mail-shared", "GET /v1.0/users/pat.principal@contoso-gcc.example/messages")
        #expect(unknown.verdict == .indeterminate)
    }

    @Test func aCalendarShareDoesNotOpenTheInbox() throws {
        var evidence = Evidence()
        evidence.mailboxPermissions = try ResourceGrantReaders.mailboxPermissions(json("mailbox-folder-permissions.json"), path: "t")
        #expect(try diagnose("user-delegate-mail-shared", "GET /v1.0/users/pat.principal@contoso-gcc.example/calendar/events", evidence).verdict == .allowed)
        #expect(try diagnose("user-delegate-mail-shared", "GET /v1.0/users/pat.principal@contoso-gcc.example/messages", evidence).verdict == .denied)
    }
}
