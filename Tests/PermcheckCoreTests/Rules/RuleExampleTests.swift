import Foundation
import Testing
@testable import PermcheckCore

/// Every example of every built-in rule runs as a test, so a new rule file brings its own tests.
struct LabelledExample: Sendable, CustomTestStringConvertible {
    let rule: APIRule
    let example: RuleExample
    var testDescription: String { "\(rule.id): \(example.name)" }
}

@Suite struct RuleExampleTests {
    static let examples: [LabelledExample] = TestSupport.builtIn.rules.flatMap { rule in rule.examples.map { LabelledExample(rule: rule, example: $0) } }

    @Test(arguments: examples)
    func eachRuleExampleProducesItsExpectedVerdict(_ item: LabelledExample) {
        let result = RuleExampleRunner.run(item.example, of: item.rule)
        #expect(result.problems.isEmpty, "\(result.problems.joined(separator: "; "))")
    }

    @Test func everyBuiltInRuleHasAnAllowedAndADeniedExample() {
        for rule in TestSupport.builtIn.rules {
            let verdicts = Set(rule.examples.map(\.expectedVerdict))
            // A deprecated endpoint is never allowed; its rule shows the indeterminate verdict instead.
            let isDeprecated = rule.requirements.contains { if case .deprecated = $0.check { true } else { false } }
            #expect(verdicts.contains(isDeprecated ? .indeterminate : .allowed), "\(rule.id)")
            #expect(verdicts.contains(.denied), "\(rule.id)")
        }
    }

    @Test func theShippedRulesLintClean() {
        #expect(RuleLinter.lint(TestSupport.builtIn.rules).map(\.description) == [])
    }

    @Test func anExampleWithTheWrongExpectationFails() throws {
        let rule = try TestSupport.builtIn.rule(named: "export-download")
        let example = try #require(rule.examples.first { $0.expectedVerdict == .denied })
        let flipped = RuleExample(name: example.name, claims: example.claims, evidence: example.evidence, caseName: example.caseName,
                                  collectionName: nil, headers: example.headers, at: example.at, observedStatus: nil,
                                  expectedVerdict: .allowed, expectedStatus: nil, expectedUnmet: [], expectedUnknown: [])
        #expect(!RuleExampleRunner.run(flipped, of: rule).passed)
    }
}

@Suite struct EmbeddedRulesTests {
    @Test func theEmbeddedRuleCopiesMatchTheFilesInRules() throws {
        for file in EmbeddedRules.files + EmbeddedRules.dataFiles {
            let onDisk = try String(contentsOf: TestSupport.repositoryRoot.appendingPathComponent(file.path), encoding: .utf8)
            #expect(onDisk == file.content, "\(file.path) is stale: run scripts/embed-rules")
        }
    }

    @Test func everyRuleFileOnDiskIsEmbedded() throws {
        let rulesDirectory = TestSupport.repositoryRoot.appendingPathComponent("rules")
        let enumerator = FileManager.default.enumerator(atPath: rulesDirectory.path)
        var onDisk: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".json") && !path.hasSuffix(".schema.json") && !path.hasPrefix("graph/") { onDisk.append("rules/" + path) }
        }
        let embedded = Set((EmbeddedRules.files + EmbeddedRules.dataFiles).map(\.path))
        #expect(Set(onDisk) == embedded, "run scripts/embed-rules")
    }
}
