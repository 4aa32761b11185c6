import Foundation
import PermcheckCore

/// `permcheck rules lint [DIR]` and `permcheck rules test [DIR]`.
enum RulesCommand {
    static let specs = [Options.help]

    static func run(_ arguments: [String], console: Console) throws(PermcheckError) -> Int32 {
        let args = try Arguments.parse(arguments, specs: specs, command: "rules")
        if args.has("--help") { return try Help.show("rules", console: console) }
        if args.positionals.isEmpty { console.out(Help.forCommand("rules", width: console.helpWidth) ?? ""); return 2 }
        let directory = args.positionals.count > 1 ? args.positionals[1] : nil
        guard args.positionals.count <= 2 else { throw .usage("rules takes an action and at most one directory.") }
        switch args.positionals[0] {
        case "lint": return try lint(directory, console: console)
        case "test": return try test(directory, console: console)
        default: throw .usage("unknown rules action '\(args.positionals[0])'; use lint or test.")
        }
    }

    /// Loads and lints every rule file (the built-in set without a directory), collecting every problem.
    static func loadAll(_ directory: String?) throws(PermcheckError) -> (rules: [APIRule], problems: [RuleLinter.Problem]) {
        var files: [(path: String, bytes: [UInt8])] = []
        if let directory {
            for path in try RuleSource.ruleFiles(in: directory) {
                files.append((path, try InputFiles.read(path, limit: InputLimits.fileBytes, describe: "rule file")))
            }
        } else {
            files = RuleSet.embeddedFiles
        }
        return RuleLinter.lintFiles(files)
    }

    static func lint(_ directory: String?, console: Console) throws(PermcheckError) -> Int32 {
        let (rules, problems) = try loadAll(directory)
        for problem in problems { console.out(problem.description + "\n") }
        console.err("\(rules.count) rule file\(rules.count == 1 ? "" : "s") loaded, \(problems.count) problem\(problems.count == 1 ? "" : "s")\n")
        return problems.isEmpty ? 0 : 1
    }

    static func test(_ directory: String?, console: Console) throws(PermcheckError) -> Int32 {
        let (rules, lintProblems) = try loadAll(directory)
        // Only problems that stop a file from loading matter here; example failures are reported below.
        let loadProblems = lintProblems.filter { problem in !rules.contains { $0.file == problem.file } } + RuleLinter.duplicateNames(rules)
        for problem in loadProblems { console.out("error: \(problem.description)\n") }
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
