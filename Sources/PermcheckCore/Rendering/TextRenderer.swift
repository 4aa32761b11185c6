/// Renders a diagnosis for a terminal: verdict first, then each requirement with a mark, then fixes.
public struct TextRenderer: DiagnosisRenderer {
    /// Whether to use ANSI colours (only on a terminal, never with NO_COLOR; the CLI decides).
    public let color: Bool

    public var format: OutputFormat { .text }

    /// Creates a renderer.
    public init(color: Bool = false) { self.color = color }

    private var style: ConsoleStyle { ConsoleStyle(color: color) }

    public func render(_ diagnosis: Diagnosis) -> String {
        var lines: [String] = []
        lines.append(style.verdict(DiagnosisSummary.headline(diagnosis), diagnosis.verdict))
        if let lead = DiagnosisSummary.lead(diagnosis) { lines.append(lead) }
        lines.append(diagnosis.apiTitle)
        lines.append("caller: " + DiagnosisSummary.caller(diagnosis))
        lines.append("token:  " + DiagnosisSummary.token(diagnosis))
        if let response = diagnosis.observedResponse {
            lines.append("")
            lines.append("The service said: " + ObservedResponseSummary.headline(response))
            for line in ObservedResponseSummary.detailLines(response) { lines.append("  " + line) }
            for meaning in response.meanings { lines.append("  - " + ObservedResponseSummary.meaningLine(meaning)) }
        }
        if !diagnosis.evidenceRead.isEmpty {
            lines.append("")
            lines.append("Evidence read:")
            for key in EvidenceKind.keys {
                guard let read = diagnosis.evidenceRead[key] else { continue }
                lines.append("  \(EvidenceKind.named(key)?.optionName ?? key) \(read.file): \(read.entries) entr\(read.entries == 1 ? "y" : "ies"), \(read.shape)")
                for warning in read.warnings { lines.append("    warning: \(warning)") }
            }
        }
        lines.append("")
        lines.append("Requirements, in the order the service checks them:")
        let width = diagnosis.findings.map(\.requirementID.count).max() ?? 0
        for finding in diagnosis.findings {
            let mark = style.mark(finding.outcome)
            let status = finding.outcome == .met ? "   " : String(finding.status)
            let id = finding.requirementID.padding(toLength: width, withPad: " ", startingAt: 0)
            lines.append("  \(mark) \(id)  \(status)  \(finding.message)\(DiagnosisSummary.confidenceTag(finding.confidence))")
            if let hint = finding.hint { lines.append("      note: \(hint)") }
        }
        if !diagnosis.fixes.isEmpty {
            lines.append("")
            lines.append("Fixes, least privilege first:")
            for (index, fix) in diagnosis.fixes.enumerated() { lines.append("  \(index + 1). \(fix)") }
        }
        let missing = diagnosis.findings.filter { $0.outcome == .unknown }
        if !missing.isEmpty {
            lines.append("")
            lines.append(diagnosis.verdict == .indeterminate ? "Evidence still missing (the verdict stays indeterminate until it is given):" : "Evidence still missing:")
            for finding in missing { lines.append("  - \(finding.requirementID): \(finding.collect ?? finding.message)") }
        }
        if !diagnosis.hints.isEmpty {
            lines.append("")
            lines.append("Notes:")
            for hint in diagnosis.hints { lines.append("  - \(hint.text)\(DiagnosisSummary.confidenceTag(hint.confidence))") }
        }
        let sources = DiagnosisSummary.sources(diagnosis)
        if !sources.isEmpty {
            lines.append("")
            lines.append("Sources:")
            for source in sources { lines.append("  \(source)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
