import Foundation
import PermcheckCore

/// `permcheck preflight PLAN [--format text|json|github|junit|sarif]`: runs every check of a plan.
enum PreflightCommand {
    static let formats = ["text", "json", "github", "junit", "sarif"]
    static let specs: [OptionSpec] = [
        OptionSpec(name: "--format", takesValue: true), OptionSpec(name: "--rules", takesValue: true),
        OptionSpec(name: "--redact", takesValue: false), OptionSpec(name: "--help", takesValue: false),
    ]

    static func run(_ arguments: [String], console: Console) throws(PermcheckError) -> Int32 {
        let args = try Arguments.parse(arguments, specs: specs, command: "preflight")
        if args.has("--help") { console.out(Help.preflight); return 0 }
        let format = args.value("--format") ?? "text"
        guard formats.contains(format) else {
            throw .usage("unknown format '\(format)' for 'preflight'; use \(formats.joined(separator: ", ")).")
        }
        guard args.positionals.count == 1, let path = args.positionals.first else {
            throw .usage("expected one plan file: 'permcheck preflight PLAN.json'. See 'permcheck preflight --help'.")
        }
        let plan = try PreflightPlan.parse(InputFiles.read(path, limit: InputLimits.fileBytes, describe: "plan"), path: path)
        let rules = try RuleSource.load(directory: args.value("--rules"))
        let runner = PlanRunner(planPath: path, rules: rules, now: Date())
        var results: [NamedDiagnosis] = []
        for check in plan.checks { results.append(try runner.run(check)) }
        if args.has("--redact") {
            let redactor = Redactor(claimsList: results.map(\.diagnosis.token.claims), evidence: Evidence())
            for evidence in runner.evidenceSeen { redactor.collect(evidence) }
            results = results.map(redactor.redact)
        }

        let output = switch format {
        case "json": PreflightReport.json(results)
        case "github": WorkflowCommands.render(results, file: path)
        case "junit": JUnitReport.render(results, suite: path)
        case "sarif": SARIFReport.document(results, artifact: path)
        default: PreflightReport.text(results)
        }
        console.out(output)
        var tally = VerdictTally()
        for result in results { tally.add(result.diagnosis.verdict) }
        return tally.exitCode
    }
}

/// Reads one plan check's inputs (paths relative to the plan's directory) and evaluates it.
/// Input errors name the check and field: `check 2 ('name'), field 'token': …`.
final class PlanRunner {
    let planPath: String
    let directory: URL
    let rules: RuleSet
    let now: Date
    private var standardInput: [UInt8]?
    private var evidenceCache: [String: JSONValue] = [:]
    /// Each check's evidence, for `--redact`.
    private(set) var evidenceSeen: [Evidence] = []

    init(planPath: String, rules: RuleSet, now: Date) {
        self.planPath = planPath
        directory = URL(fileURLWithPath: planPath).deletingLastPathComponent()
        self.rules = rules
        self.now = now
    }

    func run(_ check: PlanCheck) throws(PermcheckError) -> NamedDiagnosis {
        func wrap<T>(_ field: String, _ body: () throws(PermcheckError) -> T) throws(PermcheckError) -> T {
            do { return try body() } catch {
                var inner = error.message
                if inner.hasSuffix(".") { inner.removeLast() }
                throw .inputInvalid(source: "plan '\(planPath)'", detail: "check \(check.index) ('\(check.name)'), field '\(field)': \(inner)")
            }
        }
        let resolved = try wrap(check.api != nil ? "api" : "request") { () throws(PermcheckError) -> (APIRule, RequestTarget?) in
            if let api = check.api { return (try rules.rule(named: api), nil) }
            let request = try RequestResolver.resolve(check.request ?? "", rules: rules, catalog: .embedded)
            return (request.rule, request.target)
        }
        let rule = resolved.0
        let token = try wrap("token") { () throws(PermcheckError) in try loadToken(check.token) }
        var evidence = Evidence()
        evidence.caseName = check.caseName
        evidence.collectionName = check.collectionName
        if let path = check.evidenceFiles["caseMembers"] {
            evidence.caseMembers = try wrap("caseMembers") { () throws(PermcheckError) in try EvidenceReader.caseMembers(json(path), path: path) }
            if evidence.caseName == nil { evidence.caseName = evidence.caseMembers?.caseName }
        }
        if let path = check.evidenceFiles["roleGroups"] {
            evidence.roleGroups = try wrap("roleGroups") { () throws(PermcheckError) in try EvidenceReader.roleGroups(json(path), path: path) }
        }
        if let path = check.evidenceFiles["caseAdmins"] {
            evidence.caseAdmins = try wrap("caseAdmins") { () throws(PermcheckError) in try EvidenceReader.caseAdmins(json(path), path: path) }
        }
        let policies = try check.evidenceFiles["purviewPolicies"].map { path throws(PermcheckError) in
            (path, try wrap("purviewPolicies") { () throws(PermcheckError) in try json(path) })
        }
        let collections = try check.evidenceFiles["collections"].map { path throws(PermcheckError) in
            (path, try wrap("collections") { () throws(PermcheckError) in try json(path) })
        }
        if policies != nil || collections != nil {
            evidence.purview = try wrap(policies != nil ? "purviewPolicies" : "collections") { () throws(PermcheckError) in
                try PurviewEvidenceReader.read(policies: policies, collections: collections)
            }
        }
        evidenceSeen.append(evidence)
        var input = EvaluationInput(token: token, evidence: evidence, at: check.at ?? now)
        if let headers = check.headers {
            input.request = RequestContext(headers: headers.map { header in
                let colon = header.firstIndex(of: ":")!
                return (header[..<colon].trimmingCharacters(in: .whitespaces),
                        header[header.index(after: colon)...].trimmingCharacters(in: .whitespaces))
            })
        }
        if let target = resolved.1 {
            input.request.method = target.method
            input.request.url = target.url
            input.targetCloud = target.cloud
        }
        return NamedDiagnosis(name: check.name, line: check.line, diagnosis: Evaluator.evaluate(rule, input))
    }

    /// A path from the plan, resolved against the plan's directory.
    func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : directory.appendingPathComponent(path).standardizedFileURL.path
    }

    private func json(_ path: String) throws(PermcheckError) -> JSONValue {
        let resolved = resolve(path)
        if let cached = evidenceCache[resolved] { return cached }
        let value = try InputFiles.evidenceJSON(resolved)
        evidenceCache[resolved] = value
        return value
    }

    /// Decodes the token; error messages name the source, never the token text.
    private func loadToken(_ source: PlanTokenSource) throws(PermcheckError) -> AccessToken {
        switch source {
        case .environment(let variable):
            return try TokenInput.load(argument: nil, environmentVariable: variable)
        case .standardInput:
            if standardInput == nil {
                standardInput = try InputFiles.readStandardInput(limit: InputLimits.tokenBytes, describe: "the token on standard input")
            }
            return try TokenDecoder.decode(standardInput ?? [], source: "standard input")
        case .file(let path):
            let resolved = resolve(path)
            let bytes: [UInt8]
            do { bytes = try InputFiles.read(resolved, limit: InputLimits.tokenBytes, describe: "token file") } catch {
                if case .inputInvalid(_, let detail) = error { throw .tokenUnreadable(source: "token file '\(path)'", detail: detail) }
                throw error
            }
            return try TokenDecoder.decode(bytes, source: "token file '\(path)'")
        }
    }
}
