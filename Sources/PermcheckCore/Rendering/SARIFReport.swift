/// SARIF 2.1.0 for code-scanning dashboards: one result per failing requirement (`error` when unmet, `warning`
/// when evidence is missing), `ruleId` = `<api>/<requirement>`, located at the plan or batch file (and line).
/// The run's rules are the failing requirements seen, with the fix as help text and the first source as `helpUri`.
///
/// Built incrementally so `batch` can stream: write `prefix`, then each result (comma-separated), then `suffix()`.
/// Keys are sorted, so the streamed text equals `JSONWriter`'s compact output of the whole document.
public struct SARIFReport: Sendable {
    /// The schema URI of SARIF 2.1.0.
    public static let schema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    /// Everything before the first result.
    public static let prefix = "{\"$schema\":\"\(schema)\",\"runs\":[{\"results\":["

    private var rules: [String: JSONValue] = [:]

    /// An empty report.
    public init() {}

    /// The SARIF results for one check; records the rules they use.
    public mutating func results(for result: NamedDiagnosis, artifact: String) -> [JSONValue] {
        let diagnosis = result.diagnosis
        return result.failingFindings.map { finding in
            let ruleID = "\(diagnosis.apiID)/\(finding.requirementID)"
            if rules[ruleID] == nil { rules[ruleID] = rule(ruleID, finding, diagnosis) }
            var location: [String: JSONValue] = ["artifactLocation": .object(["uri": .string(artifact)])]
            if result.line > 0 { location["region"] = .object(["startLine": .number(JSONNumber(result.line))]) }
            var text = "\(result.name): \(finding.message)"
            if finding.outcome == .unknown, let collect = finding.collect { text += " Export it: \(collect)" }
            return .object([
                "ruleId": .string(ruleID),
                "level": .string(finding.outcome == .unmet ? "error" : "warning"),
                "message": .object(["text": .string(text)]),
                "locations": .array([.object(["physicalLocation": .object(location)])]),
                "properties": .object([
                    "check": .string(result.name),
                    "verdict": .string(diagnosis.verdict.rawValue),
                    "status": .number(JSONNumber(finding.status)),
                    "confidence": .string(finding.confidence.rawValue),
                    "tokenFingerprint": .string(diagnosis.token.fingerprint),
                ]),
            ])
        }
    }

    private func rule(_ id: String, _ finding: Finding, _ diagnosis: Diagnosis) -> JSONValue {
        var object: [String: JSONValue] = [
            "id": .string(id),
            "name": .string(finding.requirementID),
            "shortDescription": .object(["text": .string("\(diagnosis.apiTitle): requirement '\(finding.requirementID)' (\(finding.kind))")]),
            "help": .object(["text": .string(finding.fix ?? "Run 'permcheck explain \(diagnosis.apiID)' for the requirement and its fix.")]),
            "properties": .object(["confidence": .string(finding.confidence.rawValue), "status": .number(JSONNumber(finding.status))]),
        ]
        if let uri = finding.sources.first { object["helpUri"] = .string(uri) }
        return .object(object)
    }

    /// Everything after the last result: the tool with its rules, sorted by id.
    public func suffix() -> String {
        "]," + String(JSONWriter.write(.object(["tool": tool])).dropFirst().dropLast()) + "}],\"version\":\"2.1.0\"}"
    }

    private var tool: JSONValue {
        .object(["driver": .object([
            "name": .string("permcheck"),
            "version": .string(Permcheck.version),
            "rules": .array(rules.keys.sorted().compactMap { rules[$0] }),
        ])])
    }

    /// A whole SARIF document for a list of results, pretty-printed.
    public static func document(_ results: [NamedDiagnosis], artifact: String) -> String {
        var report = SARIFReport()
        let all = results.flatMap { report.results(for: $0, artifact: artifact) }
        let run: JSONValue = .object(["results": .array(all), "tool": report.tool])
        return JSONWriter.write(.object(["$schema": .string(schema), "version": .string("2.1.0"), "runs": .array([run])]), pretty: true) + "\n"
    }
}
