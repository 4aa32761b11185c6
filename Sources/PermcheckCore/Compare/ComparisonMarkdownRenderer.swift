/// Renders a comparison as a ticket-ready Markdown report.
public struct ComparisonMarkdownRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The rendered comparison, ending with a newline.
    public func render(_ comparison: Comparison) -> String {
        let cell = MarkdownRenderer.cell
        var lines: [String] = []
        lines.append("## permcheck compare: \(ComparisonSummary.headline(comparison))")
        lines.append("")
        lines.append("**\(comparison.good.apiTitle)**")
        lines.append("")
        lines.append("- Good: \(ComparisonSummary.caller(comparison.good))")
        lines.append("- Bad: \(ComparisonSummary.caller(comparison.bad))")
        lines.append("- \(ComparisonSummary.context(comparison))")
        lines.append("")
        lines.append("### Requirements that differ")
        lines.append("")
        if comparison.requirements.isEmpty {
            lines.append("No requirement comes out differently for the two callers.")
        } else {
            lines.append("| Requirement | Fails with | Good | Bad | Difference |")
            lines.append("|---|---|---|---|---|")
            for difference in comparison.requirements {
                let good = difference.good.map { "\(ComparisonSummary.outcome($0)): \($0.message)" } ?? "n/a"
                let bad = difference.bad.map { "\(ComparisonSummary.outcome($0)): \($0.message)" } ?? "n/a"
                let kind = difference.difference == .route ? "met by both, by different routes" : "outcome"
                lines.append("| `\(difference.requirementID)` | \(difference.status) | \(cell(good)) | \(cell(bad)) | \(kind) |")
            }
        }
        if !comparison.facts.isEmpty {
            lines.append("")
            lines.append("### The values behind the difference")
            lines.append("")
            lines.append("| Value | Good | Bad | Decides |")
            lines.append("|---|---|---|---|")
            for fact in comparison.facts {
                let isSet = !fact.onlyGood.isEmpty || !fact.onlyBad.isEmpty
                let good = isSet ? "only: " + (fact.onlyGood.isEmpty ? "—" : fact.onlyGood.joined(separator: " ")) : ComparisonSummary.factValue(fact.good)
                let bad = isSet ? "only: " + (fact.onlyBad.isEmpty ? "—" : fact.onlyBad.joined(separator: " ")) : ComparisonSummary.factValue(fact.bad)
                let decides = fact.decisive ? fact.requirements.map { "`\($0)`" }.joined(separator: ", ") : "nothing"
                lines.append("| \(cell(fact.label)) | \(cell(good)) | \(cell(bad)) | \(decides) |")
            }
        }
        if let hidden = ComparisonSummary.hidden(comparison) {
            lines.append("")
            lines.append("_\(hidden)_")
        }
        lines += MarkdownRenderer.numberedSection("Fix for the bad caller (least privilege first)", comparison.fixes)
        let hints = comparison.goodHints.map { ("Good", $0) } + comparison.badHints.map { ("Bad", $0) }
        lines += MarkdownRenderer.section("Notes (stale tokens, recent changes, reported causes of the status you saw)",
                                          hints.map { side, hint in "\(side): \(hint.text)\(DiagnosisSummary.confidenceTag(hint.confidence))" })
        lines += MarkdownRenderer.section("Sources", comparison.sources.map { "<\($0)>" })
        lines.append("")
        lines.append("_Decoded offline by permcheck; the tokens' signatures were not verified and the tokens themselves are not included._")
        return lines.joined(separator: "\n") + "\n"
    }
}
