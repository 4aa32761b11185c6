/// `permcheck rules lint`: loads rule files (schema, unknown keys, requirement kinds, sources, fixes, URL templates,
/// statuses, example references — enforced by `RuleLoader`), then checks what spans files or needs evaluation:
/// duplicate ids and aliases, an allowed (indeterminate for a deprecated endpoint) and a denied example per API, examples that pass, 401 checks before 403 ones.
public enum RuleLinter {
    /// One problem, located by file and line (0 when unknown).
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        /// The rule file.
        public let file: String
        /// The 1-based line, or 0.
        public let line: Int
        /// What is wrong, in one sentence.
        public let message: String
        /// `file:line: message`.
        public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }

        /// Creates a problem.
        public init(file: String, line: Int, message: String) {
            self.file = file
            self.line = line
            self.message = message
        }
    }

    /// Loads and lints rule files given as (path, content); reading them is the caller's job.
    /// - Returns: the rules that loaded, and every problem found, sorted by file and line.
    public static func lintFiles(_ files: [(path: String, bytes: [UInt8])]) -> (rules: [APIRule], problems: [Problem]) {
        var rules: [APIRule] = []
        var problems: [Problem] = []
        for file in files {
            do {
                rules.append(try RuleLoader.load(file.bytes, path: file.path))
            } catch {
                problems.append(problem(from: error, file: file.path))
            }
        }
        let text = { (path: String) -> String? in files.first { $0.path == path }.map { String(decoding: $0.bytes, as: UTF8.self) } }
        problems += duplicateNames(rules) + lint(rules) + catalogueConflicts(rules, fileText: text)
        return (rules, problems.sorted { ($0.file, $0.line, $0.message) < ($1.file, $1.line, $1.message) })
    }

    /// Lints loaded rules: an allowed and a denied example each, examples that pass, 401 requirements before 403 ones.
    public static func lint(_ rules: [APIRule]) -> [Problem] {
        var problems: [Problem] = []
        for rule in rules {
            let verdicts = Set(rule.examples.map(\.expectedVerdict))
            let examplesLine = rule.lines["/examples"] ?? rule.line("/id")
            // A deprecated endpoint is never allowed: its rule shows the indeterminate verdict instead.
            let isDeprecated = rule.requirements.contains { if case .deprecated = $0.check { true } else { false } }
            let wanted: [Verdict] = isDeprecated ? [.indeterminate, .denied] : [.allowed, .denied]
            for verdict in wanted where !verdicts.contains(verdict) {
                problems.append(Problem(file: rule.file, line: examplesLine,
                                        message: "rule '\(rule.id)' has no example with verdict '\(verdict.rawValue)'; add one so the rule is tested both ways"))
            }
            if let first403 = rule.requirements.firstIndex(where: { $0.status == 403 }),
               let late401 = rule.requirements.indices.dropFirst(first403).first(where: { rule.requirements[$0].status == 401 }) {
                problems.append(Problem(file: rule.file, line: rule.line("/requirements/\(late401)"),
                                        message: "rule '\(rule.id)': 401 requirement '\(rule.requirements[late401].id)' comes after 403 requirement '\(rule.requirements[first403].id)'; list authentication checks first (the predicted status is the first unmet requirement's)"))
            }
            for (index, example) in rule.examples.enumerated() {
                let result = RuleExampleRunner.run(example, of: rule)
                guard !result.passed else { continue }
                problems.append(Problem(file: rule.file, line: rule.line("/examples/\(index)"),
                                        message: "example '\(example.name)' of '\(rule.id)' fails: \(result.problems.joined(separator: "; "))"))
            }
        }
        return problems
    }

    /// Ids and aliases used more than once (case-insensitive), within a file or across files.
    public static func duplicateNames(_ rules: [APIRule]) -> [Problem] {
        var seen: [String: (file: String, line: Int)] = [:]
        var problems: [Problem] = []
        for rule in rules {
            let names = [(rule.id, "/id")] + rule.aliases.enumerated().map { ($0.element, "/aliases/\($0.offset)") }
            for (name, pointer) in names {
                let key = name.lowercased()
                let line = rule.line(pointer)
                if let first = seen[key] {
                    problems.append(Problem(file: rule.file, line: line,
                                            message: "the id or alias '\(name)' of rule '\(rule.id)' is already used at \(first.line > 0 ? "\(first.file):\(first.line)" : first.file)"))
                } else {
                    seen[key] = (rule.file, line)
                }
            }
        }
        return problems
    }

    static func problem(from error: PermcheckError, file: String) -> Problem {
        if case .ruleInvalid(let path, let line, let id, let detail) = error {
            return Problem(file: path, line: line, message: (id.map { "rule '\($0)': " } ?? "") + detail)
        }
        return Problem(file: file, line: 0, message: error.message)
    }
}
