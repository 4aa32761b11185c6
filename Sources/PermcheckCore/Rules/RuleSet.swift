import Foundation

/// All loaded API rules, with look-up by id or alias. Duplicate ids or aliases are an error.
public struct RuleSet: Sendable, Equatable {
    /// The rules, sorted by id.
    public let rules: [APIRule]

    /// Builds a rule set, rejecting duplicate ids and aliases across files.
    public init(_ rules: [APIRule]) throws(PermcheckError) {
        var seen: [String: String] = [:]
        for rule in rules {
            for name in [rule.id] + rule.aliases {
                let key = name.lowercased()
                if let other = seen[key] {
                    throw .ruleInvalid(path: rule.file, line: 0, id: rule.id,
                                       detail: "the id or alias '\(name)' is already used in \(other)")
                }
                seen[key] = rule.file
            }
        }
        self.rules = rules.sorted { $0.id < $1.id }
    }

    /// The rules compiled into the binary.
    public static func builtIn() throws(PermcheckError) -> RuleSet {
        var rules: [APIRule] = []
        for file in EmbeddedRules.files {
            rules.append(try RuleLoader.load(Array(file.content.utf8), path: file.path))
        }
        return try RuleSet(rules)
    }

    /// The rule with this id or alias.
    public func rule(named name: String) throws(PermcheckError) -> APIRule {
        if let rule = rules.first(where: { $0.isNamed(name) }) { return rule }
        let names = rules.flatMap { [$0.id] + $0.aliases }
        throw .unknownAPI(name, suggestions: Suggest.closest(to: name, in: names, limit: 3))
    }
}
