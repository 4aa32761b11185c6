import Foundation
import PermcheckCore

/// `permcheck TOKEN --api ID [evidence…]`: the main check.
enum CheckCommand {
    static let specs: [OptionSpec] = [
        OptionSpec(name: "--api", takesValue: true), OptionSpec(name: "--token-env", takesValue: true),
        OptionSpec(name: "--case", takesValue: true), OptionSpec(name: "--case-members", takesValue: true),
        OptionSpec(name: "--role-groups", takesValue: true), OptionSpec(name: "--case-admins", takesValue: true),
        OptionSpec(name: "--purview-policies", takesValue: true), OptionSpec(name: "--collections", takesValue: true),
        OptionSpec(name: "--collection", takesValue: true), OptionSpec(name: "--header", takesValue: true),
        OptionSpec(name: "--status", takesValue: true), OptionSpec(name: "--at", takesValue: true),
        OptionSpec(name: "--changed-at", takesValue: true), OptionSpec(name: "--cloud", takesValue: true),
        OptionSpec(name: "--format", takesValue: true), OptionSpec(name: "--rules", takesValue: true),
        OptionSpec(name: "--redact", takesValue: false), OptionSpec(name: "--help", takesValue: false),
        OptionSpec(name: "--version", takesValue: false), OptionSpec(name: "--request", takesValue: true),
        OptionSpec(name: "--request-file", takesValue: true), OptionSpec(name: "--response", takesValue: true),
    ]

    static func run(_ args: Arguments, console: Console) throws(PermcheckError) -> Int32 {
        guard args.positionals.count <= 1 else {
            throw .usage("expected one token, got \(args.positionals.count) arguments ('\(args.positionals[1])'…). See 'permcheck --help'.")
        }
        let format = try CommonOptions.format(args)
        let at = try CommonOptions.time(args, "--at") ?? Date()
        let directory = args.value("--rules")
        let customRules = try directory.map { directory throws(PermcheckError) in try RuleSource.load(directory: directory) }
        let requestFile = try TriageInput.requestFile(args)
        let response = try TriageInput.response(args)
        let requestLine = args.value("--request") ?? requestFile?.request.requestLine
        // Built-in rules: parse only the file `--api` names, or the files whose requests match the request line.
        let rules: RuleSet
        if let customRules { rules = customRules } else {
            rules = try RuleSource.load(directory: nil, api: args.value("--api"), requestLine: requestLine)
        }
        if args.value("--request") != nil, args.value("--api") != nil {
            throw .usage("give either --api ID or --request \"METHOD URL\", not both. See 'permcheck --help'.")
        }
        let hasToken = !args.positionals.isEmpty || args.value("--token-env") != nil || requestFile?.request.bearerToken != nil
        if !hasToken, let response {
            // The ticket has only the error: explain it without a verdict (exit 3, "no verdict").
            var api = args.value("--api").flatMap { try? rules.rule(named: $0).id }
            if api == nil, let requestLine { api = try? RequestResolver.resolve(requestLine, rules: rules, catalog: .embedded).rule.id }
            let evidence = args.has("--redact") ? ((try? CommonOptions.evidence(args)) ?? Evidence()) : Evidence()
            let shown = args.has("--redact") ? Redactor(claimsList: [], evidence: evidence, keeping: response.supportIdentifiers).redact(response) : response
            console.out(ResponseReport.render(shown, api: api, format: format))
            return Verdict.indeterminate.exitCode
        }
        let resolved = try (args.value("--api") == nil ? requestLine : nil).map { line throws(PermcheckError) in
            try RuleSource.resolve(line, rules: rules, directory: directory)
        }
        let rule: APIRule
        switch (args.value("--api"), resolved) {
        case (let name?, _): rule = try rules.rule(named: name)
        case (nil, let resolved?): rule = resolved.rule
        case (nil, nil):
            throw .usage("missing --api ID, --request \"METHOD URL\" or --request-file FILE (run 'permcheck apis' to list the APIs). See 'permcheck --help'.")
        }
        let token: AccessToken
        if args.positionals.isEmpty, args.value("--token-env") == nil, let bearer = try TriageInput.bearerToken(requestFile) {
            token = bearer
        } else {
            token = try TokenInput.load(argument: args.positionals.first, environmentVariable: args.value("--token-env"))
        }
        var input = EvaluationInput(token: token, evidence: try CommonOptions.evidence(args), at: at)
        input.request = try CommonOptions.request(args)
        input.request.headers = TriageInput.headers(requestFile, extra: input.request)
        var target = resolved?.target
        if target == nil, let requestLine { target = try RequestTarget.parse(requestLine) }
        input.request.method = target?.method
        input.request.url = target?.url
        input.observedStatus = try CommonOptions.status(args) ?? response?.evaluationStatus
        input.targetCloud = try CommonOptions.cloud(args) ?? target?.cloud ?? response?.challenge?.authorityCloud?.cloud
        var diagnosis = Evaluator.evaluate(rule, input)
        diagnosis.observedResponse = response
        let shown = args.has("--redact") ? Redactor(diagnosis: diagnosis, evidence: input.evidence).redact(diagnosis) : diagnosis
        console.out(format.renderer(color: console.colorEnabled && format == .text).render(shown))
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

    static func time(_ args: Arguments, _ option: String) throws(PermcheckError) -> Date? {
        guard let text = args.value(option) else { return nil }
        guard let date = ISO8601.parse(text) else {
            throw .usage("\(option) '\(text)' is not an ISO 8601 time such as 2026-11-03T09:30:00Z.")
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

    static func request(_ args: Arguments) throws(PermcheckError) -> RequestContext {
        let raw = args.all("--header")
        guard !raw.isEmpty else { return RequestContext() }
        var headers: [(name: String, value: String)] = []
        for header in raw {
            guard let colon = header.firstIndex(of: ":"), colon != header.startIndex else {
                throw .usage("--header '\(header)' is not 'Name: value'.")
            }
            let name = header[..<colon].trimmingCharacters(in: .whitespaces)
            let value = header[header.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers.append((name, value))
        }
        return RequestContext(headers: headers)
    }

    static func evidence(_ args: Arguments) throws(PermcheckError) -> Evidence {
        var evidence = Evidence()
        evidence.caseName = args.value("--case")
        evidence.collectionName = args.value("--collection")
        evidence.changedAt = try time(args, "--changed-at")
        if let path = args.value("--case-members") {
            evidence.caseMembers = try EvidenceReader.caseMembers(InputFiles.evidenceJSON(path), path: path)
            if evidence.caseName == nil { evidence.caseName = evidence.caseMembers?.caseName }
        }
        if let path = args.value("--role-groups") {
            evidence.roleGroups = try EvidenceReader.roleGroups(InputFiles.evidenceJSON(path), path: path)
        }
        if let path = args.value("--case-admins") {
            evidence.caseAdmins = try EvidenceReader.caseAdmins(InputFiles.evidenceJSON(path), path: path)
        }
        let policies = try args.value("--purview-policies").map { path throws(PermcheckError) in (path, try InputFiles.evidenceJSON(path)) }
        let collections = try args.value("--collections").map { path throws(PermcheckError) in (path, try InputFiles.evidenceJSON(path)) }
        if policies != nil || collections != nil {
            evidence.purview = try PurviewEvidenceReader.read(policies: policies, collections: collections)
        }
        return evidence
    }
}
