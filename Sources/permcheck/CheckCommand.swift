import Foundation
import PermcheckCore

/// `permcheck TOKEN --api ID [evidence…]`: the main check.
enum CheckCommand {
    static let specs: [OptionSpec] = [Options.api, Options.request, Options.requestFile, Options.response, Options.tokenEnv]
        + Options.evidenceGroup
        + [Options.header, Options.status, Options.at, Options.cloud, Options.format, Options.redact, Options.rules,
           Options.width, Options.version, Options.help]

    static func run(_ args: Arguments, console: Console) throws(PermcheckError) -> Int32 {
        guard args.positionals.count <= 1 else {
            throw .usage("expected one token, got \(args.positionals.count) arguments ('\(args.positionals[1])'…). See 'permcheck --help'.")
        }
        let format = try CommonOptions.format(args)
        let at = try CommonOptions.time(args, "--at") ?? Date()
        let table = try CommonOptions.ruleTable(args)
        let requestFile = try TriageInput.requestFile(args)
        let response = try TriageInput.response(args)
        let requestLine = args.value("--request") ?? requestFile?.request.requestLine
        if args.value("--request") != nil, args.value("--api") != nil {
            throw .usage("give either --api ID or --request \"METHOD URL\", not both. See 'permcheck --help'.")
        }
        let choice: CheckInput.RuleChoice? = args.value("--api").map { .api($0) } ?? requestLine.map { .request($0) }
        let hasToken = !args.positionals.isEmpty || args.value("--token-env") != nil || requestFile?.request.bearerToken != nil
        if !hasToken, let response {
            // The ticket has only the error: explain it without a verdict (exit 3, "no verdict").
            let api = choice.flatMap { try? Permcheck.resolveRule($0, in: table).0.id }
            let evidence = args.has("--redact")
                ? ((try? Permcheck.readEvidence(CommonOptions.evidenceDocuments(args), into: Evidence())) ?? Evidence()) : Evidence()
            let shown = args.has("--redact") ? Redactor(claimsList: [], evidence: evidence, keeping: response.supportIdentifiers).redact(response) : response
            console.text(ResponseReport.render(shown, api: api, format: format), width: format == .text ? try CommonOptions.width(args, console: console) : nil)
            return Verdict.indeterminate.exitCode
        }
        guard let choice else {
            throw .usage("missing --api ID, --request \"METHOD URL\" or --request-file FILE (run 'permcheck apis' to list the APIs). See 'permcheck --help'.")
        }
        let token: CheckInput.TokenSource
        if args.positionals.isEmpty, args.value("--token-env") == nil, let requestFile, requestFile.request.bearerToken != nil {
            token = .deferred { () throws(PermcheckError) in try TriageInput.bearerToken(requestFile) }
        } else {
            token = .deferred { () throws(PermcheckError) in
                try TokenInput.read(argument: args.positionals.first, environmentVariable: args.value("--token-env"))
            }
        }
        var input = try CommonOptions.checkInput(args, rule: choice, rules: table, token: token, at: at)
        input.requestLine = args.value("--api") != nil ? requestLine : nil
        input.headers = TriageInput.headers(requestFile, extra: input.headers)
        input.observedResponse = response
        let prepared = try Permcheck.prepare(input)
        let diagnosis = prepared.evaluate()
        let shown = args.has("--redact") ? Redactor(diagnosis: diagnosis, evidence: prepared.input.evidence).redact(diagnosis) : diagnosis
        console.text(format.renderer(color: console.colorEnabled && format == .text).render(shown), width: format == .text ? try CommonOptions.width(args, console: console) : nil)
        return diagnosis.verdict.exitCode
    }
}

/// Options shared by the check, compare, preflight and batch commands.
enum CommonOptions {
    static func format(_ args: Arguments, allowed: [OutputFormat] = OutputFormat.allCases) throws(PermcheckError) -> OutputFormat {
        guard let text = args.value("--format") else { return .text }
        guard let format = OutputFormat(argument: text), allowed.contains(format) else {
            throw .usage("unknown format '\(text)'; use \(allowed.map(\.rawValue).joined(separator: ", ")).")
        }
        return format
    }

    /// The width text output wraps at: `--width N` (0: none), else the terminal's when stdout is one, else none —
    /// piped output, golden files and tickets stay one line per line.
    static func width(_ args: Arguments, console: Console) throws(PermcheckError) -> Int? {
        guard let text = args.value("--width") else { return console.terminalWidth }
        guard let width = Int(text), width >= 0 else { throw .usage("--width '\(text)' is not a number of columns such as 100.") }
        return width == 0 ? nil : width
    }

    static func time(_ args: Arguments, _ option: String) throws(PermcheckError) -> Date? {
        guard let text = args.value(option) else { return nil }
        guard let date = ISO8601.parseInstant(text) else {
            throw .usage("\(option) '\(text)' \(ISO8601.instantProblem(text) ?? "is not a time").")
        }
        return date
    }

    static func status(_ args: Arguments) throws(PermcheckError) -> Int? {
        guard let text = args.value("--status") else { return nil }
        guard let status = Int(text), (100...599).contains(status) else {
            throw .usage("--status '\(text)' is not an HTTP status code such as 401 or 403.")
        }
        return status
    }

    static func cloud(_ args: Arguments) throws(PermcheckError) -> Cloud? {
        guard let text = args.value("--cloud") else { return nil }
        guard let cloud = Cloud(userInput: text) else {
            throw .usage("--cloud '\(text)' is not a cloud; use global, gcc, gcc-high, dod or china.")
        }
        return cloud
    }

    static func headers(_ args: Arguments) throws(PermcheckError) -> [(name: String, value: String)]? {
        let raw = args.all("--header")
        guard !raw.isEmpty else { return nil }
        var headers: [(name: String, value: String)] = []
        for header in raw {
            guard let colon = header.firstIndex(of: ":"), colon != header.startIndex else {
                throw .usage("--header '\(header)' is not 'Name: value'.")
            }
            let name = header[..<colon].trimmingCharacters(in: .whitespaces)
            let value = header[header.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers.append((name, value))
        }
        return headers
    }

    /// `--rules DIR` loaded, or the built-in rules.
    static func ruleTable(_ args: Arguments) throws(PermcheckError) -> CheckInput.RuleTable {
        guard let directory = args.value("--rules") else { return .builtIn }
        return .loaded(try RuleSource.load(directory: directory))
    }

    /// The check the options describe: target case and collection, grant change time, evidence files, headers,
    /// status and cloud. The caller sets the rule, token and anything its command adds.
    static func checkInput(_ args: Arguments, rule: CheckInput.RuleChoice, rules: CheckInput.RuleTable,
                           token: CheckInput.TokenSource, at: Date) throws(PermcheckError) -> CheckInput {
        var input = CheckInput(rule: rule, rules: rules, token: token, at: at)
        input.evidence.caseName = args.value("--case")
        input.evidence.collectionName = args.value("--collection")
        input.evidence.changedAt = try time(args, "--changed-at")
        input.documents = try evidenceDocuments(args)
        input.headers = try headers(args)
        input.observedStatus = try status(args)
        input.targetCloud = try cloud(args)
        return input
    }

    /// The evidence files named on the command line, one option per row of the evidence table.
    /// Each evidence option, and `--case`/`--collection`, takes one value: a second one is refused rather than
    /// silently replacing the first (one file per kind; merge exports before passing them).
    static func evidenceDocuments(_ args: Arguments) throws(PermcheckError) -> [CheckInput.EvidenceDocument] {
        for name in EvidenceKind.all.map(\.optionName) + ["--case", "--collection"] where args.all(name).count > 1 {
            throw .usage("\(name) was given \(args.all(name).count) times; it takes one value (\(args.all(name).map { "'\($0)'" }.joined(separator: ", "))). Pass it once\(name == "--case" || name == "--collection" ? "" : "; to combine exports, merge them into one file")")
        }
        return EvidenceKind.all.compactMap { kind in
            args.value(kind.optionName).map { path in
                CheckInput.EvidenceDocument(kind: kind, path: path, content: .bytes { () throws(PermcheckError) in try InputFiles.evidenceBytes(path) })
            }
        }
    }
}
