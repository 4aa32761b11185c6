/// Renders a ticket-ready Markdown report: verdict, requirement table, numbered fixes, missing evidence, sources.
public struct MarkdownRenderer: DiagnosisRenderer {
    public var format: OutputFormat { .markdown }

    /// Creates a renderer.
    public init() {}

    /// A `### title` section with one bullet per item, preceded by a blank line; nothing when there are no items.
    static func section(_ title: String, _ items: [String]) -> [String] {
        items.isEmpty ? [] : ["", "### \(title)", ""] + items.map { "- " + $0 }
    }

    /// A `### title` section with a numbered list, preceded by a blank line; nothing when there are no items.
    static func numberedSection(_ title: String, _ items: [String]) -> [String] {
        items.isEmpty ? [] : ["", "### \(title)", ""] + items.enumerated().map { "\($0.offset + 1). \($0.element)" }
    }

    /// Escapes table-breaking characters.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    /// The "What the service said" section, shared with the verdict-less response report.
    static func observedResponse(_ response: ObservedResponse) -> [String] {
        var lines = ["### What the service said", "", "**\(ObservedResponseSummary.headline(response))**", ""]
        for line in ObservedResponseSummary.detailLines(response) { lines.append("- `\(line.replacingOccurrences(of: "`", with: "'"))`") }
        for meaning in response.meanings { lines.append("- " + ObservedResponseSummary.meaningLine(meaning)) }
        return lines
    }

    public func render(_ diagnosis: Diagnosis) -> String {
        var lines: [String] = []
        lines.append("## permcheck: \(DiagnosisSummary.headline(diagnosis))")
        lines.append("")
        if let lead = DiagnosisSummary.lead(diagnosis) {
            let parts = lead.split(separator: ":", maxSplits: 1)
            lines.append("**\(parts[0]):**\(parts.count > 1 ? String(parts[1]) : "")")
            lines.append("")
        }
        lines.append("**\(diagnosis.apiTitle)**")
        lines.append("")
        lines.append("- Caller: \(DiagnosisSummary.caller(diagnosis))")
        lines.append("- Token: \(DiagnosisSummary.token(diagnosis))")
        if let response = diagnosis.observedResponse {
            lines.append("")
            lines += Self.observedResponse(response)
        }
        lines.append("")
        lines.append("| | Requirement | Fails with | Finding | Confidence |")
        lines.append("|---|---|---|---|---|")
        for finding in diagnosis.findings {
            let word = switch finding.outcome {
            case .met: "✓ met"
            case .unmet: "✗ unmet"
            case .unknown: "? unknown"
            }
            lines.append("| \(word) | `\(finding.requirementID)` | \(finding.status) | \(Self.cell(finding.message)) | \(finding.confidence.label) |")
        }
        lines += Self.numberedSection("Fix (least privilege first)", diagnosis.fixes)
        let missing = diagnosis.findings.filter { $0.outcome == .unknown }
        if !missing.isEmpty {
            lines.append("")
            lines.append("### Evidence still missing")
            lines.append("")
            for finding in missing { lines.append("- `\(finding.requirementID)`: \(finding.collect ?? finding.message)") }
        }
        lines += Self.section("Notes", diagnosis.hints.map { "\($0.text)\(DiagnosisSummary.confidenceTag($0.confidence))" })
        lines += Self.section("Sources", DiagnosisSummary.sources(diagnosis).map { "<\($0)>" })
        lines.append("")
        lines.append("_Decoded offline by permcheck; the token's signature was not verified and the token itself is not included._")
        return lines.joined(separator: "\n") + "\n"
    }
}
