import PermcheckCore

/// Every option of every command, declared once. Commands list the ones they accept (their `specs`); the parser,
/// `--help` (``Help``) and the completion scripts (``CompletionsCommand``) all read those lists.
enum Options {
    static let formats = ["text", "json", "markdown"]

    // The rule and the request.
    static let api = OptionSpec(name: "--api", value: "ID", help: "the API rule (id or alias; see 'permcheck apis')")
    static let request = OptionSpec(name: "--request", value: "\"METHOD URL\"", help: "instead of --api: the rule matching this request (hand-written rules first, then any Microsoft Graph operation from the built-in permissions catalogue)")
    static let requestFile = OptionSpec(name: "--request-file", value: "FILE", help: "a raw HTTP request (browser/Fiddler \"copy as raw\"): method, URL, headers; the token may come from its 'Authorization: Bearer' header (never printed)")
    static let response = OptionSpec(name: "--response", value: "FILE", help: "what the service answered: error body JSON, raw HTTP response, WWW-Authenticate value, or AADSTS text; explained from rules/data/error-codes.json. Without any token: the explanation only, no verdict (exit 3)")
    static let header = OptionSpec(name: "--header", value: "'Name: value'", help: "a header the request sends (repeatable)")
    static let status = OptionSpec(name: "--status", value: "N", help: "the HTTP status you saw; ranks findings and shows reported causes", allowed: ["401", "402", "403"])
    static let cloud = OptionSpec(name: "--cloud", value: "CLOUD", help: "the target endpoint's cloud", allowed: ["global", "gcc", "gcc-high", "dod", "china"])

    // The token and the time.
    static let tokenEnv = OptionSpec(name: "--token-env", value: "VAR", help: "read the token from this environment variable instead of a file")
    static let at = OptionSpec(name: "--at", value: "ISO8601", help: "evaluate at this time instead of now (replay a ticket), e.g. 2026-11-03T09:30:00Z")
    static let changedAt = OptionSpec(name: "--changed-at", value: "ISO8601", help: "when you changed the grant (flags tokens issued before it)")

    // Evidence: what the token cannot show.
    static let caseName = OptionSpec(name: "--case", value: "NAME", help: "the eDiscovery case the call targets")
    static let collection = OptionSpec(name: "--collection", value: "NAME", help: "the Purview collection the call targets (Unified Catalog calls whose body names the governance domain: the domain id)")
    /// One option per row of the evidence table: what the file holds and the command that exports it.
    static let evidence: [OptionSpec] = EvidenceKind.all.map { kind in
        let command = kind.command.replacingOccurrences(of: "{case}", with: "NAME")
        let place = kind.environment.map { "; run in \($0)" } ?? ""
        return OptionSpec(name: kind.optionName, value: "FILE", help: "\(kind.summary): \(command)\(place)")
    }
    /// The options that describe the target and the evidence, as the main help groups them.
    static let evidenceGroup: [OptionSpec] = [caseName] + evidence + [collection, changedAt]

    // Output.
    static let format = OptionSpec(name: "--format", value: "FORMAT", help: "output format (default text)", allowed: formats)
    static let redact = OptionSpec(name: "--redact", help: "replace UPNs, names, object ids, tenant ids and IPs with placeholders")
    static let width = OptionSpec(name: "--width", value: "N", help: "wrap text output at N columns (default: the terminal's width on a terminal, no wrapping when piped; 0: never wrap)")
    static let rules = OptionSpec(name: "--rules", value: "DIR", help: "use the rule files in DIR instead of the built-in ones")
    static let help = OptionSpec(name: "--help", help: "print this help")
    static let version = OptionSpec(name: "--version", help: "print the version")

    // Single commands.
    static let all = OptionSpec(name: "--all", help: "also list values that differ but decide nothing (iat, uti, names, ids, other claims)")
    static let list = OptionSpec(name: "--list", help: "every Graph operation the token's permissions allow, grouped by resource")
    static let grep = OptionSpec(name: "--grep", value: "TEXT", help: "only the entries containing TEXT (case-insensitive)")
    static let family = OptionSpec(name: "--family", value: "FAMILY", help: "only the rules of this family", allowed: ["ediscovery", "graph", "purview"])
    static let forRequest = OptionSpec(name: "--for", value: "\"METHOD URL\"", help: "first answer for this operation: is NAME accepted, and the least-privileged alternatives")
    static let summary = OptionSpec(name: "--summary", help: "counts by verdict, by failing requirement and by API on stderr at the end")
    static let full = OptionSpec(name: "--full", help: "the full diagnosis JSON per line (the JSON contract, plus \"id\" and \"line\") instead of the brief record")
    static let jobs = OptionSpec(name: "--jobs", value: "N", help: "evaluate on N threads (default: the number of cores; output order is kept)")
}
