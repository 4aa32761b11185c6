import Foundation
import PermcheckCore

/// The MCP `check` tool: a pre-flight plan check's keys as arguments → a diagnosis. The glue that turns tool arguments
/// into a check is ``MCPCheckTool/checkInput(_:rulesDirectory:now:)``: it builds a `CheckInput` for the one pipeline,
/// with one evidence argument per row of the `EvidenceKind` table.
enum MCPCheckTool {
    /// The evidence arguments: one per row of the evidence table, each read by the same reader as the CLI option.
    /// A value is a file path or the export's JSON inline (an object or an array).
    static var evidenceKeys: [String] { EvidenceKind.keys }

    /// What to run to export an evidence key (the CLI's instruction), for the schema's descriptions.
    static func exportCommand(_ key: String) -> String? {
        EvidenceKind.named(key)?.exportInstruction(caseName: nil)
    }

    /// The check the arguments describe, for the one pipeline: like `permcheck TOKEN --api ID …` and like a plan check.
    static func checkInput(_ arguments: MCPArguments, rulesDirectory: String?, now: Date) throws(PermcheckError) -> CheckInput {
        let api = arguments.string("api"), requestLine = arguments.string("request")
        let choice: CheckInput.RuleChoice
        switch (api, requestLine) {
        case (_?, _?): throw .usage("give either 'api' (a rule id) or 'request' (\"METHOD URL\"), not both.")
        case (nil, nil): throw .usage("missing 'api' (an API rule id; the explain tool and the permcheck://rules resource list them) or 'request' (\"METHOD URL\").")
        case (let api?, nil): choice = .api(api)
        case (nil, let line?): choice = .request(line)
        }
        var input = CheckInput(rule: choice, rules: try ruleTable(rulesDirectory), token: .deferred { () throws(PermcheckError) in try arguments.tokenBytes() },
                               at: try arguments.time("at") ?? now)
        input.observedResponse = try arguments.response()
        input.evidence.caseName = arguments.string("case")
        input.evidence.collectionName = arguments.string("collection")
        input.evidence.changedAt = try arguments.time("changedAt")
        input.documents = EvidenceKind.all.compactMap { kind in
            guard let value = arguments.values[kind.key] else { return nil }
            guard let path = value.stringValue else {
                return CheckInput.EvidenceDocument(kind: kind, path: "\(kind.key) (inline JSON)", content: .json(value))
            }
            return CheckInput.EvidenceDocument(kind: kind, path: path, content: .bytes { () throws(PermcheckError) in try InputFiles.evidenceBytes(path) })
        }
        input.headers = try arguments.headers().headers
        input.observedStatus = try arguments.status()
        input.targetCloud = try arguments.cloud()
        return input
    }

    /// Runs the pipeline's first stages; the caller evaluates (and keeps the rule and evidence for `--redact`).
    static func prepare(_ arguments: MCPArguments, rulesDirectory: String?, now: Date) throws(PermcheckError) -> PreparedCheck {
        try Permcheck.prepare(try checkInput(arguments, rulesDirectory: rulesDirectory, now: now))
    }

    /// `--rules DIR` loaded, or the built-in rules.
    static func ruleTable(_ rulesDirectory: String?) throws(PermcheckError) -> CheckInput.RuleTable {
        try rulesDirectory.map { directory throws(PermcheckError) in .loaded(try RuleSource.load(directory: directory)) } ?? .builtIn
    }

    /// The tool result: the CLI's text report in `content`, the `--format json` contract as `structuredContent`.
    static func run(_ arguments: MCPArguments, rulesDirectory: String?, now: Date, redact: Bool) throws(PermcheckError) -> MCPToolResult {
        let prepared = try prepare(arguments, rulesDirectory: rulesDirectory, now: now)
        let (diagnosis, evidence) = (prepared.evaluate(), prepared.input.evidence)
        let result = MCPToolResult(text: TextRenderer(color: false).render(diagnosis), structured: DiagnosisJSON.value(diagnosis))
        return redact ? result.mapStrings(Redactor(diagnosis: diagnosis, evidence: evidence).redact) : result
    }
}
