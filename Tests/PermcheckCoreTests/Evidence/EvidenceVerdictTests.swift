import Foundation
import Testing
@testable import PermcheckCore

/// Issue 15: no confident verdict from evidence that cannot support it (case, identity, partial exports).
@Suite struct EvidenceVerdictTests {
    let rule = try! TestSupport.builtIn.rule(named: "export-download")
    let at = ISO8601.parse("2026-11-03T09:30:00Z")!

    /// A user token for the download proxy with the scope, so that only the evidence decides.
    static func user(_ claims: String) throws -> AccessToken {
        try TestSupport.decode(TestSupport.token(payload: #"{"aud":"b26e684c-5068-4120-a679-64a5d2c909d9","iat":1793696400,"exp":2109056400,"idtyp":"user","scp":"eDiscovery.Download.Read","tid":"aaaabbbb-0000-4000-8000-00000000cafe",\#(claims)}"#))
    }
    static let megan = #""oid":"11111111-1111-4111-8111-111111111111","upn":"megan.manager@contoso-gcc.example""#

    static func json(_ file: String) throws -> JSONValue { try TestSupport.fixtureJSON("fixtures/evidence/\(file)") }

    func finding(_ id: String, _ token: AccessToken, _ evidence: Evidence) -> Finding {
        let input = EvaluationInput(token: token, evidence: evidence, request: RequestContext(headers: [(name: "X-AllowWithAADToken", value: "true")]), at: at)
        return Evaluator.evaluate(rule, input).findings.first { $0.requirementID == id }!
    }

    func evidence(members: String? = nil, groups: String? = "role-groups.json", admins: String? = "case-admins.json", caseName: String? = "Contoso Litigation") throws -> Evidence {
        var evidence = Evidence()
        evidence.caseName = caseName
        if let members { evidence.caseMembers = try EvidenceReader.caseMembers(Self.json(members), path: members) }
        if let groups { evidence.roleGroups = try EvidenceReader.roleGroups(Self.json(groups), path: groups) }
        if let admins { evidence.caseAdmins = try EvidenceReader.caseAdmins(Self.json(admins), path: admins) }
        return evidence
    }

    // MARK: 3. the case the evidence is for

    @Test func aMemberFileForAnotherCaseIsUnknownNamingThatCase() throws {
        let nate = try Self.user(#""oid":"33333333-3333-4333-8333-333333333333","upn":"nate.outsider@contoso-gcc.example""#)
        let result = finding("case-membership", nate, try evidence(members: "case-members-fabrikam.json"))
        #expect(result.outcome == .unknown)
        #expect(result.message.contains("'Fabrikam Merger'") && result.message.contains("'Contoso Litigation'"))
    }

    @Test func batchLinesForAnotherCaseThanTheMemberFileGetUnknown() throws {
        var shared = try evidence(members: "case-members.json")
        let evaluator = try BatchEvaluator(rules: TestSupport.builtIn, defaultRule: .api("export-download"), evidence: shared,
                                       headers: [(name: "X-AllowWithAADToken", value: "true")], at: at)
        let token = String(decoding: try TestSupport.fixture("fixtures/tokens/manager-proxy.jwt"), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        func outcome(_ caseName: String) -> Outcome? {
            let line = Array(#"{"token":"\#(token)","case":"\#(caseName)"}"#.utf8)
            guard case .diagnosis(_, _, let diagnosis) = evaluator.evaluate(line: line[...], number: 1) else { return nil }
            return diagnosis.findings.first { $0.requirementID == "case-membership" }?.outcome
        }
        #expect(outcome("Contoso Litigation") == .met)
        #expect(outcome("Fabrikam Merger") == .unknown)
        shared.caseName = nil
        let unnamed = try BatchEvaluator(rules: TestSupport.builtIn, defaultRule: .api("export-download"), evidence: shared, at: at)
        let line = Array(#"{"token":"\#(token)","case":"Fabrikam Merger"}"#.utf8)
        guard case .diagnosis(_, _, let diagnosis) = unnamed.evaluate(line: line[...], number: 1) else { Issue.record("no diagnosis"); return }
        #expect(diagnosis.findings.first { $0.requirementID == "case-membership" }?.outcome == .unknown)
    }

    // MARK: 4. identity matching

    @Test func aMatchingAliasDoesNotOverrideADifferingObjectIDOrUPN() throws {
        let result = finding("case-membership", try Self.user(Self.megan), try evidence(members: "case-members-other-person.json"))
        #expect(result.outcome == .unmet, "\(result.message)")
    }

    @Test(arguments: [
        #""oid":"11111111-1111-4111-8111-111111111111","unique_name":"live.com#megan.manager@contoso-gcc.example""#,
        #""oid":"11111111-1111-4111-8111-111111111111","preferred_username":"MEGAN.MANAGER@contoso-gcc.example""#,
        #""email":"megan.manager@contoso-gcc.example""#,
    ])
    func everyTokenIdentifierIsUsed(_ claims: String) throws {
        let result = finding("case-membership", try Self.user(claims), try evidence(members: "case-members.json"))
        #expect(result.outcome == .met, "\(result.message)")
    }

    @Test func aGuestMatchesByItsHomeAddress() throws {
        let gina = try Self.user(#""oid":"77777777-7777-4777-8777-777777777777","unique_name":"gina.guest_fabrikam.example#EXT#@contosogcc.onmicrosoft.com","email":"gina.guest@fabrikam.example""#)
        #expect(finding("case-membership", gina, try evidence(members: "case-members-guest.json")).outcome == .met)
        let emailOnly = try Self.user(#""email":"gina.guest@fabrikam.example""#)
        #expect(finding("case-membership", emailOnly, try evidence(members: "case-members-guest.json")).outcome == .met)
    }

    @Test func aNamesOnlyListAgainstATokenWithOnlyAnObjectIDIsUnknown() throws {
        let oidOnly = try Self.user(#""oid":"11111111-1111-4111-8111-111111111111""#)
        let result = finding("case-membership", oidOnly, try evidence(members: "case-members-names.json", admins: nil))
        #expect(result.outcome == .unknown, "\(result.message)")
        #expect(result.collect?.contains("ExternalDirectoryObjectId") == true)
    }

    @Test(arguments: [
        #","groups":["aaaaaaaa-0000-4000-8000-000000000001"]"#,
        #","hasgroups":true"#,
        #","_claim_names":{"groups":"src1"},"_claim_sources":{"src1":{"endpoint":"https://graph.microsoft.com/v1.0/users/x/getMemberObjects"}}"#,
        "",
    ])
    func aSecurityGroupListedByNameIsUnknownWhateverTheGroupsClaim(_ groups: String) throws {
        let user = try Self.user(#""oid":"22222222-2222-4222-8222-222222222222","upn":"lena.legal@contoso-gcc.example""# + groups)
        let result = finding("export-role", user, try evidence(groups: "role-groups-group-by-name.json"))
        #expect(result.outcome == .unknown, "\(result.message)")
        #expect(result.collect?.contains("object id") == true, "\(result.collect ?? "")")
    }

    // MARK: 5. empty and partial

    @Test func anEmptyRoleGroupExportIsUnknown() throws {
        let result = finding("export-role", try Self.user(Self.megan), try evidence(groups: "role-groups-empty.json"))
        #expect(result.outcome == .unknown && result.message.contains("no role groups"))
    }

    @Test func aRoleGroupWithoutMembersOrRolesIsUnknownForThatProperty() throws {
        // eDiscoveryManager has Members but no Roles; Case Reviewers has Roles but no Members.
        let megan = finding("export-role", try Self.user(Self.megan), try evidence(groups: "role-groups-select.json"))
        #expect(megan.outcome == .unknown && megan.message.contains("no 'Roles'"), "\(megan.message)")
        let rita = try Self.user(#""oid":"55555555-5555-4555-8555-555555555555","upn":"rita.reviewer@contoso-gcc.example""#)
        var evidence = try evidence(members: "case-members.json", groups: "role-groups-select.json")
        evidence.caseMembers?.members.removeAll { !$0.isRoleGroup }
        #expect(finding("case-membership", rita, evidence).outcome == .unknown)
    }

    @Test func anAdministratorIsDecidableWithoutCaseMembers() throws {
        let ada = try Self.user(#""oid":"44444444-4444-4444-8444-444444444444","upn":"ada.admin@contoso-gcc.example""#)
        let result = finding("case-membership", ada, try evidence(members: nil))
        #expect(result.outcome == .met, "\(result.message)")
    }

    // MARK: 7. Graph's shape, end to end

    @Test func graphCaseMembersDecideMembership() throws {
        #expect(finding("case-membership", try Self.user(Self.megan), try evidence(members: "case-members-graph.json")).outcome == .met)
        let rita = try Self.user(#""oid":"55555555-5555-4555-8555-555555555555","upn":"rita.reviewer@contoso-gcc.example""#)
        #expect(finding("case-membership", rita, try evidence(members: "case-members-graph.json")).outcome == .met)
        let nate = try Self.user(#""oid":"33333333-3333-4333-8333-333333333333","upn":"nate.outsider@contoso-gcc.example""#)
        #expect(finding("case-membership", nate, try evidence(members: "case-members-graph.json", admins: "case-admins.json")).outcome == .unmet)
    }
}
