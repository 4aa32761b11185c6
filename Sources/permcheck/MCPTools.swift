import Foundation
import PermcheckCore

/// The permcheck tools behind `permcheck mcp`: each runs the code path of the CLI command it mirrors and returns that
/// command's text report plus its `--format json` value. Input problems come back as `isError` results carrying the
/// CLI's one-line message.
struct PermcheckTools: MCPToolProvider {
    /// `--rules DIR`: custom rule files instead of the built-in ones.
    let rulesDirectory: String?
    /// `--redact`: personal data in results replaced by stable placeholders, as the CLI's `--redact` does.
    let redact: Bool
    let now: @Sendable () -> Date

    var tools: [MCPToolDescriptor] { MCPSchemas.descriptors }

    func call(_ name: String, arguments: [String: JSONValue]) -> MCPToolResult {
        let arguments = MCPArguments(values: arguments)
        do {
            switch name {
            case "check": return try MCPCheckTool.run(arguments, rulesDirectory: rulesDirectory, now: now(), redact: redact)
            case "can": return try can(arguments)
            case "can_list": return try canList(arguments)
            case "decode": return try decode(arguments)
            case "explain": return try explain(arguments)
            case "permissions": return try permissions(arguments)
            case "triage": return try MCPTriageTool.run(arguments, rulesDirectory: rulesDirectory, now: now(), redact: redact)
            default: return MCPToolResult.error(.usage("unknown tool '\(name)'."))
            }
        } catch {
            return MCPToolResult.error(error)
        }
    }

    func can(_ arguments: MCPArguments) throws(PermcheckError) -> MCPToolResult {
        let token = try arguments.token()!
        var input = CheckInput(rule: .request(arguments.string("request") ?? ""), token: .decoded(token), at: try arguments.time("at") ?? now())
        input.rules = try MCPCheckTool.ruleTable(rulesDirectory)
        input.headers = try arguments.headers().headers
        input.observedStatus = try arguments.status()
        input.targetCloud = try arguments.cloud()
        let (resolved, diagnosis) = try CanCommand.diagnose(input)
        let result = MCPToolResult(text: CanReport.text(resolved, diagnosis), structured: DiagnosisJSON.value(diagnosis))
        return redact ? result.mapStrings(Redactor(diagnosis: diagnosis, evidence: Evidence()).redact) : result
    }

    func canList(_ arguments: MCPArguments) throws(PermcheckError) -> MCPToolResult {
        let token = try arguments.token()!
        let limit = Int(arguments.values["limit"]?.numberValue?.int64 ?? 100)
        let list = GraphAccessList(token: token, catalog: .embedded, grep: arguments.string("grep"))
        var json = list.json().objectValue ?? [:]
        let operations = json["operations"]?.arrayValue ?? []
        json["operations"] = .array(Array(operations.prefix(limit)))
        json["shown"] = .number(JSONNumber(min(limit, operations.count)))
        json["truncated"] = .bool(operations.count > limit)
        var text = Self.capped(list.text(), entries: limit)
        if operations.count > limit { text += "… \(operations.count - limit) more: raise 'limit' or narrow with 'grep'.\n" }
        let result = MCPToolResult(text: text, structured: .object(json))
        return redact ? result.mapStrings(Redactor(claimsList: [token.claims], evidence: Evidence()).redact) : result
    }

    /// The access list's text with at most `entries` operation lines (they are the indented ones).
    static func capped(_ text: String, entries: Int) -> String {
        var kept: [Substring] = []
        var count = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("  ") { count += 1; if count > entries { break } }
            kept.append(line)
        }
        while kept.last?.isEmpty == true || (kept.last.map { !$0.hasPrefix("  ") && count > entries && kept.count > 1 } ?? false) {
            kept.removeLast()
        }
        return kept.joined(separator: "\n") + "\n"
    }

    func decode(_ arguments: MCPArguments) throws(PermcheckError) -> MCPToolResult {
        let token = try arguments.token()!
        let at = try arguments.time("at") ?? now()
        let result = MCPToolResult(text: DecodeReport.text(token, at: at), structured: DecodeReport.json(token, at: at))
        return redact ? result.mapStrings(Redactor(claimsList: [token.claims], evidence: Evidence()).redact) : result
    }

    func explain(_ arguments: MCPArguments) throws(PermcheckError) -> MCPToolResult {
        let api = arguments.string("api") ?? ""
        let rule = try Permcheck.resolveRule(.api(api), in: try MCPCheckTool.ruleTable(rulesDirectory)).0
        return MCPToolResult(text: RuleReport.explain(rule), structured: RuleJSON.value(rule))
    }

    func permissions(_ arguments: MCPArguments) throws(PermcheckError) -> MCPToolResult {
        let report = try PermissionsCommand.report(arguments.string("name") ?? "", for: arguments.string("for"))
        return MCPToolResult(text: report.text(), structured: report.json())
    }

    /// The rule table and the Graph catalogue, readable as resources.
    var resources: [MCPResource] {
        [
            MCPResource(uri: "permcheck://rules", name: "rules", description: "Every API rule permcheck knows: id, title, aliases (as 'permcheck apis').", mimeType: "text/plain"),
            MCPResource(uri: "permcheck://graph/catalogue", name: "graph-catalogue",
                        description: "The built-in Microsoft Graph permissions catalogue: one line per operation with its accepted permissions.", mimeType: "text/plain"),
        ]
    }

    func read(_ uri: String) -> String? {
        switch uri {
        case "permcheck://rules": return (try? RuleSource.load(directory: rulesDirectory)).map { RuleReport.list($0.rules, family: nil, grep: nil) }
        case "permcheck://graph/catalogue": return GraphCatalog.embeddedText
        default: return nil
        }
    }
}
