import Foundation

/// All loaded API rules, with look-up by id or alias. Duplicate ids or aliases are an error.
public struct RuleSet: Sendable, Equatable {
    /// The rules, sorted by id.
    public let rules: [APIRule]

    /// Builds a rule set, rejecting duplicate ids and aliases across files.
    public init(_ rules: [APIRule]) throws(PermcheckError) {
        if let duplicate = RuleLinter.duplicateNames(rules).first {
            throw .ruleInvalid(path: duplicate.file, line: duplicate.line, id: nil, detail: duplicate.message)
        }
        self.rules = rules.sorted { $0.id < $1.id }
    }

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

    /// The rule with this id or alias.
    public func rule(named name: String) throws(PermcheckError) -> APIRule {
        if let rule = rules.first(where: { $0.isNamed(name) }) { return rule }
        let names = rules.flatMap { [$0.id] + $0.aliases }
        throw .unknownAPI(name, suggestions: Suggest.closest(to: name, in: names, limit: 3))
    }
}
