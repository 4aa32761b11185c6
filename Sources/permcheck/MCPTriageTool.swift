import Foundation
import PermcheckCore

/// The MCP `triage` tool: a pasted request and/or error → what it means, the API it hits, the evidence that API's rule
/// needs; with a bearer token in the pasted request, the full check too (through ``MCPCheckTool/prepare(_:rulesDirectory:now:)``, like
/// `permcheck --request-file F --response F`).
enum MCPTriageTool {
    static func run(_ arguments: MCPArguments, rulesDirectory: String?, now: Date, redact: Bool) throws(PermcheckError) -> MCPToolResult {
        let api = arguments.string("api")
        guard arguments.has("request") || arguments.has("response") || api != nil else {
            throw .usage("give 'request' (the pasted request) and/or 'response' (the error the service answered).")
        }
        let raw = try arguments.string("request").map { text throws(PermcheckError) in try RawHTTPRequest.parse(text, source: "the argument 'request'") }
        let response = try arguments.response()
        if api != nil, raw != nil { throw .usage("give either 'api' or 'request', not both.") }

        if let raw, let bearer = raw.bearerToken {
            guard !bearer.isEmpty else {
                throw .tokenUnreadable(source: "the Authorization header of the argument 'request'",
                                       detail: "it says 'Bearer' with no token (Graph answers such a call with 401 InvalidAuthenticationToken 'Access token is empty')")
            }
            var values: [String: JSONValue] = ["token": .string(bearer), "request": .string(raw.requestLine)]
            if !raw.contextHeaders.isEmpty { values["headers"] = .array(raw.contextHeaders.map { .string("\($0.name): \($0.value)") }) }
            for key in ["response", "at"] { if let value = arguments.values[key] { values[key] = value } }
            let prepared = try MCPCheckTool.prepare(MCPArguments(values: values), rulesDirectory: rulesDirectory, now: now)
            let (diagnosis, evidence) = (prepared.evaluate(), prepared.input.evidence)
            let needed = evidenceNeeded(prepared.rule)
            let next = diagnosis.findings.contains { $0.outcome == .unknown }
                ? "Collect the evidence listed and call the check tool with it (and the same token) for a verdict on every requirement."
                : "Apply the fixes, request a new token, and call again."
            let result = MCPToolResult(text: TextRenderer(color: false).render(diagnosis) + evidenceText(needed),
                                       structured: structured(api: diagnosis.apiID, title: diagnosis.apiTitle, request: raw.requestLine,
                                                              response: response, next: next, evidence: needed, diagnosis: DiagnosisJSON.value(diagnosis)))
            return redact ? result.mapStrings(Redactor(diagnosis: diagnosis, evidence: evidence).redact) : result
        }

        let line = raw?.requestLine
        let table = try MCPCheckTool.ruleTable(rulesDirectory)
        var rule: APIRule?
        if let api { rule = try Permcheck.resolveRule(.api(api), in: table).0 } else if let line {
            // With an error to explain, an unknown request is no reason to refuse; without one, it is the answer.
            if response != nil { rule = try? Permcheck.resolveRule(.request(line), in: table).0 } else {
                rule = try Permcheck.resolveRule(.request(line), in: table).0
            }
        }
        let needed = rule.map(evidenceNeeded) ?? []
        let next = response?.kind == .tokenError
            ? "The token request failed, so no token reached the API: fix the cause above and request the token again; then call the check tool with it."
            : "Call the check tool with the token that was sent ('token' or 'tokenFile')\(rule.map { ", 'api': \"\($0.id)\"" } ?? "")\(needed.isEmpty ? "" : " and the evidence listed") for a verdict and the least-privileged fix."
        var text = response.map { ResponseReport.render($0, api: rule?.id, format: .text) }
            ?? "\(rule.map { "\($0.id) — \($0.title)" } ?? "No API rule matches the request.")\n"
        text += evidenceText(needed) + "\nNext step: \(next)\n"
        let result = MCPToolResult(text: text, structured: structured(api: rule?.id, title: rule?.title, request: line, response: response,
                                                                      next: next, evidence: needed, diagnosis: nil))
        return redact ? result.mapStrings(Redactor(claimsList: [], evidence: Evidence(), keeping: response?.supportIdentifiers ?? []).redact) : result
    }

    /// The evidence a rule's requirements read beyond the token, with the export command for each (from the evidence table).
    static func evidenceNeeded(_ rule: APIRule) -> [(requirement: String, source: EvidenceKind)] {
        var needed: [(requirement: String, source: EvidenceKind)] = []
        for requirement in rule.requirements {
            for kind in EvidenceKind.all where kind.readBy.contains(requirement.check.kind) && !needed.contains(where: { $0.source.key == kind.key }) {
                needed.append((requirement.id, kind))
            }
        }
        return needed
    }

    static func evidenceText(_ needed: [(requirement: String, source: EvidenceKind)]) -> String {
        guard !needed.isEmpty else { return "" }
        return "\nEvidence the token cannot show (pass each to the check tool as a path or inline JSON):\n"
            + needed.map { "  - \($0.source.key) (for \($0.requirement)): \($0.source.exportInstruction(caseName: nil))\n" }.joined()
    }

    static func structured(api: String?, title: String?, request: String?, response: ObservedResponse?, next: String,
                           evidence: [(requirement: String, source: EvidenceKind)], diagnosis: JSONValue?) -> JSONValue {
        func string(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
        return .object([
            "api": string(api), "apiTitle": string(title), "request": string(request),
            "observedResponse": response.map(ObservedResponseSummary.json) ?? .null,
            "next": .string(next),
            "evidence": .array(evidence.map { item in
                ["key": .string(item.source.key), "option": .string(item.source.optionName),
                 "requirement": .string(item.requirement), "export": .string(item.source.exportInstruction(caseName: nil))]
            }),
            "diagnosis": diagnosis ?? .null,
        ])
    }
}
