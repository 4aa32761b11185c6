import Foundation

/// The pure core: (rule, token, evidence, request, time) → `Diagnosis`. No I/O, no clock, never throws;
/// every requirement is evaluated (no early exit) so the diagnosis lists everything that is wrong at once.
public enum Evaluator {
    /// Evaluates one API rule.
    public static func evaluate(_ rule: APIRule, _ input: EvaluationInput) -> Diagnosis {
        let kind = input.token.principal.kind
        let checker = RequirementChecker(input: input)
        let requirements = CrossCloudRequirement.requirements(of: rule, input)
        var findings: [Finding] = []
        findings.reserveCapacity(requirements.count)
        for requirement in requirements where requirement.applies(to: kind) {
            let result = checker.check(requirement.check)
            findings.append(Finding(
                requirementID: requirement.id, kind: requirement.check.kind, outcome: result.outcome,
                status: requirement.status, message: result.message,
                fix: result.outcome == .met ? nil : result.fix ?? requirement.fix.text(for: kind),
                collect: result.collect,
                hint: input.detail == .brief ? nil : result.hint ?? (result.outcome == .met ? nil : requirement.hint),
                sources: requirement.sources, confidence: requirement.confidence))
        }

        let firstUnmet = findings.first { $0.outcome == .unmet }
        var verdict: Verdict
        switch (firstUnmet == nil, !findings.contains { $0.outcome == .unknown }) {
        case (false, _):
            // any unmet requirement → deny, whatever else is unknown
            verdict = .denied
        case (true, false):
            // nothing unmet but something undecidable → indeterminate, never allowed by default
            verdict = .indeterminate
        case (true, true):
            // every applicable requirement met → allow
            verdict = .allowed
        }
        // The service checks requirements in rule order, so the first unmet one decides the status.
        let predictedStatus = firstUnmet?.status

        var ordered = findings
        if let observed = input.observedStatus, findings.contains(where: { $0.outcome != .met && $0.status == observed }) {
            // Findings that explain what the user saw come first; order is otherwise kept.
            // Unmet ones first, then undecided ones that would give that status (a licence permcheck cannot see whole).
            let explaining = ordered.filter { $0.outcome == .unmet && $0.status == observed }
                + ordered.filter { $0.outcome == .unknown && $0.status == observed }
            ordered = explaining + ordered.filter { finding in !explaining.contains { $0.requirementID == finding.requirementID } }
        }
        var fixes: [String] = []
        for finding in ordered where finding.outcome == .unmet {
            if let fix = finding.fix, !fixes.contains(fix) { fixes.append(fix) }
        }

        // The brief record writes no hints: they are built only when an observed failure on an allowed verdict
        // needs them (a stale token explains it).
        let needsHints = input.detail != .brief || (verdict == .allowed && input.observedStatus != nil)
        let hints = !needsHints ? [] : hints(rule, input, unmet: findings.lazy.filter { $0.outcome == .unmet },
                                             unknown: findings.lazy.filter { $0.outcome == .unknown }) + layerHints(input, findings)
        // The user saw 401/403 where the model predicts success: never a plain ALLOWED.
        let failure = verdict == .allowed ? ObservedFailure.explain(rule, input, hints: hints) : nil
        if let failure { verdict = failure.explainsFailure ? .denied : .indeterminate }

        var diagnosis = Diagnosis(
            apiID: rule.id, apiTitle: rule.title, verdict: verdict, predictedStatus: predictedStatus,
            observedStatus: input.observedStatus, token: input.token, findings: ordered, fixes: fixes,
            hints: input.detail == .brief ? [] : hints, evaluatedAt: input.at,
            caseName: input.evidence.caseName, collectionName: input.evidence.collectionName)
        diagnosis.observedFailure = failure
        diagnosis.observedResponse = input.observedResponse
        diagnosis.evidenceRead = input.evidence.read
        return diagnosis
    }

    /// An observed error that points at a modelled layer (`pointsAt` in the error table), e.g. Graph's
    /// Authorization_RequestDenied on a delegated call whose scope is present → the signed-in user's directory role.
    static func layerHints(_ input: EvaluationInput, _ findings: [Finding]) -> [Hint] {
        guard let response = input.observedResponse else { return [] }
        var hints: [Hint] = []
        for meaning in response.meanings {
            guard let kind = meaning.pointsAt, let layer = findings.first(where: { $0.kind == kind }),
                  !findings.contains(where: { $0.kind == .scope && $0.outcome != .met }) else { continue }
            let state = layer.outcome == .met ? "met by the evidence given, so look for a cause it does not model" : layer.outcome == .unmet ? "not met" : "unknown"
            let text = "The service answered \(meaning.matched) although the token carries the scope: that points at the second layer, the signed-in user's own directory role (requirement '\(layer.requirementID)', \(state)): \(layer.message)"
            let hint = Hint(id: "response-points-at-\(layer.requirementID)", text: text, sources: meaning.sources, confidence: meaning.confidence)
            if !hints.contains(hint) { hints.append(hint) }
        }
        return hints
    }

    /// Reported causes for an observed status that no unmet requirement explains, plus stale-token warnings.
    static func hints(_ rule: APIRule, _ input: EvaluationInput, unmet: LazyFilterSequence<[Finding]>,
                      unknown: LazyFilterSequence<[Finding]>) -> [Hint] {
        var hints: [Hint] = []
        if let observed = input.observedStatus, !unmet.contains(where: { $0.status == observed }) {
            let causes = rule.notes.filter { $0.status == observed }
            let undecided = unknown.filter { $0.status == observed }.map(\.requirementID)
            let lead = !undecided.isEmpty
                ? "The \(observed) you saw is what \(undecided.joined(separator: ", ")) gives when it fails; permcheck cannot decide it from the evidence given (see what is missing)"
                : unmet.isEmpty
                ? "All modelled requirements are met; a \(observed) here points to a cause permcheck cannot see in the token or evidence"
                : "No unmet requirement predicts the \(observed) you saw; other causes"
            hints.append(Hint(id: "observed-\(observed)", text: lead + (causes.isEmpty ? "." : ":"), sources: [], confidence: .inferred))
            hints += causes.map { Hint(id: $0.id, text: $0.text, sources: $0.sources, confidence: $0.confidence) }
        }
        hints += StaleTokenCheck.hints(rule, input)
        if !unmet.isEmpty || input.observedStatus != nil {
            // General notes (no status) matter whenever the call fails, e.g. a tenant setting that changes the rules.
            hints += rule.notes.filter { $0.status == nil }.map { Hint(id: $0.id, text: $0.text, sources: $0.sources, confidence: $0.confidence) }
        }
        return hints
    }
}
