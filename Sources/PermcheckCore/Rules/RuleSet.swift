import Foundation

/// All loaded API rules, with look-up by id or alias. Duplicate ids or aliases are an error.
public struct RuleSet: Sendable, Equatable {
    /// The rules, sorted by id.
    public let rules: [APIRule]
    /// Positions in ``rules`` by lower-cased id and alias (a batch looks a rule up per line).
    private let positions: [String: Int]

    /// Builds a rule set, rejecting duplicate ids and aliases across files.
    public init(_ rules: [APIRule]) throws(PermcheckError) {
        if let duplicate = RuleLinter.duplicateNames(rules).first {
            throw .ruleInvalid(path: duplicate.file, line: duplicate.line, id: nil, detail: duplicate.message)
        }
        self.rules = rules.sorted { $0.id < $1.id }
        var positions: [String: Int] = [:]
        for (position, rule) in self.rules.enumerated() {
            for name in [rule.id] + rule.aliases { positions[name.lowercased()] = position }
        }
        self.positions = positions
    }

    public static func == (lhs: RuleSet, rhs: RuleSet) -> Bool { lhs.rules == rhs.rules }

    /// The rule files compiled into the binary, as (path, content).
    public static var embeddedFiles: [(path: String, bytes: [UInt8])] {
        EmbeddedRules.files.map { ($0.path, Array($0.content.utf8)) }
    }

    /// The rules compiled into the binary.
    public static func builtIn() throws(PermcheckError) -> RuleSet {
        var rules: [APIRule] = []
        for file in EmbeddedRules.files {
            rules.append(try RuleLoader.load(Array(file.content.utf8), path: file.path))
        }
        return try RuleSet(rules)
    }

    /// The built-in rule named `name` (id or alias, case ignored), parsing only its file; when no built-in rule has
    /// that name, every built-in rule (so ``rule(named:)`` can suggest the closest names).
    /// Picks the file from ``EmbeddedRules/index``, so `--api NAME` does not parse the other rule files.
    /// The narrowed sets record no line numbers (``APIRule/lines`` is empty): only `rules lint` uses them.
    public static func builtIn(named name: String) throws(PermcheckError) -> RuleSet {
        guard let position = EmbeddedRules.index.firstIndex(where: { entry in
            entry.id.equalsIgnoringCase(name) || entry.aliases.contains { $0.equalsIgnoringCase(name) }
        }) else { return try builtIn() }
        let file = EmbeddedRules.files[position]
        return try RuleSet([RuleLoader.load(Array(file.content.utf8), path: file.path, lineNumbers: false)])
    }

    /// The built-in rules that match `target`: only the files whose requests (from ``EmbeddedRules/index``) match it
    /// the way ``RequestResolver/handWrittenRule(for:in:)`` matches are parsed. Keeps `can` and `--request` fast
    /// however many rule files there are; ``RequestResolver`` picks the same rule as from ``builtIn()``.
    public static func builtIn(relevantTo target: RequestTarget) throws(PermcheckError) -> RuleSet {
        let host = target.host ?? "graph.microsoft.com"
        let variants = RequestResolver.meUserVariants(target)
        var rules: [APIRule] = []
        for (position, entry) in EmbeddedRules.index.enumerated() {
            let matches = entry.requests.contains { request in
                request.method.equalsIgnoringCase(target.method) && request.urls.contains { text in
                    guard let template = URLTemplate(text) else { return false }
                    return variants.contains {
                        template.match(host: host, path: $0, hostEquivalent: RequestResolver.equivalentHosts) != nil
                    }
                }
            }
            guard matches else { continue }
            let file = EmbeddedRules.files[position]
            rules.append(try RuleLoader.load(Array(file.content.utf8), path: file.path, lineNumbers: false))
        }
        return try RuleSet(rules)
    }

    /// The rule with this id or alias.
    public func rule(named name: String) throws(PermcheckError) -> APIRule {
        if let position = positions[name.lowercased()] { return rules[position] }
        let names = rules.flatMap { [$0.id] + $0.aliases }
        throw .unknownAPI(name, suggestions: Suggest.closest(to: name, in: names, limit: 3))
    }
}
