/// Help texts, one per subcommand; `permcheck help COMMAND` and `COMMAND --help` print them.
enum Help {
    static func forCommand(_ name: String) -> String? {
        switch name {
        case "decode": decode
        case "apis": apis
        case "explain": explain
        case "rules": rules
        case "compare": compare
        case "can": can
        case "permissions": permissions
        case "preflight": preflight
        case "batch": batch
        case "mcp": mcp
        case "completions": completions
        default: nil
        }
    }

    static let main = """
    permcheck — why did this Microsoft API call return 401/403, and what is the least privilege that fixes it?
    Offline: reads a token and exported evidence, never the network. Never prints the token; shows a fingerprint.

    USAGE
      permcheck TOKEN --api ID [evidence] [options]     check a token against an API's rule
      permcheck --request-file F --response F [options] triage a ticket from its pasted request and error
      permcheck decode TOKEN [--format text|json]       every claim with its meaning
      permcheck apis [--family F] [--grep TEXT]         list the APIs permcheck knows
      permcheck explain ID                              an API's requirements, fixes and sources
      permcheck rules lint|test [DIR]                   validate rule files / run their examples
      permcheck compare GOOD BAD --api ID [evidence]    what decides "works for A, not for B"
      permcheck can TOKEN "METHOD URL"                  may this token call any Microsoft Graph operation?
      permcheck can TOKEN --list [--grep TEXT]          every Graph operation the token's permissions allow
      permcheck permissions NAME [--for "METHOD URL"]   what a Graph permission grants; alternatives
      permcheck preflight PLAN [--format F]             run a plan of checks in a pipeline (F: text|json|github|junit|sarif)
      permcheck batch [FILE|-] [--api ID] [--summary]   triage JSON Lines of tokens, one verdict per line
      permcheck mcp [--redact]                          serve the checks to AI assistants (Model Context Protocol, stdio)
      permcheck completions bash|zsh|fish               print a shell completion script

    TOKEN
      a file holding the token, '-' for standard input, or --token-env VAR. Accepted: a compact JWT,
      'Bearer <jwt>', or JSON with accessToken (az account get-access-token) or access_token (OAuth response).

    EVIDENCE (what the token cannot show)
      --case NAME                 the eDiscovery case the call targets
      --case-members FILE         Get-ComplianceCaseMember -Case NAME | ConvertTo-Json -Depth 5
      --role-groups FILE          Get-RoleGroup | ConvertTo-Json -Depth 5 (or {"group": {"roles": [], "members": []}})
      --case-admins FILE          Get-eDiscoveryCaseAdmin | ConvertTo-Json -Depth 5
      --purview-policies FILE     GET https://{account}.purview.azure.com/policystore/metadataPolicies
      --collections FILE          GET https://{account}.purview.azure.com/account/collections
      --collection NAME           the Purview collection the call targets
      --site-permissions FILE     GET /sites/{site}/permissions, or Get-MgSitePermission | ConvertTo-Json -Depth 5
      --app-access-policies FILE  Get-ApplicationAccessPolicy (or Test-ApplicationAccessPolicy) | ConvertTo-Json
      --exchange-role-assignments FILE
                                  Get-ManagementRoleAssignment -RoleAssigneeType ServicePrincipal | ConvertTo-Json
                                  (or Test-ServicePrincipalAuthorization | ConvertTo-Json)
      --group-members FILE        Get-MgGroupMember / Get-DistributionGroupMember | ConvertTo-Json -Depth 5
      --mailbox-permissions FILE  Get-MailboxPermission / Get-MailboxFolderPermission | ConvertTo-Json -Depth 5
      --changed-at ISO8601        when you changed the grant (flags tokens issued before it)

    OPTIONS
      --api ID                    the API rule (id or alias; see 'permcheck apis')
      --request "METHOD URL"      instead of --api: the rule matching this request (hand-written rules first,
                                  then any Microsoft Graph operation from the built-in permissions catalogue)
      --request-file FILE         a raw HTTP request (browser/Fiddler "copy as raw"): method, URL, headers; the
                                  token may come from its 'Authorization: Bearer' header (never printed)
      --response FILE             what the service answered: error body JSON, raw HTTP response, WWW-Authenticate
                                  value, or AADSTS text; explained from rules/data/error-codes.json. Without any
                                  token: the explanation only, no verdict (exit 3)
      --header 'Name: value'      a header the request sends (repeatable)
      --status 401|403            the status you saw; ranks findings and shows reported causes
      --at ISO8601                evaluate at this time instead of now (replay a ticket)
      --cloud CLOUD               the target endpoint's cloud: global, gcc, gcc-high, dod, china
      --format text|json|markdown output format (default text)
      --redact                    replace UPNs, names, object ids, tenant ids and IPs with placeholders
      --rules DIR                 use the rule files in DIR instead of the built-in ones
      --version, --help

    EXIT CODES
      0 allowed · 1 denied · 2 usage or input error · 3 indeterminate (evidence missing) or no verdict (--response
      without a token)

    """

    static let decode = """
    permcheck decode TOKEN [--format text|json] [--at ISO8601] [--redact] [--token-env VAR]
      Prints every claim with a one-line meaning, the identity kind, names of well-known app and role ids,
      the cloud, the version and the lifetime. The signature is not verified (offline; Graph tokens cannot be).

    """

    static let apis = """
    permcheck apis [--family ediscovery|graph|purview] [--grep TEXT] [--rules DIR]
      Lists the API rules: id, title and aliases.

    """

    static let explain = """
    permcheck explain ID [--rules DIR]
      Prints every requirement of an API: what it checks, the status its failure gives, the least-privileged fix,
      confidence (documented / community-reported / inferred) and sources; then the least-privilege grant sets.

    """

    static let compare = """
    permcheck compare GOOD_TOKEN BAD_TOKEN --api ID [evidence] [options] [--all]
      Checks both tokens against the same API, evidence, headers and time, then shows only what decides the
      difference: the requirements whose outcome differs (or that both meet by different routes, e.g. case member
      vs eDiscovery Administrator) and the claim or evidence values behind them (audience, client app, scp/roles,
      wids, version, cloud, case access, role groups and their roles, collection roles), with fixes for the bad
      caller and each side's stale-token hints. --status is the status the bad caller saw. Takes the evidence options and --header, --at, --status, --cloud,
      --changed-at, --format text|json|markdown, --redact (covers both tokens) and --rules of the main check.
      --all also lists values that differ but decide nothing (iat, uti, names, ids, other claims).
      Exit codes: 0 same verdict · 1 verdicts differ · 2 usage or input error.

    """

    static let rules = """
    permcheck rules lint [DIR]   validate rule files (schema, unknown keys, duplicate ids, sources, fixes,
                                 URL templates, statuses, examples); prints file:line problems, exits 1 on any
    permcheck rules test [DIR]   run the examples of the rule files in DIR (default: the built-in rules)

    """

    static let can = """
    permcheck can TOKEN "METHOD URL" [--format text|json] [--at ISO8601] [--cloud CLOUD] [--status N] [--response FILE]
                   [--changed-at ISO8601] [--header "Name: value"] [--rules DIR]
      Answers for any request: a hand-written rule when one covers it, otherwise the Microsoft Graph permissions
      table (built-in catalogue, offline). Decides with the token's 'scp' (delegated) or 'roles' (app-only),
      predicts 401 vs 403 and names the least-privileged permission to add. Paths may use ids or {id}, /me,
      v1.0 or beta, OData keys, casts, $value/$count/$ref; query strings are ignored. The Graph host sets the
      cloud (graph.microsoft.us → GCC High, dod-graph.microsoft.us → DoD, microsoftgraph.chinacloudapi.cn → China).
      Unknown path → exit 2 with the closest known operations. --format json prints the diagnosis JSON.
      --status/--response/--changed-at work as in the main check: a 401/403 the model does not predict is never
      ALLOWED (see docs/triage.md). A request a hand-written rule covers whose evidence (role groups, case
      membership …) can't be given to 'can' ends with the exact main-check command that decides it.
      Exit codes as the main check: 0 allowed · 1 denied · 2 usage/input error · 3 indeterminate.
    permcheck can TOKEN --list [--grep TEXT] [--format text|json]
      Every Graph operation the token's permissions allow, grouped by resource (like kubectl auth can-i --list).
      Considers permissions only (not audience or lifetime). Exit 0.

    """

    static let permissions = """
    permcheck permissions NAME [--for "METHOD URL"] [--format text|json]
      Reverse look-up in the Microsoft Graph permissions table: every operation NAME (e.g. Mail.Read) grants,
      under which schemes (delegated, application, personal) and whether it is the least-privileged one.
      With --for, first answers for that operation: is NAME accepted, and the least-privileged alternatives.
      Exit 0 (with --for: 0 accepted, 1 not accepted); unknown permission → exit 2 with close names.

    """

    static let preflight = """
    permcheck preflight PLAN.json [--format text|json|github|junit|sarif] [--rules DIR]
      Runs every check of a plan (token source, API, evidence; see README "Pipelines") and exits 0 only if every
      check is allowed, 1 if any is denied, 3 if any is indeterminate and none denied, 2 on a bad plan.
      Paths in the plan are relative to the plan file's directory. Tokens are never printed.
      --format text     one line per check and a summary (default)
      --format json     an array: the diagnosis JSON of each check plus "check" (its name)
      --format github   GitHub Actions workflow commands (::error/::warning/::notice) that become annotations
      --format junit    JUnit XML: a failure per denied check, skipped for indeterminate
      --format sarif    SARIF 2.1.0: one result per failing requirement, ruleId <api>/<requirement>

    """

    static let batch = """
    permcheck batch [FILE|-] [--api ID] [evidence] [--at ISO8601] [--format json|sarif] [--summary] [--jobs N]
      Reads JSON Lines (a file, or standard input when FILE is '-' or absent). Each line is a bare token or
      {"token": "…", "api": "ID", "case": "NAME", "id": "…"}; --api and the evidence options apply to every line.
      Writes one compact JSON verdict per line, in input order, as it goes (the diagnosis JSON plus "id" and
      "line"); a bad line gives {"id", "line", "error"} and the batch goes on. Blank lines are skipped.
      Memory stays constant whatever the input size. Tokens are never printed.
      --summary         counts by verdict, by failing requirement and by API on stderr at the end
      --jobs N          evaluate on N threads (output order is kept)
      --format sarif    one SARIF 2.1.0 document instead of JSON Lines
      Evidence options: --case, --case-members, --role-groups, --case-admins, --purview-policies,
      --collections, --collection, --header, --changed-at, --cloud, --status, --rules (as for the main check).
      Exit: 2 if any line was malformed, else 1 if any denied, else 3 if any indeterminate, else 0.
      A progress line is shown on stderr when stderr is a terminal and the input is a file.

    """

    static let completions = """
    permcheck completions bash|zsh|fish
      Prints a completion script for every subcommand and option. Install, e.g.:
        permcheck completions bash > ~/.local/share/bash-completion/completions/permcheck
        permcheck completions zsh  > "${fpath[1]}/_permcheck"
        permcheck completions fish > ~/.config/fish/completions/permcheck.fish

    """

    static let mcp = """
    permcheck mcp [--redact] [--rules DIR]
      A Model Context Protocol server on standard input/output for AI assistants (VS Code agent mode, Claude
      Desktop, Copilot CLI): one JSON-RPC 2.0 message per line; logs on standard error; end of input stops it.
      Tools: check, can, can_list, decode, explain, permissions, triage (the CLI's commands; results carry the
      --format json value as structuredContent). Resources: permcheck://rules, permcheck://graph/catalogue.
      Offline; tokens are never echoed (fingerprint only). Registration and a worked example: docs/mcp.md.
      --redact      replace personal data in results with placeholders (as the CLI's --redact)
      --rules DIR   use the rule files under DIR instead of the built-in rules

    """
}
