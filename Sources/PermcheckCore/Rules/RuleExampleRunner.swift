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

    /// The check an example describes: a token built from its claims, its evidence as inline documents.
    public static func checkInput(for example: RuleExample, in rule: APIRule) throws(PermcheckError) -> CheckInput {
        let source = "example '\(example.name)' of \(rule.id)"
        let claims = try Claims(payload: example.claims, source: source)
        let token = AccessToken(header: ["alg": "RS256", "typ": "JWT"], claims: claims, fingerprint: "sha256:example", hasSignature: false)
        let at = example.at ?? claims.issuedAt.map { $0.addingTimeInterval(300) } ?? Date(timeIntervalSince1970: 1_767_225_600)
        var input = CheckInput(rule: .rule(rule), token: .decoded(token), at: at)
        input.evidence.caseName = example.caseName
        input.evidence.collectionName = example.collectionName
        input.requestLine = example.request
        let path = rule.file + " (" + source + ")"
        for key in example.evidence.keys.sorted() {
            guard let kind = EvidenceKind.named(key) else {
                let keys = EvidenceKind.keys
                throw .ruleInvalid(path: rule.file, line: 0, id: rule.id, detail: "example '\(example.name)' has unknown evidence '\(key)'; use \(keys.dropLast().joined(separator: ", ")) or \(keys.last!)")
            }
            input.documents.append(CheckInput.EvidenceDocument(kind: kind, path: path, content: .json(example.evidence[key]!)))
        }
        if !example.headers.isEmpty { input.headers = example.headers.keys.sorted().map { (name: $0, value: example.headers[$0]!) } }
        input.observedStatus = example.observedStatus
        return input
    }

    /// Runs one example.
    public static func run(_ example: RuleExample, of rule: APIRule) -> Result {
        let diagnosis: Diagnosis
        do { diagnosis = try Permcheck.check(try checkInput(for: example, in: rule)) } catch {
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
