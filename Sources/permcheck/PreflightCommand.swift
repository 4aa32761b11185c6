import Foundation
import PermcheckCore

/// `permcheck preflight PLAN [--format text|json|github|junit|sarif]`: runs every check of a plan.
enum PreflightCommand {
    static let formats = ["text", "json", "github", "junit", "sarif"]
    static let specs: [OptionSpec] = [Options.format.allowing(formats).described("output format (default text; see below)"), Options.width, Options.rules,
        Options.redact.described("replace UPNs, names, object ids, tenant ids and IPs (also in check names) with placeholders"), Options.help]

    static func run(_ arguments: [String], console: Console) throws(PermcheckError) -> Int32 {
        let args = try Arguments.parse(arguments, specs: specs, command: "preflight")
        if args.has("--help") { return try Help.show("preflight", console: console) }
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
        default: PreflightReport.text(results, style: ConsoleStyle(color: console.colorEnabled))
        }
        console.text(output, width: format == "text" ? try CommonOptions.width(args, console: console) : nil)
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
    private var evidenceCache: [String: [UInt8]] = [:]
    /// Each check's evidence, for `--redact`.
    private(set) var evidenceSeen: [Evidence] = []

    init(planPath: String, rules: RuleSet, now: Date) {
        self.planPath = planPath
        directory = URL(fileURLWithPath: planPath).deletingLastPathComponent()
        self.rules = rules
        self.now = now
    }

    func run(_ check: PlanCheck) throws(PermcheckError) -> NamedDiagnosis {
        let choice: CheckInput.RuleChoice = check.api.map { .api($0) } ?? .request(check.request ?? "")
        var input = CheckInput(rule: choice, rules: .loaded(rules), token: .deferred { () throws(PermcheckError) in
            try self.readToken(check.token)
        }, at: check.at ?? now)
        input.evidence.caseName = check.caseName
        input.evidence.collectionName = check.collectionName
        input.documents = EvidenceKind.all.compactMap { kind in
            check.evidenceFiles[kind.key].map { path in
                CheckInput.EvidenceDocument(kind: kind, path: path, content: .bytes { () throws(PermcheckError) in try self.evidenceBytes(path) })
            }
        }
        input.headers = check.headers?.map { header in
            let colon = header.firstIndex(of: ":")!
            return (header[..<colon].trimmingCharacters(in: .whitespaces),
                    header[header.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        let prepared = try Permcheck.prepare(input) { field, error in
            let name = switch field {
            case .rule: check.api != nil ? "api" : "request"
            case .token: "token"
            case .evidence(let kind): kind.key
            }
            var inner = error.message
            if inner.hasSuffix(".") { inner.removeLast() }
            return .inputInvalid(source: "plan '\(planPath)'", detail: "check \(check.index) ('\(check.name)'), field '\(name)': \(inner)")
        }
        evidenceSeen.append(prepared.input.evidence)
        return NamedDiagnosis(name: check.name, line: check.line, diagnosis: prepared.evaluate())
    }

    /// A path from the plan, resolved against the plan's directory.
    func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : directory.appendingPathComponent(path).standardizedFileURL.path
    }

    /// An evidence file's bytes, read once however many checks name it.
    private func evidenceBytes(_ path: String) throws(PermcheckError) -> [UInt8] {
        let resolved = resolve(path)
        if let cached = evidenceCache[resolved] { return cached }
        let bytes = try InputFiles.evidenceBytes(resolved)
        evidenceCache[resolved] = bytes
        return bytes
    }

    /// Reads the token's bytes; error messages name the source, never the token text.
    private func readToken(_ source: PlanTokenSource) throws(PermcheckError) -> (bytes: [UInt8], source: String) {
        switch source {
        case .environment(let variable):
            return try TokenInput.read(argument: nil, environmentVariable: variable)
        case .standardInput:
            if standardInput == nil {
                standardInput = try InputFiles.readStandardInput(limit: InputLimits.tokenBytes, describe: "the token on standard input")
            }
            return (standardInput ?? [], "standard input")
        case .file(let path):
            let resolved = resolve(path)
            let bytes: [UInt8]
            do { bytes = try InputFiles.read(resolved, limit: InputLimits.tokenBytes, describe: "token file") } catch {
                if case .inputInvalid(_, let detail) = error { throw .tokenUnreadable(source: "token file '\(path)'", detail: detail) }
                throw error
            }
            return (bytes, "token file '\(path)'")
        }
    }
}
