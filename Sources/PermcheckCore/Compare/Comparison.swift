import Foundation

/// How one requirement came out for the good and the bad caller, when that decides the difference.
public struct RequirementDifference: Sendable, Equatable {
    /// Why the requirement is listed.
    public enum Kind: String, Sendable, Equatable {
        /// The outcomes differ (met vs unmet, unknown, or not applicable).
        case outcome
        /// Both met it, but by different routes (e.g. case member vs eDiscovery Administrator).
        case route
    }

    /// The requirement id and kind, and the status its failure gives.
    public let requirementID: String
    public let requirementKind: RequirementKind
    public let status: Int
    /// Why it is listed.
    public let difference: Kind
    /// Each side's finding; `nil` when the requirement does not apply to that caller (e.g. app-only vs delegated).
    public let good: Finding?
    public let bad: Finding?
}

/// The answer to "it works for A but not for B": two diagnoses of the same API, evidence and request, reduced to the
/// requirements whose outcome differs and the claim or evidence values behind them. Pure data; see
/// `ComparisonTextRenderer`, `ComparisonJSON` and `ComparisonMarkdownRenderer`.
public struct Comparison: Sendable, Equatable {
    /// The diagnoses of the good (working) and the bad (failing) caller.
    public let good: Diagnosis
    public let bad: Diagnosis
    /// Requirements whose outcome differs, or that both met by different routes, in rule order.
    public let requirements: [RequirementDifference]
    /// Facts whose values differ: the decisive ones, and with `showAll` every other differing claim too.
    public let facts: [ComparisonFact]
    /// How many differing facts were left out because they do not decide anything (0 with `showAll`).
    public let hiddenFactCount: Int
    /// Fixes that would give the bad caller what the good one has, least privilege first.
    public let fixes: [String]
    /// Each side's stale-token and propagation hints; for the bad side also the reported causes of the status the user
    /// saw (`--status`) that no unmet requirement explains.
    public let goodHints: [Hint]
    public let badHints: [Hint]
    /// Whether non-decisive differences are included.
    public let showAll: Bool

    /// Whether both callers get the same verdict.
    public var sameVerdict: Bool { good.verdict == bad.verdict }

    /// Evaluates both inputs against `rule` and compares them. The inputs should share evidence, request and time.
    public static func evaluate(_ rule: APIRule, good: EvaluationInput, bad: EvaluationInput, showAll: Bool = false) -> Comparison {
        let causes = Set(rule.notes.filter { $0.status != nil && $0.status == good.observedStatus }.map(\.id))
        return Comparison(good: Evaluator.evaluate(rule, good), bad: Evaluator.evaluate(rule, bad), evidence: good.evidence,
                          showAll: showAll, causeIDs: causes)
    }

    /// A comparison from its parts (used to redact one).
    init(good: Diagnosis, bad: Diagnosis, requirements: [RequirementDifference], facts: [ComparisonFact], hiddenFactCount: Int,
         fixes: [String], goodHints: [Hint], badHints: [Hint], showAll: Bool) {
        self.good = good
        self.bad = bad
        self.requirements = requirements
        self.facts = facts
        self.hiddenFactCount = hiddenFactCount
        self.fixes = fixes
        self.goodHints = goodHints
        self.badHints = badHints
        self.showAll = showAll
    }

    /// Compares two diagnoses of the same API made with the same `evidence`. `causeIDs` names the rule notes that are
    /// reported causes of the observed status; they are kept with the stale-token hints.
    public init(good: Diagnosis, bad: Diagnosis, evidence: Evidence, showAll: Bool = false, causeIDs: Set<String> = []) {
        self.good = good
        self.bad = bad
        self.showAll = showAll

        // Requirements in check order: the good side's order, then any only the bad side has.
        var ids: [String] = []
        for finding in good.findings + bad.findings where !ids.contains(finding.requirementID) { ids.append(finding.requirementID) }
        let goodAccess = CaseAccess(good.token.principal, evidence)
        let badAccess = CaseAccess(bad.token.principal, evidence)
        var differences: [RequirementDifference] = []
        for id in ids {
            let goodFinding = good.findings.first { $0.requirementID == id }
            let badFinding = bad.findings.first { $0.requirementID == id }
            guard let any = goodFinding ?? badFinding else { continue }
            let kind: RequirementDifference.Kind
            if goodFinding?.outcome != badFinding?.outcome {
                kind = .outcome
            } else if any.kind == .caseMembership, goodFinding?.outcome == .met, goodAccess?.route != badAccess?.route {
                kind = .route
            } else {
                continue
            }
            differences.append(RequirementDifference(requirementID: id, requirementKind: any.kind, status: any.status,
                                                     difference: kind, good: goodFinding, bad: badFinding))
        }
        requirements = differences

        var readers = FactReader.all
        if showAll {
            let names = Set(good.token.claims.raw.keys).union(bad.token.claims.raw.keys).subtracting(FactReader.coveredClaims)
            readers += names.sorted().map(FactReader.rawClaim)
        }
        var facts: [ComparisonFact] = []
        var hidden = 0
        for reader in readers {
            let goodValue = reader.read(good.token, evidence)
            let badValue = reader.read(bad.token, evidence)
            guard goodValue != badValue else { continue }
            let decided = differences.filter { reader.kinds.contains($0.requirementKind) }.map(\.requirementID)
            guard showAll || !decided.isEmpty else { hidden += 1; continue }
            let goodSet = Set(goodValue.members), badSet = Set(badValue.members)
            facts.append(ComparisonFact(id: reader.id, label: reader.label, good: goodValue.text, bad: badValue.text,
                                        onlyGood: goodSet.subtracting(badSet).sorted(), onlyBad: badSet.subtracting(goodSet).sorted(),
                                        requirements: decided))
        }
        self.facts = facts
        hiddenFactCount = hidden

        var fixes: [String] = []
        for difference in differences where difference.bad?.outcome != .met {
            if let fix = difference.bad?.fix, !fixes.contains(fix) { fixes.append(fix) }
        }
        self.fixes = fixes
        // The observed status (--status) is the bad caller's, so its reported causes are listed for that side only.
        let stale: Set<String> = ["stale-token", "propagation-window"]
        let causes = causeIDs.union(bad.observedStatus.map { ["observed-\($0)"] } ?? [])
        goodHints = good.hints.filter { stale.contains($0.id) }
        badHints = bad.hints.filter { stale.contains($0.id) || causes.contains($0.id) }
    }

    /// Sources of the listed requirements and hints, in order of first appearance.
    public var sources: [String] {
        var seen: [String] = []
        let cited = requirements.flatMap { ($0.bad ?? $0.good)?.sources ?? [] } + (goodHints + badHints).flatMap(\.sources)
        for source in cited where !seen.contains(source) { seen.append(source) }
        return seen
    }

    /// The exit code: 0 when both verdicts are the same, 1 when they differ.
    public var exitCode: Int32 { sameVerdict ? 0 : 1 }
}
