import Foundation

/// A check with its rule resolved, token decoded and evidence read: ready to evaluate (or to compare with another).
public struct PreparedCheck {
    /// The rule that decides the call.
    public let rule: APIRule
    /// The request the rule was found from, when the check named a request.
    public let request: ResolvedRequest?
    /// The pure evaluator's input.
    public let input: EvaluationInput

    /// Evaluates the check.
    public func evaluate() -> Diagnosis { Evaluator.evaluate(rule, input) }
}

extension Permcheck {
    /// The pipeline: resolves the rule, decodes the token, reads the evidence and evaluates, in that order.
    /// - Parameter context: turns an input error of one stage into the caller's own wording (a plan names the check
    ///   and field); by default errors pass through.
    public static func check(_ input: CheckInput,
                             context: (CheckInput.Field, PermcheckError) -> PermcheckError = { $1 }) throws(PermcheckError) -> Diagnosis {
        try prepare(input, context: context).evaluate()
    }

    /// The pipeline's first three stages; see ``check(_:context:)``.
    public static func prepare(_ input: CheckInput,
                               context: (CheckInput.Field, PermcheckError) -> PermcheckError = { $1 }) throws(PermcheckError) -> PreparedCheck {
        func stage<T>(_ field: CheckInput.Field, _ body: () throws(PermcheckError) -> T) throws(PermcheckError) -> T {
            do { return try body() } catch { throw context(field, error) }
        }
        let (rule, resolved) = try stage(.rule) { () throws(PermcheckError) in try resolveRule(input.rule, in: input.rules) }
        var target = resolved?.target
        if target == nil, let line = input.requestLine { target = try stage(.rule) { () throws(PermcheckError) in try RequestTarget.parse(line) } }
        let token = try stage(.token) { () throws(PermcheckError) in try decodeToken(input.token) }
        let evidence = try readEvidence(input.documents, into: input.evidence, context: context)
        let request = RequestContext(method: target?.method, url: target?.url, headers: input.headers)
        var evaluation = EvaluationInput(
            token: token, evidence: evidence, request: request, at: input.at,
            observedStatus: input.observedStatus ?? input.observedResponse?.evaluationStatus,
            targetCloud: input.targetCloud ?? target?.cloud ?? input.observedResponse?.challenge?.authorityCloud?.cloud)
        evaluation.observedResponse = input.observedResponse
        evaluation.detail = input.detail
        return PreparedCheck(rule: rule, request: resolved, input: evaluation)
    }

    /// Stage 1: the rule, and the resolved request when the check named one.
    public static func resolveRule(_ choice: CheckInput.RuleChoice, in table: CheckInput.RuleTable) throws(PermcheckError) -> (APIRule, ResolvedRequest?) {
        switch (choice, table) {
        case (.rule(let rule), _):
            return (rule, nil)
        case (.api(let name), .builtIn):
            return (try RuleSet.builtIn(named: name).rule(named: name), nil)
        case (.api(let name), .loaded(let rules)):
            return (try rules.rule(named: name), nil)
        case (.request(let line), .loaded(let rules)):
            let resolved = try RequestResolver.resolve(line, rules: rules, catalog: .embedded)
            return (resolved.rule, resolved)
        case (.request(let line), .builtIn):
            let resolved = try resolveBuiltIn(line)
            return (resolved.rule, resolved)
        }
    }

    /// Resolves a request against the built-in rules, parsing only the rule files and the catalogue part that can
    /// match it; when that fails, against every rule and the whole catalogue, so the error suggests the same closest
    /// requests as without the narrowing.
    static func resolveBuiltIn(_ line: String) throws(PermcheckError) -> ResolvedRequest {
        if let target = try? RequestTarget.parse(line),
           let rules = try? RuleSet.builtIn(relevantTo: target),
           let resolved = try? RequestResolver.resolve(target, rules: rules, catalog: .embedded(for: target)) {
            return resolved
        }
        return try RequestResolver.resolve(line, rules: try RuleSet.builtIn(), catalog: .embedded)
    }

    /// Stage 2: the token.
    static func decodeToken(_ source: CheckInput.TokenSource) throws(PermcheckError) -> AccessToken {
        switch source {
        case .decoded(let token): return token
        case .bytes(let bytes, let name): return try TokenDecoder.decode(bytes, source: name)
        case .line(let bytes, let line): return try TokenDecoder.decode(bytes) { "line \(line)" }
        case .deferred(let read):
            let (bytes, name) = try read()
            return try TokenDecoder.decode(bytes, source: name)
        }
    }

    /// Stage 3: one evidence document, read into `evidence` by its kind's reader.
    static func read(_ document: CheckInput.EvidenceDocument, into evidence: inout Evidence) throws(PermcheckError) {
        let value: JSONValue
        switch document.content {
        case .json(let json): value = json
        case .bytes(let read): value = try EvidenceReader.json(try read(), path: document.path)
        }
        try document.kind.read(value, document.path, &evidence)
        evidence.read[document.kind.key] = EvidenceRead.summary(kind: document.kind, value: value, path: document.path, evidence: evidence)
    }

    /// Stage 3 on its own: reads evidence documents in ``EvidenceKind/all`` order. Runs that evaluate many tokens
    /// against the same evidence (batch) read it once and pass the result as ``CheckInput/evidence``.
    public static func readEvidence(_ documents: [CheckInput.EvidenceDocument], into evidence: Evidence,
                                    context: (CheckInput.Field, PermcheckError) -> PermcheckError = { $1 }) throws(PermcheckError) -> Evidence {
        var result = evidence
        for kind in EvidenceKind.all {
            for document in documents where document.kind.key == kind.key {
                do { try read(document, into: &result) } catch { throw context(.evidence(kind), error) }
            }
        }
        return result
    }
}
