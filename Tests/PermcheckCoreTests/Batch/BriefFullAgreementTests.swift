import Foundation
import Testing
@testable import PermcheckCore

/// The brief batch record is evaluated without finding messages (`EvaluationDetail.brief`) and written by its own
/// writer; it must say what the full record says, for every fixture token × every built-in rule.
@Suite struct BriefFullAgreementTests {
    static let at = ISO8601.parse("2026-11-03T09:30:00Z")!
    static let tokenNames: [String] = (try? FileManager.default.contentsOfDirectory(
        atPath: TestSupport.repositoryRoot.appendingPathComponent("fixtures/tokens").path))?
        .filter { $0.hasSuffix(".jwt") }.sorted() ?? []

    static func ids(_ findings: [JSONValue], _ outcome: String) -> [JSONValue] {
        findings.filter { $0["outcome"]?.stringValue == outcome }.compactMap { $0["requirement"] }
    }

    @Test func thereAreFixtureTokens() { #expect(Self.tokenNames.count >= 15) }

    /// One fixture export of every evidence kind, so the evidence checkers (and fixes worked out from evidence, like
    /// the application access policy's) run too; the denied Test-ApplicationAccessPolicy answer has its own fix.
    static func everyKind() throws -> Evidence {
        let files: [String: String] = ["caseMembers": "case-members.json", "roleGroups": "role-groups.json",
            "caseAdmins": "case-admins.json", "collections": "purview-collections.json", "purviewPolicies": "purview-policies.json",
            "sitePermissions": "site-permissions.json", "appAccessPolicies": "app-access-test-denied.json",
            "exchangeRoleAssignments": "exchange-role-assignments.json", "groupMembers": "group-members.json",
            "mailboxPermissions": "mailbox-permissions.json", "directoryRoles": "directory-roles-custom.json",
            "subscriptions": "subscriptions-e5.json", "governancePolicies": "governance-policies.json"]
        let documents = try EvidenceKind.all.map { kind throws -> CheckInput.EvidenceDocument in
            let file = try #require(files[kind.key], "a fixture for evidence kind \(kind.key)")
            let json = try TestSupport.fixtureJSON("fixtures/evidence/\(file)")
            return CheckInput.EvidenceDocument(kind: kind, path: file, content: .json(json))
        }
        var evidence = Evidence()
        evidence.caseName = "Contoso Litigation"
        return try Permcheck.readEvidence(documents, into: evidence)
    }

    @Test(arguments: tokenNames)
    func briefAndFullRecordsAgreeForEveryBuiltInRule(tokenName: String) throws {
        let bytes = try TestSupport.fixture("fixtures/tokens/\(tokenName)")
        for evidence in [try DiagnosisJSONWriterTests.evidence(), try Self.everyKind()] {
            for rule in TestSupport.builtIn.rules {
                for (observed, headers) in [(nil, nil), (403, [("X-AllowWithAADToken", "true")])] as [(Int?, [(name: String, value: String)]?)] {
                    func check(_ detail: EvaluationDetail) throws -> Diagnosis {
                        var input = CheckInput(rule: .rule(rule), rules: .loaded(TestSupport.builtIn), token: .line(bytes[...], line: 1), at: Self.at)
                        input.evidence = evidence
                        input.observedStatus = observed
                        input.headers = headers
                        input.detail = detail
                        return try Permcheck.check(input)
                    }
                    let brief = try check(.brief), full = try check(.full)
                    var briefBytes: [UInt8] = [], fullBytes: [UInt8] = []
                    BatchOutcome.diagnosis(id: .string(tokenName), line: 1, brief).appendJSONLine(.brief, into: &briefBytes)
                    BatchOutcome.diagnosis(id: .string(tokenName), line: 1, full).appendJSONLine(.full, into: &fullBytes)
                    let b = try JSONParser.parse(briefBytes.dropLast().map { $0 }), f = try JSONParser.parse(fullBytes.dropLast().map { $0 })
                    let label = "\(tokenName) × \(rule.id), observed \(observed.map(String.init) ?? "none")"
                    #expect(b["verdict"] == f["verdict"], "\(label)")
                    #expect(b["predictedStatus"] == f["predictedStatus"], "\(label)")
                    #expect(b["unmet"]?.arrayValue == Self.ids(f["findings"]?.arrayValue ?? [], "unmet"), "\(label)")
                    #expect(b["unknown"]?.arrayValue == Self.ids(f["findings"]?.arrayValue ?? [], "unknown"), "\(label)")
                    #expect(b["fix"] == (f["fixes"]?.arrayValue?.first ?? .null), "\(label)")
                    #expect(b["principal"] == f["principal"], "\(label)")
                    for key in ["fingerprint", "audience", "appId", "tenantId", "cloud", "expiresAt"] {
                        #expect(b["token"]?[key] == f["token"]?[key], "\(label): \(key)")
                    }
                    #expect(brief.reasons == full.reasons, "\(label): --summary counts the same reasons")
                    #expect(full.findings.allSatisfy { !$0.message.isEmpty } && brief.findings.allSatisfy { $0.message.isEmpty },
                            "\(label): the brief evaluation builds no messages, the full one all")
                    #expect(brief.hints.isEmpty, "\(label): the brief evaluation builds no hints")
                }
            }
        }
    }

    /// Every rule example (its own claims, evidence, headers and observed status): the brief evaluation keeps the
    /// same outcomes and fixes.
    @Test func everyRuleExampleGivesTheSameOutcomesAndFixesBriefAndFull() throws {
        var compared = 0
        for rule in TestSupport.builtIn.rules {
            for example in rule.examples {
                var input = try RuleExampleRunner.checkInput(for: example, in: rule)
                let full = try Permcheck.check(input)
                input.detail = .brief
                let brief = try Permcheck.check(input)
                let label = "\(rule.id) / \(example.name)"
                #expect(brief.verdict == full.verdict && brief.predictedStatus == full.predictedStatus, "\(label)")
                #expect(brief.findings.map { "\($0.requirementID) \($0.outcome)" } == full.findings.map { "\($0.requirementID) \($0.outcome)" }, "\(label)")
                #expect(brief.findings.map(\.fix) == full.findings.map(\.fix), "\(label)")
                #expect(brief.fixes == full.fixes && brief.reasons == full.reasons, "\(label)")
                compared += 1
            }
        }
        #expect(compared > 100)
    }

    /// Requests that synthesized Graph rules answer with per-resource grant checks, whose fixes are worked out from the
    /// evidence (a site grant to POST, an access policy's scope group, a mailbox delegation).
    static let grantRequests = [
        "GET /v1.0/sites/contoso-gcc.sharepoint.com,1a1a1a1a-0000-4000-8000-00000000517e,2b2b2b2b-0000-4000-8000-00000000517e/drive",
        "PUT /v1.0/sites/contoso-gcc.sharepoint.com,1a1a1a1a-0000-4000-8000-00000000517e,2b2b2b2b-0000-4000-8000-00000000517e/drive/items/01ABC/content",
        "GET /v1.0/users/sam.synced@contoso-gcc.example/messages", "GET /v1.0/users/pat.principal@contoso-gcc.example/messages",
        "GET /v1.0/users/pat.principal@contoso-gcc.example/calendar/events",
    ]
    static let grantEvidence: [(String, String)] = [
        ("sitePermissions", "site-permissions.json"), ("sitePermissions", "site-permissions-other-app.json"),
        ("appAccessPolicies", "app-access-policies.json"), ("appAccessPolicies", "app-access-test-denied.json"),
        ("appAccessPolicies", "app-access-test-granted.json"), ("exchangeRoleAssignments", "exchange-role-assignments.json"),
        ("exchangeRoleAssignments", "sp-authorization.json"), ("mailboxPermissions", "mailbox-permissions.json"),
        ("mailboxPermissions", "mailbox-folder-permissions.json"), ("groupMembers", "group-members.json"),
    ]

    @Test func resourceGrantChecksGiveTheSameOutcomesAndFixesBriefAndFull() throws {
        var workedOutFixes = 0
        for (key, file) in Self.grantEvidence {
            let kind = try #require(EvidenceKind.named(key))
            let document = CheckInput.EvidenceDocument(kind: kind, path: file, content: .json(try TestSupport.fixtureJSON("fixtures/evidence/\(file)")))
            let evidence = try Permcheck.readEvidence([document], into: Evidence())
            for tokenName in Self.tokenNames {
                let bytes = try TestSupport.fixture("fixtures/tokens/\(tokenName)")
                for request in Self.grantRequests {
                    var input = CheckInput(rule: .request(request), rules: .loaded(TestSupport.builtIn), token: .line(bytes[...], line: 1), at: Self.at)
                    input.evidence = evidence
                    let full = try Permcheck.check(input)
                    input.detail = .brief
                    let brief = try Permcheck.check(input)
                    let label = "\(file) × \(tokenName) × \(request)"
                    #expect(brief.verdict == full.verdict && brief.predictedStatus == full.predictedStatus, "\(label)")
                    #expect(brief.findings.map { "\($0.requirementID) \($0.outcome)" } == full.findings.map { "\($0.requirementID) \($0.outcome)" }, "\(label)")
                    #expect(brief.findings.map(\.fix) == full.findings.map(\.fix) && brief.fixes == full.fixes, "\(label) \(zip(brief.findings, full.findings).filter { $0.0.fix != $0.1.fix }.map { "\($0.1.requirementID): \($0.0.fix ?? "nil") / \($0.1.fix ?? "nil")" })")
                    if full.findings.contains(where: { $0.outcome == .unmet && ["selected-grant", "mailbox-access-policy", "mailbox-app-role", "mailbox-delegation"].contains($0.requirementID) && $0.fix != nil }) {
                        workedOutFixes += 1
                    }
                }
            }
        }
        #expect(workedOutFixes > 0, "some check gets a fix worked out from its evidence")
    }
}
