import PermcheckCore

/// `--help` for every command, generated from ``CLI/commands`` and the commands' option declarations (``Options``):
/// the usage lines, what the command does (``descriptions``), then its options with their help texts.
enum Help {
    /// Prints the help of `name` (the main help when `nil`); an unknown name is a usage error with a suggestion.
    static func show(_ name: String?, console: Console) throws(PermcheckError) -> Int32 {
        guard let name else { console.out(main(width: console.helpWidth)); return 0 }
        guard let text = forCommand(name, width: console.helpWidth) else {
            let hint = Suggest.closest(to: name, in: CLI.subcommands, limit: 1).first.map { "; did you mean '\($0)'?" } ?? "."
            throw .usage("no command '\(name)'\(hint) See 'permcheck --help'.")
        }
        console.out(text)
        return 0
    }

    /// A subcommand's help: usage lines, its description, its options.
    static func forCommand(_ name: String, width: Int) -> String? {
        guard !name.isEmpty, let command = CLI.command(name) else { return nil }
        var text = command.usages.map { "permcheck \(name) \($0.synopsis)\n" }.joined()
        if let description = descriptions[name] { text += TextWrap.paragraphs(description, width: width, indent: 2) }
        let options = command.options.filter { $0.name != "--help" }
        if !options.isEmpty { text += "\nOPTIONS\n" + table(options, width: width) }
        if let after = footers[name] { text += "\n" + TextWrap.paragraphs(after, width: width, indent: 0) }
        return text + "\n"
    }

    /// `permcheck --help`: every command's usage, then the main check's evidence and options.
    static func main(width: Int) -> String {
        var text = TextWrap.paragraphs("""
        permcheck — why did this Microsoft API call return 401/403, and what is the least privilege that fixes it?
        Offline: reads a token and exported evidence, never the network. Never prints the token; shows a fingerprint.
        """, width: width, indent: 0)
        text += "\nUSAGE\n"
        let usages = CLI.commands.flatMap { command in
            command.usages.map { (["permcheck", command.name, $0.synopsis].filter { !$0.isEmpty }.joined(separator: " "), $0.summary) }
        }
        text += columns(usages, width: width, cap: 50)
        text += "\nTOKEN\n" + TextWrap.paragraphs("""
        a file holding the token, '-' for standard input, or --token-env VAR. Accepted: a compact JWT, 'Bearer <jwt>', \
        or JSON with accessToken (az account get-access-token) or access_token (OAuth response).
        """, width: width, indent: 2)
        let evidence = Set(Options.evidenceGroup.map(\.name))
        text += "\nEVIDENCE (what the token cannot show)\n" + table(CheckCommand.specs.filter { evidence.contains($0.name) }, width: width)
        text += "\nOPTIONS\n" + table(CheckCommand.specs.filter { !evidence.contains($0.name) }, width: width)
        text += "\nEXIT CODES\n" + TextWrap.paragraphs("""
        0 allowed · 1 denied · 2 usage or input error · 3 indeterminate (evidence missing) or no verdict (--response \
        without a token)
        """, width: width, indent: 2)
        return text + "\n"
    }

    /// Options as a two-column table: synopsis, then the help text with its hanging indent.
    static func table(_ options: [OptionSpec], width: Int) -> String {
        columns(options.map { ($0.synopsis, $0.fullHelp) }, width: width, cap: 30)
    }

    /// Left column padded to a common width (at most `cap`), right column wrapped under itself.
    static func columns(_ rows: [(String, String)], width: Int, cap: Int) -> String {
        let column = min(cap, (rows.map(\.0.count).max() ?? 0) + 2)
        return rows.map { left, right in
            let lead = "  " + left
            if left.count + 2 > column { return TextWrap.line(lead, width: width, hang: 2 + column) + "\n" + TextWrap.line(String(repeating: " ", count: 2 + column) + right, width: width, hang: 2 + column) + "\n" }
            return TextWrap.line(lead.padding(toLength: 2 + column, withPad: " ", startingAt: 0) + right, width: width, hang: 2 + column) + "\n"
        }.joined()
    }

    /// What each command does, after its usage lines (options are listed from their declarations).
    static let descriptions: [String: String] = [
        "decode": """
        Prints every claim with a one-line meaning, the identity kind, names of well-known app and role ids, the cloud, \
        the version and the lifetime. The signature is not verified (offline; Graph tokens cannot be).
        """,
        "apis": "Lists the API rules: id, title and aliases. Nothing matching --family or --grep is an error (exit 2).",
        "explain": """
        Prints every requirement of an API: what it checks, the status its failure gives, the least-privileged fix, \
        confidence (documented / community-reported / inferred) and sources; then the least-privilege grant sets.
        """,
        "rules": """
        lint validates rule files (schema, unknown keys, duplicate ids, sources, fixes, URL templates, statuses, \
        examples); prints file:line problems, exits 1 on any. test runs the examples of the rule files in DIR \
        (default: the built-in rules).
        """,
        "compare": """
        Checks both tokens (GOOD_TOKEN, the working one, first) against the same API, evidence, headers and time, then shows \
        only what decides the difference: the requirements whose outcome differs (or that both meet by different \
        routes, e.g. case member vs eDiscovery Administrator) and the claim or evidence values behind them (audience, \
        client app, scp/roles, wids, version, cloud, case access, role groups and their roles, collection roles), with \
        fixes for the bad caller and each side's stale-token hints. --redact covers both tokens.
        Exit codes: 0 same verdict · 1 verdicts differ · 2 usage or input error.
        """,
        "can": """
        Answers for any request: a hand-written rule when one covers it, otherwise the Microsoft Graph permissions \
        table (built-in catalogue, offline). Decides with the token's 'scp' (delegated) or 'roles' (app-only), predicts \
        401 vs 403 and names the least-privileged permission to add. Paths may use ids or {id}, /me, v1.0 or beta, \
        OData keys, casts, $value/$count/$ref; query strings are ignored. The Graph host sets the cloud \
        (graph.microsoft.us → GCC High, dod-graph.microsoft.us → DoD, microsoftgraph.chinacloudapi.cn → China). \
        Unknown path → exit 2 with the closest known operations. --format json prints the diagnosis JSON.
        --status/--response/--changed-at work as in the main check: a 401/403 the model does not predict is never \
        ALLOWED (see docs/triage.md). A request a hand-written rule covers whose evidence (role groups, case \
        membership …) can't be given to 'can' ends with the exact main-check command that decides it.
        Exit codes as the main check: 0 allowed · 1 denied · 2 usage/input error · 3 indeterminate.
        With --list: every Graph operation the token's permissions allow, grouped by resource (like kubectl auth \
        can-i --list). Considers permissions only (not audience or lifetime). Exit 0.
        """,
        "permissions": """
        Reverse look-up in the Microsoft Graph permissions table: every operation NAME (e.g. Mail.Read) grants, under \
        which schemes (delegated, application, personal) and whether it is the least-privileged one. \
        Then the hand-written rules whose scope/appRole requirements accept NAME, with the token audience they need: \
        this is how permissions of other APIs are known (e.g. eDiscovery.Download.Read on MicrosoftPurviewEDiscovery). \
        Exit 0 (with --for: 0 accepted, 1 not accepted); unknown permission → exit 2 with close names.
        """,
        "preflight": """
        Runs every check of a plan (token source, API, evidence; see docs/pipelines.md) and exits 0 only if every \
        check is allowed, 1 if any is denied, 3 if any is indeterminate and none denied, 2 on a bad plan. Paths in \
        the plan are relative to the plan file's directory. Tokens are never printed.
        """,
        "batch": """
        Reads JSON Lines (a file, or standard input when FILE is '-' or absent). Each line is a bare token or \
        {"token": "…", "api": "ID", "case": "NAME", "id": "…"} ("request": "METHOD URL" instead of "api"); --api or \
        --request and the evidence options apply to every line. Writes one compact JSON record per line, in input \
        order, as it goes: by default the brief record {line, id, api, verdict, predictedStatus, unmet, unknown, \
        principal, token, fix}; with --full the diagnosis JSON plus "id" and "line". A bad line gives {"id", "line", \
        "error"} and the batch goes on. Blank lines are skipped. Memory stays constant whatever the input size. \
        Tokens are never printed. Both records: docs/batch.md.
        Exit: 2 if any line was malformed, else 1 if any denied, else 3 if any indeterminate, else 0. A progress line \
        is shown on stderr when stderr is a terminal and the input is a file.
        """,
        "mcp": """
        A Model Context Protocol server on standard input/output for AI assistants (VS Code agent mode, Claude \
        Desktop, Copilot CLI): one JSON-RPC 2.0 message per line; logs on standard error; end of input stops it. \
        Tools: check, can, can_list, decode, explain, permissions, triage (the CLI's commands; results carry the \
        CLI's JSON output as structuredContent). Resources: permcheck://rules, permcheck://graph/catalogue. \
        Offline; tokens are never echoed (fingerprint only). Registration and a worked example: docs/mcp.md.
        """,
        "completions": "Prints a completion script for every subcommand and option.",
        "help": "Prints the help of COMMAND, or the main help.",
    ]

    /// Text after the options.
    static let footers: [String: String] = [
        "preflight": """
        FORMATS
          text     one line per check and a summary (default)
          json     an array: the diagnosis JSON of each check plus "check" (its name)
          github   GitHub Actions workflow commands (::error/::warning/::notice) that become annotations
          junit    JUnit XML: a failure per denied check, skipped for indeterminate
          sarif    SARIF 2.1.0: one result per failing requirement, ruleId <api>/<requirement>
        """,
        "completions": """
        INSTALL
          permcheck completions bash > ~/.local/share/bash-completion/completions/permcheck
          permcheck completions zsh  > "${fpath[1]}/_permcheck"
          permcheck completions fish > ~/.config/fish/completions/permcheck.fish
        """,
    ]
}
