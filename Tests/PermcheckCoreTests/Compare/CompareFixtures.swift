import Foundation
@testable import PermcheckCore

/// Fixture tokens and evidence for compare and stale-token tests (see fixtures/README.md for who is who).
enum CompareFixtures {
    static let rule = try! TestSupport.builtIn.rule(named: "export-download")
    static let at = ISO8601.parse("2026-11-03T09:30:00Z")!

    static func token(_ name: String) throws -> AccessToken {
        try TokenDecoder.decode(try TestSupport.fixture("fixtures/tokens/\(name).jwt"), source: name)
    }

    static func json(_ name: String) throws -> JSONValue {
        try EvidenceReader.json(try TestSupport.fixture("fixtures/evidence/\(name)"), path: name)
    }

    /// Case 'Contoso Litigation' with its members, the given role-group export and the administrator list.
    static func evidence(roleGroups: String = "role-groups.json", admins: Bool = true) throws -> Evidence {
        var evidence = Evidence()
        evidence.caseName = "Contoso Litigation"
        evidence.caseMembers = try EvidenceReader.caseMembers(json("case-members.json"), path: "case-members.json")
        evidence.roleGroups = try EvidenceReader.roleGroups(json(roleGroups), path: roleGroups)
        if admins { evidence.caseAdmins = try EvidenceReader.caseAdmins(json("case-admins.json"), path: "case-admins.json") }
        return evidence
    }

    static func input(_ tokenName: String, _ evidence: Evidence, at: Date = at, status: Int? = nil) throws -> EvaluationInput {
        EvaluationInput(token: try token(tokenName), evidence: evidence,
                        request: RequestContext(headers: [(name: "X-AllowWithAADToken", value: "true")]),
                        at: at, observedStatus: status)
    }
}
