import Foundation
import PermcheckCore

/// `permcheck rules lint [DIR]` and `permcheck rules test [DIR]`.
enum RulesCommand {
    static func run(_ arguments: [String], console: Console) throws(PermcheckError) -> Int32 {
        let specs = [OptionSpec(name: "--help", takesValue: false)]
        let args = try Arguments.parse(arguments, specs: specs, command: "rules")
        if args.has("--help") || args.positionals.isEmpty { console.out(Help.rules); return args.has("--help") ? 0 : 2 }
        let directory = args.positionals.count > 1 ? args.positionals[1] : nil
        guard args.positionals.count <= 2 else { throw .usage("rules takes an action and at most one directory.") }
        switch args.positionals[0] {
        case "lint": return try lint(directory, console: console)
        case "test": return try test(directory, console: console)
        default: throw .usage("unknown rules action '\(args.positionals[0])'; use lint or test.")
        }
    }

    /// Loads every file, collecting load errors instead of stopping at the first.
    static func loadAll(_ directory: String?) throws(PermcheckError) -> (rules: [APIRule], problems: [String]) {
        guard let directory else { return (try RuleSet.builtIn().rules, []) }
        var rules: [APIRule] = []
        var problems: [String] = []
        for path in try RuleSource.ruleFiles(in: directory) {
            do {
                rules.append(try RuleLoader.load(try InputFiles.read(path, limit: InputLimits.fileBytes, describe: "rule file"), path: path))
            } catch {
                problems.append(error.message)
            }
        }
        do { _ = try RuleSet(rules) } catch { problems.append(error.message) }
        return (rules, problems)
    }

    static func lint(_ directory: String?, console: Console) throws(PermcheckError) -> Int32 {
        let (rules, loadProblems) = try loadAll(directory)
        let problems = loadProblems + RuleLinter.lint(rules, fileText: { path in
            directory == nil ? RuleLinter.embeddedText(path) : try? String(contentsOfFile: path, encoding: .utf8)
        }).map(\.description)
        for problem in problems { console.out(problem + "\n") }
        console.err("\(rules.count) rule file\(rules.count == 1 ? "" : "s") checked, \(problems.count) problem\(problems.count == 1 ? "" : "s")\n")
        return problems.isEmpty ? 0 : 1
    }

    static func test(_ directory: String?, console: Console) throws(PermcheckError) -> Int32 {
        let (rules, loadProblems) = try loadAll(directory)
        for problem in loadProblems { console.out("error: \(problem)\n") }
        let results = RuleExampleRunner.runAll(rules)
        for result in results {
            console.out("\(result.passed ? "pass" : "FAIL") \(result.rule): \(result.example)\n")
            for problem in result.problems { console.out("     \(problem)\n") }
        }
        let failed = results.filter { !$0.passed }.count
        console.err("\(results.count) example\(results.count == 1 ? "" : "s"), \(failed) failed\n")
        return failed == 0 && loadProblems.isEmpty ? 0 : 1
    }
}
