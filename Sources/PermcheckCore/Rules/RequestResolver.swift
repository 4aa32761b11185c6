/// A request line resolved to the rule that decides it.
public struct ResolvedRequest: Sendable {
    /// Where the rule came from.
    public enum Source: String, Sendable, Equatable {
        /// A hand-written rule file (`rules/<family>/*.json` or `--rules DIR`).
        case handWritten = "hand-written"
        /// Synthesized from the Microsoft Graph permission catalogue.
        case catalogue
    }

    /// The rule to evaluate.
    public let rule: APIRule
    /// The request as parsed.
    public let target: RequestTarget
    /// Whether a hand-written rule or the catalogue answered.
    public let source: Source
    /// The catalogue operation for the request, when it is a Graph request the catalogue knows
    /// (also set when a hand-written rule won, so callers can compare the two).
    public let catalogMatch: GraphCatalogMatch?
}

/// Resolves `METHOD URL` to an ``APIRule``: hand-written rules first, then the Graph catalogue.
public enum RequestResolver {
    /// How many suggestions an unknown request lists.
    public static let suggestionCount = 3

    /// Resolves a request line.
    ///
    /// 1. A hand-written rule whose `requests` template matches (method equal; path parameters; `/me` ↔
    ///    `/users/{id}`; Graph hosts of every cloud are equivalent; query and fragment ignored) wins; the most
    ///    literal segments decide between several.
    /// 2. Otherwise a Graph request (Graph host, or no host) is looked up in `catalog` and a rule is
    ///    synthesized with ``GraphCatalogRule/make(_:catalogCommit:targetHasHost:)``.
    /// - Throws: ``PermcheckError`` (exit 2) for an unreadable line or a request nothing covers; the message
    ///   lists the three closest known operations.
    public static func resolve(_ requestLine: String, rules: RuleSet, catalog: GraphCatalog) throws(PermcheckError) -> ResolvedRequest {
        try resolve(try RequestTarget.parse(requestLine), rules: rules, catalog: catalog)
    }

    /// Like resolving the request line, for a line already parsed (callers that parsed it do not parse it twice).
    public static func resolve(_ target: RequestTarget, rules: RuleSet, catalog: GraphCatalog) throws(PermcheckError) -> ResolvedRequest {
        let catalogMatch = target.isGraph ? catalog.match(target) : nil
        if let rule = handWrittenRule(for: target, in: rules) {
            return ResolvedRequest(rule: rule, target: target, source: .handWritten, catalogMatch: catalogMatch)
        }
        if let catalogMatch {
            let rule = GraphCatalogRule.make(catalogMatch.operation, catalogCommit: catalog.headerValue("upstream-commit"),
                                             targetHasHost: target.host != nil, target: catalogMatch.target,
                                             adjustments: catalogMatch.adjustments)
            return ResolvedRequest(rule: rule, target: target, source: .catalogue, catalogMatch: catalogMatch)
        }
        let suggestions = target.isGraph
            ? closestOperations(to: target, in: catalog)
            : closestRuleRequests(to: target, in: rules)
        let shown = target.isGraph ? "\(target.method) \(target.pathWithoutVersion)" : "\(target.method) \(target.url)"
        let closest = suggestions.isEmpty ? "" : "; closest known: " + suggestions.map { "'\($0)'" }.joined(separator: ", ")
        let scope = target.isGraph ? "no API rule and no Microsoft Graph catalogue operation matches it"
                                   : "'\(target.host ?? "")' is not a Microsoft Graph host and no API rule matches it"
        throw .inputInvalid(source: "the request '\(shown)'", detail: scope + closest)
    }

    /// The most specific hand-written rule matching `target`, or `nil`.
    public static func handWrittenRule(for target: RequestTarget, in rules: RuleSet) -> APIRule? {
        let host = target.host ?? "graph.microsoft.com"
        var best: (rule: APIRule, literals: Int)?
        for rule in rules.rules {
            for pattern in rule.requests where pattern.method.equalsIgnoringCase(target.method) {
                for text in pattern.urlTemplates {
                    guard let template = URLTemplate(text) else { continue }
                    for segments in meUserVariants(target) {
                        guard let literals = template.match(host: host, path: segments, hostEquivalent: equivalentHosts) else { continue }
                        if best == nil || literals > best!.literals { best = (rule, literals) }
                    }
                }
            }
        }
        return best?.rule
    }

    /// Two hosts are equivalent when equal, or when both are Microsoft Graph hosts (of any cloud).
    static func equivalentHosts(_ a: String, _ b: String) -> Bool {
        a == b || (RequestTarget.isGraphHost(a) && RequestTarget.isGraphHost(b))
    }

    /// The request's path segments, then (for Graph) with `/me` ↔ `/users/{id}` swapped after the version.
    static func meUserVariants(_ target: RequestTarget) -> [[Substring]] {
        let segments = target.segments.map { Substring($0) }
        guard target.isGraph else { return [segments] }
        let start = target.apiVersion == nil ? 0 : 1
        let head = Array(segments.prefix(start))
        let rest = segments.dropFirst(start)
        if let first = rest.first, first.caseInsensitiveEquals("me") {
            return [segments, head + ["users", "me"] + rest.dropFirst()]
        }
        if let first = rest.first, first.caseInsensitiveEquals("users"), rest.count >= 2 {
            return [segments, head + ["me"] + rest.dropFirst(2)]
        }
        return [segments]
    }

    /// The catalogue operations closest to a Graph request; a mistyped first segment (`/usrs/…`) is first
    /// replaced by the closest resource name the catalogue knows.
    /// Candidates come from ``GraphCatalog/closestTemplates(to:limit:)`` and are re-ranked by edit distance,
    /// so a typo in a later segment (`/users/{id}/mesages`) still finds its operation.
    static func closestOperations(to target: RequestTarget, in catalog: GraphCatalog) -> [String] {
        var lookup = target
        if let first = target.canonicalSegments.first, catalog.index[String(first.prefix { $0 != "(" })] == nil,
           let resource = Suggest.closest(to: String(first.prefix { $0 != "(" }), in: catalog.index.keys.sorted(), limit: 1).first {
            let path = "/" + ([resource] + target.canonicalSegments.dropFirst()).joined(separator: "/")
            lookup = RequestTarget(method: target.method, host: target.host, apiVersion: target.apiVersion, rawPath: path)
        }
        let wanted = Array(target.method + " " + target.path)
        let candidates = catalog.closestTemplates(to: lookup, limit: 40)
        return candidates.enumerated()
            .map { (text: $0.element, rank: $0.offset, distance: Suggest.editDistance(wanted, Array($0.element.lowercased()))) }
            .sorted { ($0.distance, $0.rank) < ($1.distance, $1.rank) }
            .prefix(suggestionCount).map(\.text)
    }

    /// The hand-written rules' requests closest to a non-Graph request, as `METHOD template`.
    static func closestRuleRequests(to target: RequestTarget, in rules: RuleSet) -> [String] {
        let wanted = Array("\(target.method) \(target.url)".lowercased())
        let candidates = Set(rules.rules.flatMap { rule in rule.requests.flatMap { p in p.urlTemplates.map { "\(p.method) \($0)" } } })
        return candidates.map { ($0, Suggest.editDistance(wanted, Array($0.lowercased()))) }
            .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
            .prefix(suggestionCount).map(\.0)
    }
}
