import Foundation
import Testing
@testable import PermcheckCore

/// The batch writer must produce exactly the bytes of the JSON contract (`DiagnosisJSON.value` + `JSONWriter`).
@Suite struct DiagnosisJSONWriterTests {
    static let at = ISO8601.parse("2026-11-03T09:30:00Z")!
    static let tokenNames = ["manager-graph", "manager-proxy", "admin-graph-gdpr", "app-graph-export", "app-in-case",
                             "gcc-high-graph", "managed-identity", "manager-proxy-expired", "purview-sp-root-curator"]

    /// The contract's bytes for a batch record, built the slow way.
    static func expected(_ diagnosis: Diagnosis, id: JSONValue, line: Int) -> String {
        guard case .object(var object) = DiagnosisJSON.value(diagnosis) else { return "" }
        object["id"] = id
        object["line"] = .number(JSONNumber(line))
        return JSONWriter.write(.object(object)) + "\n"
    }

    static func evidence() throws -> Evidence {
        var evidence = Evidence()
        evidence.caseName = "Contoso Litigation"
        evidence.caseMembers = try EvidenceReader.caseMembers(TestSupport.fixtureJSON("fixtures/evidence/case-members.json"), path: "m")
        evidence.roleGroups = try EvidenceReader.roleGroups(TestSupport.fixtureJSON("fixtures/evidence/role-groups.json"), path: "g")
        return evidence
    }

    @Test(arguments: tokenNames)
    func everyBuiltInRuleWritesTheSameBytesAsTheContract(tokenName: String) throws {
        let token = try TokenDecoder.decode(TestSupport.fixture("fixtures/tokens/\(tokenName).jwt"), source: tokenName)
        let evidence = try Self.evidence()
        for rule in TestSupport.builtIn.rules {
            for observed in [nil, 401, 403] as [Int?] {
                let diagnosis = Evaluator.evaluate(rule, EvaluationInput(token: token, evidence: evidence, at: Self.at, observedStatus: observed))
                let record = BatchOutcome.diagnosis(id: .string("t-\(tokenName)"), line: 7, diagnosis).jsonLine()
                #expect(record == Self.expected(diagnosis, id: .string("t-\(tokenName)"), line: 7), "\(rule.id), observed \(observed.map(String.init) ?? "none")")
            }
        }
    }

    @Test(arguments: [#""quoted" \ back\slash"#, "tab\there\nnewline\r\u{01}\u{1F}\u{7F}", "unicode é 日本 🙂", ""])
    func stringsThatNeedEscapingAreWrittenLikeTheContract(name: String) throws {
        let payload = JSONWriter.write(.object([
            "aud": "https://graph.microsoft.com", "iss": "https://sts.windows.net/aaaabbbb-0000-4000-8000-00000000cafe/",
            "iat": 1793696400, "exp": 1793700900, "scp": .string("User.Read " + name.replacingOccurrences(of: " ", with: "_")),
            "name": .string(name), "upn": .string(name), "idtyp": "user",
        ]))
        let token = try TestSupport.decode(TestSupport.token(payload: payload))
        let rule = try TestSupport.builtIn.rule(named: "export-download")
        let diagnosis = Evaluator.evaluate(rule, EvaluationInput(token: token, at: Self.at))
        for id in [JSONValue.null, .number(JSONNumber(42)), .string(name)] {
            #expect(BatchOutcome.diagnosis(id: id, line: 1, diagnosis).jsonLine() == Self.expected(diagnosis, id: id, line: 1))
        }
    }

    @Test func anObservedResponseIsWrittenLikeTheContract() throws {
        let token = try TokenDecoder.decode(TestSupport.fixture("fixtures/tokens/manager-graph.jwt"), source: "t")
        let rule = try TestSupport.builtIn.rule(named: "export-download")
        var diagnosis = Evaluator.evaluate(rule, EvaluationInput(token: token, at: Self.at, observedStatus: 401))
        diagnosis.observedResponse = try ObservedResponse.parse(
            "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Bearer error=\"invalid_token\"\r\n\r\n", source: "r")
        #expect(BatchOutcome.diagnosis(id: "x", line: 3, diagnosis).jsonLine() == Self.expected(diagnosis, id: "x", line: 3))
    }
}
