import Foundation
import PermcheckCore

/// The MCP `check` tool: a pre-flight plan check's keys as arguments → a diagnosis. ALL glue that turns tool arguments
/// into an evaluation lives in ``MCPCheckTool/diagnose(_:rulesDirectory:now:)``, so switching it to the single
/// check pipeline (issue 12: `CheckInput`, `EvidenceKind`) is a change in one place.
enum MCPCheckTool {
    /// The evidence arguments: the plan's evidence keys, each read by the same reader as the CLI option it stands for.
    /// A value is a file path or the export's JSON inline (an object or an array).
    static var evidenceKeys: [String] { PreflightPlan.evidenceKeys }

    /// What to run to export an evidence key (the CLI's instruction), for the schema's descriptions.
    static func exportCommand(_ key: String) -> String? {
        EvidenceSource.allCases.first { planKey($0.rawValue) == key }?.command(caseName: nil)
    }

    /// `--case-members` → `caseMembers`.
    static func planKey(_ option: String) -> String {
        let words = option.drop { $0 == "-" }.split(separator: "-")
        return words.enumerated().map { $0.offset == 0 ? String($0.element) : $0.element.prefix(1).uppercased() + $0.element.dropFirst() }.joined()
    }

    /// Reads every input the arguments name and evaluates the check, like `permcheck TOKEN --api ID …` and like a plan
    /// check; returns the evidence too (for `--redact`).
    static func diagnose(_ arguments: MCPArguments, rulesDirectory: String?, now: Date) throws(PermcheckError) -> (Diagnosis, Evidence) {
        let api = arguments.string("api"), requestLine = arguments.string("request")
        switch (api, requestLine) {
        case (_?, _?): throw .usage("give either 'api' (a rule id) or 'request' (\"METHOD URL\"), not both.")
        case (nil, nil): throw .usage("missing 'api' (an API rule id; the explain tool and the permcheck://rules resource list them) or 'request' (\"METHOD URL\").")
        default: break
        }
        let rules = try RuleSource.load(directory: rulesDirectory, api: api, requestLine: requestLine)
        let rule: APIRule
        var target: RequestTarget?
        if let api { rule = try rules.rule(named: api) } else {
            let resolved = try RuleSource.resolve(requestLine ?? "", rules: rules, directory: rulesDirectory)
            rule = resolved.rule
            target = resolved.target
        }
        let token = try arguments.token()!
        let response = try arguments.response()

        var evidence = Evidence()
        evidence.caseName = arguments.string("case")
        evidence.collectionName = arguments.string("collection")
        evidence.changedAt = try arguments.time("changedAt")
        func json(_ key: String) throws(PermcheckError) -> (String, JSONValue)? {
            guard let value = arguments.values[key] else { return nil }
            if let path = value.stringValue { return (path, try InputFiles.evidenceJSON(path)) }
            return ("\(key) (inline JSON)", value)
        }
        if let (path, value) = try json("caseMembers") {
            evidence.caseMembers = try EvidenceReader.caseMembers(value, path: path)
            if evidence.caseName == nil { evidence.caseName = evidence.caseMembers?.caseName }
        }
        if let (path, value) = try json("roleGroups") { evidence.roleGroups = try EvidenceReader.roleGroups(value, path: path) }
        if let (path, value) = try json("caseAdmins") { evidence.caseAdmins = try EvidenceReader.caseAdmins(value, path: path) }
        let policies = try json("purviewPolicies"), collections = try json("collections")
        if policies != nil || collections != nil {
            evidence.purview = try PurviewEvidenceReader.read(policies: policies, collections: collections)
        }

        var input = EvaluationInput(token: token, evidence: evidence, at: try arguments.time("at") ?? now)
        input.request = try arguments.headers()
        input.request.method = target?.method
        input.request.url = target?.url
        input.observedStatus = try arguments.status() ?? response?.evaluationStatus
        input.targetCloud = try arguments.cloud() ?? target?.cloud ?? response?.challenge?.authorityCloud?.cloud
        var diagnosis = Evaluator.evaluate(rule, input)
        diagnosis.observedResponse = response
        return (diagnosis, evidence)
    }

    /// The tool result: the CLI's text report in `content`, the `--format json` contract as `structuredContent`.
    static func run(_ arguments: MCPArguments, rulesDirectory: String?, now: Date, redact: Bool) throws(PermcheckError) -> MCPToolResult {
        let (diagnosis, evidence) = try diagnose(arguments, rulesDirectory: rulesDirectory, now: now)
        let result = MCPToolResult(text: TextRenderer(color: false).render(diagnosis), structured: DiagnosisJSON.value(diagnosis))
        return redact ? result.mapStrings(Redactor(diagnosis: diagnosis, evidence: evidence).redact) : result
    }
}
