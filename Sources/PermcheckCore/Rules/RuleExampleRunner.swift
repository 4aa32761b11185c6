import Foundation

/// Runs a rule's examples: builds a token from the example's claims and evidence from its JSON, evaluates, and
/// compares with the expectation. A missing expected reason fails; extra ones are allowed.
public enum RuleExampleRunner {
    /// The outcome of one example.
    public struct Result: Sendable, Equatable {
        public let rule: String
        public let example: String
        /// Empty when the example passed.
        public let problems: [String]
        public var passed: Bool { problems.isEmpty }
    }

    /// Builds the evaluation input an example describes.
    public static func input(for example: RuleExample, in rule: APIRule) throws(PermcheckError) -> EvaluationInput {
        let source = "example '\(example.name)' of \(rule.id)"
        let claims = try Claims(payload: example.claims, source: source)
        let token = AccessToken(header: ["alg": "RS256", "typ": "JWT"], claims: claims, fingerprint: "sha256:example", hasSignature: false)
        var evidence = Evidence()
        evidence.caseName = example.caseName
        evidence.collectionName = example.collectionName
        let path = rule.file + " (" + source + ")"
        for key in example.evidence.keys.sorted() {
            let value = example.evidence[key]!
            switch key {
            case "caseMembers": evidence.caseMembers = try EvidenceReader.caseMembers(value, path: path)
            case "roleGroups": evidence.roleGroups = try EvidenceReader.roleGroups(value, path: path)
            case "caseAdmins": evidence.caseAdmins = try EvidenceReader.caseAdmins(value, path: path)
            case "purviewPolicies", "collections": continue
            default:
                throw .ruleInvalid(path: rule.file, line: 0, id: rule.id, detail: "example '\(example.name)' has unknown evidence '\(key)'; use caseMembers, roleGroups, caseAdmins, purviewPolicies or collections")
            }
        }
        let policies = example.evidence["purviewPolicies"].map { (path, $0) }
        let collections = example.evidence["collections"].map { (path, $0) }
        if policies != nil || collections != nil {
            evidence.purview = try PurviewEvidenceReader.read(policies: policies, collections: collections)
        }
        let at = example.at ?? claims.issuedAt.map { $0.addingTimeInterval(300) } ?? Date(timeIntervalSince1970: 1_767_225_600)
        let headers = example.headers.isEmpty ? nil : example.headers.keys.sorted().map { (name: $0, value: example.headers[$0]!) }
        return EvaluationInput(token: token, evidence: evidence, request: RequestContext(headers: headers), at: at,
                               observedStatus: example.observedStatus)
    }

    /// Runs one example.
    public static func run(_ example: RuleExample, of rule: APIRule) -> Result {
        let diagnosis: Diagnosis
        do { diagnosis = Evaluator.evaluate(rule, try input(for: example, in: rule)) } catch {
            return Result(rule: rule.id, example: example.name, problems: [error.message])
        }
        var problems: [String] = []
        if diagnosis.verdict != example.expectedVerdict {
            problems.append("expected \(example.expectedVerdict.rawValue), got \(diagnosis.verdict.rawValue) (unmet: \(ids(diagnosis, .unmet)), unknown: \(ids(diagnosis, .unknown)))")
        }
        if let status = example.expectedStatus, diagnosis.predictedStatus != status {
            problems.append("expected predicted status \(status), got \(diagnosis.predictedStatus.map(String.init) ?? "none")")
        }
        for id in example.expectedUnmet where !diagnosis.findings.contains(where: { $0.requirementID == id && $0.outcome == .unmet }) {
            problems.append("expected '\(id)' to be unmet")
        }
        for id in example.expectedUnknown where !diagnosis.findings.contains(where: { $0.requirementID == id && $0.outcome == .unknown }) {
            problems.append("expected '\(id)' to be unknown")
        }
        return Result(rule: rule.id, example: example.name, problems: problems)
    }

    /// Runs every example of every rule.
    public static func runAll(_ rules: [APIRule]) -> [Result] {
        rules.flatMap { rule in rule.examples.map { run($0, of: rule) } }
    }

    private static func ids(_ diagnosis: Diagnosis, _ outcome: Outcome) -> String {
        let list = diagnosis.findings.filter { $0.outcome == outcome }.map(\.requirementID)
        return list.isEmpty ? "none" : list.joined(separator: ", ")
    }
}
