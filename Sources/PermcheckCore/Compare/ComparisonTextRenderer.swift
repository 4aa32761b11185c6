import Foundation

/// Phrases shared by the comparison's text and Markdown renderers.
enum ComparisonSummary {
    static func verdict(_ diagnosis: Diagnosis) -> String {
        var text = DiagnosisSummary.verdictWord(diagnosis.verdict)
        if diagnosis.verdict == .denied, let status = diagnosis.predictedStatus { text += " (predicted HTTP \(status))" }
        return text
    }

    static func headline(_ comparison: Comparison) -> String {
        let lead = comparison.sameVerdict ? "SAME VERDICT" : "VERDICTS DIFFER"
        return "\(lead) · good: \(verdict(comparison.good)) · bad: \(verdict(comparison.bad)) · \(comparison.good.apiID)"
    }

    static func caller(_ diagnosis: Diagnosis) -> String {
        DiagnosisSummary.principal(diagnosis.token.principal) + " · \(diagnosis.token.fingerprint)"
    }

    static func context(_ comparison: Comparison) -> String {
        var parts = ["same evidence and request for both", "evaluated at \(ISO8601.format(comparison.good.evaluatedAt))"]
        if let caseName = comparison.good.caseName { parts.insert("case '\(caseName)'", at: 0) }
        if let collection = comparison.good.collectionName { parts.insert("collection '\(collection)'", at: 0) }
        return parts.joined(separator: " · ")
    }

    static func outcome(_ finding: Finding?) -> String {
        guard let finding else { return "n/a" }
        return "\(DiagnosisSummary.mark(finding.outcome)) \(finding.outcome.rawValue)"
    }

    static func factValue(_ value: String?) -> String { value ?? "(not present / not given)" }

    static func hidden(_ comparison: Comparison) -> String? {
        guard comparison.hiddenFactCount > 0 else { return nil }
        let count = comparison.hiddenFactCount
        return "\(count) other value\(count == 1 ? "" : "s") differ\(count == 1 ? "s" : "") (e.g. iat, uti, names, ids) but decide\(count == 1 ? "s" : "") nothing here; --all shows them."
    }
}

/// Renders a comparison for a terminal: both verdicts, the requirements that differ, the values behind them, fixes.
public struct ComparisonTextRenderer: Sendable {
    /// Whether to use ANSI colours.
    public let color: Bool

    /// Creates a renderer.
    public init(color: Bool = false) { self.color = color }

    private var style: ConsoleStyle { ConsoleStyle(color: color) }

    /// The rendered comparison, ending with a newline.
    public func render(_ comparison: Comparison) -> String {
        var lines: [String] = []
        lines.append(style.outcome(ComparisonSummary.headline(comparison), good: comparison.sameVerdict))
        lines.append(comparison.good.apiTitle)
        lines.append("good: " + ComparisonSummary.caller(comparison.good))
        lines.append("bad:  " + ComparisonSummary.caller(comparison.bad))
        lines.append(ComparisonSummary.context(comparison))
        lines.append("")
        if comparison.requirements.isEmpty {
            lines.append("No requirement comes out differently for the two callers.")
        } else {
            lines.append("Requirements that differ, in the order the service checks them:")
            let width = comparison.requirements.map(\.requirementID.count).max() ?? 0
            for difference in comparison.requirements {
                let id = difference.requirementID.padding(toLength: width, withPad: " ", startingAt: 0)
                let status = difference.good?.outcome == .met && difference.bad?.outcome == .met ? "   " : String(difference.status)
                let note = difference.difference == .route ? " — met by both, by different routes" : ""
                lines.append("  \(id)  \(status)  good \(ComparisonSummary.outcome(difference.good)) · bad \(ComparisonSummary.outcome(difference.bad))\(note)")
                if let good = difference.good { lines.append("      good: \(good.message)") }
                if let bad = difference.bad { lines.append("      bad:  \(bad.message)\(DiagnosisSummary.confidenceTag(bad.confidence))") }
            }
        }
        if !comparison.facts.isEmpty {
            lines.append("")
            lines.append(comparison.showAll ? "Values that differ (decisive ones name the requirements they decide):" : "The values behind the difference:")
            for fact in comparison.facts {
                let decides = fact.decisive ? " → \(fact.requirements.joined(separator: ", "))" : " (decides nothing here)"
                lines.append("  \(fact.label)\(decides)")
                if !fact.onlyGood.isEmpty || !fact.onlyBad.isEmpty {
                    lines.append("      only good: \(fact.onlyGood.isEmpty ? "—" : fact.onlyGood.joined(separator: " "))")
                    lines.append("      only bad:  \(fact.onlyBad.isEmpty ? "—" : fact.onlyBad.joined(separator: " "))")
                } else {
                    lines.append("      good: \(ComparisonSummary.factValue(fact.good))")
                    lines.append("      bad:  \(ComparisonSummary.factValue(fact.bad))")
                }
            }
        }
        if let hidden = ComparisonSummary.hidden(comparison) {
            lines.append("")
            lines.append(hidden)
        }
        if !comparison.fixes.isEmpty {
            lines.append("")
            lines.append("To give the bad caller what the good one has, least privilege first:")
            for (index, fix) in comparison.fixes.enumerated() { lines.append("  \(index + 1). \(fix)") }
        }
        let hints = comparison.goodHints.map { ("good", $0) } + comparison.badHints.map { ("bad", $0) }
        if !hints.isEmpty {
            lines.append("")
            lines.append("Notes (stale tokens, recent changes, reported causes of the status you saw):")
            for (side, hint) in hints { lines.append("  - \(side): \(hint.text)\(DiagnosisSummary.confidenceTag(hint.confidence))") }
        }
        let sources = comparison.sources
        if !sources.isEmpty {
            lines.append("")
            lines.append("Sources:")
            for source in sources { lines.append("  \(source)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
