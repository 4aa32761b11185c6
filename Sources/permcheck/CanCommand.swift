import Foundation
import PermcheckCore

/// `permcheck can TOKEN "METHOD URL"` and `permcheck can TOKEN --list [--grep TEXT]`.
enum CanCommand {
    static let specs: [OptionSpec] = [
        Options.list, Options.grep.described("with --list: only the operations whose path or permission contains TEXT"),
        Options.format.allowing(["text", "json"]), Options.width, Options.tokenEnv, Options.status, Options.response, Options.changedAt,
        Options.header, Options.at, Options.cloud, Options.redact, Options.rules, Options.help,
    ]

    static func run(_ arguments: [String], console: Console) throws(PermcheckError) -> Int32 {
        let args = try Arguments.parse(arguments, specs: specs, command: "can")
        if args.has("--help") { return try Help.show("can", console: console) }
        let format = try CommonOptions.format(args, allowed: [.text, .json])
        let usesEnv = args.value("--token-env") != nil
        let expected = (args.has("--list") ? 0 : 1) + (usesEnv ? 0 : 1)
        guard args.positionals.count == expected else {
            throw .usage(args.has("--list")
                ? "can --list takes the token only, e.g. permcheck can TOKEN --list. See 'permcheck can --help'."
                : "can takes a token and a request, e.g. permcheck can TOKEN \"GET https://graph.microsoft.com/v1.0/me\". See 'permcheck can --help'.")
        }
        if args.value("--grep") != nil, !args.has("--list") { throw .usage("--grep works with --list only.") }
        if args.has("--list"), let option = ["--status", "--response", "--changed-at", "--header", "--at", "--cloud", "--rules"].first(where: { args.values[$0] != nil }) {
            // The list considers permissions only; an option it would ignore is refused rather than dropped.
            throw .usage("\(option) does not apply to can --list (it lists what the token's permissions allow). See 'permcheck can --help'.")
        }
        let token = try TokenInput.load(argument: usesEnv ? nil : args.positionals[0], environmentVariable: args.value("--token-env"))
        if args.has("--list") {
            let shown = args.has("--redact") ? Redactor(claimsList: [token.claims], evidence: Evidence()).redact(token) : token
            let list = GraphAccessList(token: shown, catalog: .embedded, grep: args.value("--grep"))
            let output = format == .json ? JSONWriter.write(list.json(), pretty: true) + "\n" : list.text()
            console.text(output, width: format == .json ? nil : try CommonOptions.width(args, console: console))
            return 0
        }
        let (resolved, diagnosis) = try diagnose(token, args.positionals.last!, args: args)
        // Like the main check: the status or answer the user saw, and when they changed a grant.
        let options = (args.value("--status").map { ["--status", $0] } ?? [])
            + (args.value("--response").map { ["--response", $0] } ?? [])
            + (args.value("--changed-at").map { ["--changed-at", $0] } ?? [])
        let shown = args.has("--redact") ? Redactor(diagnosis: diagnosis, evidence: Evidence()).redact(diagnosis) : diagnosis
        let output = format == .json ? JSONRenderer().render(shown) : CanReport.text(resolved, shown, passing: options, style: ConsoleStyle(color: console.colorEnabled))
        console.text(output, width: format == .json ? nil : try CommonOptions.width(args, console: console))
        return diagnosis.verdict.exitCode
    }

    /// Resolves `line` (built-in rules first, then the Graph catalogue) and evaluates the token against it.
    static func diagnose(_ token: AccessToken, _ line: String, args: Arguments) throws(PermcheckError) -> (ResolvedRequest, Diagnosis) {
        var input = try CommonOptions.checkInput(args, rule: .request(line), rules: try CommonOptions.ruleTable(args),
                                                 token: .decoded(token), at: try CommonOptions.time(args, "--at") ?? Date())
        input.observedResponse = try TriageInput.response(args)
        return try diagnose(input)
    }

    /// Runs a `can` check (a request line, no evidence) through the pipeline; `permcheck can` and the MCP `can` tool
    /// share it.
    static func diagnose(_ input: CheckInput) throws(PermcheckError) -> (ResolvedRequest, Diagnosis) {
        let prepared = try Permcheck.prepare(input)
        guard let resolved = prepared.request else { throw .usage("'can' needs a request \"METHOD URL\".") }
        return (resolved, prepared.evaluate())
    }
}

/// `permcheck permissions SCOPE [--for "METHOD URL"]`: the reverse look-up.
enum PermissionsCommand {
    static let specs: [OptionSpec] = [Options.forRequest, Options.format.allowing(["text", "json"]), Options.width, Options.help]

    static func run(_ arguments: [String], console: Console) throws(PermcheckError) -> Int32 {
        let args = try Arguments.parse(arguments, specs: specs, command: "permissions")
        if args.has("--help") { return try Help.show("permissions", console: console) }
        guard args.positionals.count == 1 else {
            throw .usage("permissions takes one permission name, e.g. permcheck permissions Mail.Read. See 'permcheck permissions --help'.")
        }
        let format = try CommonOptions.format(args, allowed: [.text, .json])
        let report = try report(args.positionals[0], for: args.value("--for"))
        if format == .json { console.out(JSONWriter.write(report.json(), pretty: true) + "\n") } else {
            console.text(report.text(), width: try CommonOptions.width(args, console: console))
        }
        return report.operation != nil && report.schemesForOperation.isEmpty ? 1 : 0
    }

    /// What `permission` grants (and, with `line`, whether it suffices for that operation); `permcheck permissions`
    /// and the MCP `permissions` tool share it. Throws when neither a catalogued operation nor a built-in rule accepts the name.
    static func report(_ permission: String, for line: String?) throws(PermcheckError) -> GraphPermissionReport {
        let catalog = GraphCatalog.embedded
        let operation = try line.map { line throws(PermcheckError) -> GraphOperation in
            let target = try RequestTarget.parse(line)
            guard target.isGraph, let match = catalog.match(target) else {
                _ = try RequestResolver.resolve(line, rules: try RuleSet([]), catalog: catalog)
                throw .usage("the request '\(line)' is not a Microsoft Graph operation.")
            }
            return match.operation
        }
        let rules = try RuleSet.builtIn()
        let report = GraphPermissionReport(permission: permission, catalog: catalog, operation: operation, rules: rules)
        if report.grants.isEmpty && report.ruleUses.isEmpty {
            let close = Suggest.closest(to: report.permission, in: Array(Set(catalog.permissionNames + RulePermissionUse.names(in: rules))).sorted(), limit: 3)
            let hint = close.isEmpty ? "" : "; closest names: " + close.map { "'\($0)'" }.joined(separator: ", ")
            throw .inputInvalid(source: "the permission '\(report.permission)'", detail: "no Microsoft Graph operation in the built-in catalogue and no built-in rule accepts it\(hint)")
        }
        return report
    }
}
