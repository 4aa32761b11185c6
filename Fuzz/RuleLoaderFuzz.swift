// libFuzzer harness for the rule loader. Built by scripts/fuzz together with Sources/PermcheckCore/**/*.swift in
// one module.
import Foundation

/// Loads the input as a rule file; a rule that loads is linted, explained, and its examples are run.
func ruleLoaderFuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    guard let rule = try? RuleLoader.load(bytes, path: "fuzz.json") else { return 0 }
    _ = try? RuleSet([rule])
    _ = RuleLinter.lint([rule])
    _ = RuleReport.explain(rule)
    _ = RuleExampleRunner.runAll([rule])
    return 0
}
