/// `permcheck rules lint`: checks beyond what the loader enforces, so a growing rule table stays honest.
public enum RuleLinter {
    /// One problem, located by file (and line when known).
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public let file: String
        public let line: Int
        public let message: String
        public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
    }

    /// Lints loaded rules: examples must include an allowed and a denied case and must pass;
    /// 401 requirements should come before 403 ones (the service authenticates before it authorizes);
    /// Graph rules must not contradict the Graph permission catalogue (``catalogueConflicts(_:catalog:fileText:)``).
    /// `fileText` returns a rule file's text, for line numbers (default: the embedded built-in rules).
    public static func lint(_ rules: [APIRule], fileText: (String) -> String? = embeddedText) -> [Problem] {
        var problems: [Problem] = []
        for rule in rules {
            let verdicts = Set(rule.examples.map(\.expectedVerdict))
            if !verdicts.contains(.allowed) { problems.append(Problem(file: rule.file, line: 0, message: "rule '\(rule.id)' has no example with verdict 'allowed'")) }
            if !verdicts.contains(.denied) { problems.append(Problem(file: rule.file, line: 0, message: "rule '\(rule.id)' has no example with verdict 'denied'")) }
            if let first403 = rule.requirements.firstIndex(where: { $0.status == 403 }),
               let late401 = rule.requirements[first403...].first(where: { $0.status == 401 }) {
                problems.append(Problem(file: rule.file, line: 0, message: "rule '\(rule.id)': 401 requirement '\(late401.id)' comes after a 403 requirement; list authentication checks first"))
            }
            for result in rule.examples.map({ RuleExampleRunner.run($0, of: rule) }) where !result.passed {
                problems.append(Problem(file: rule.file, line: 0, message: "example '\(result.example)' of '\(rule.id)' fails: \(result.problems.joined(separator: "; "))"))
            }
        }
        return problems + catalogueConflicts(rules, fileText: fileText)
    }
}
