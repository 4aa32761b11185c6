import Foundation
import Testing
@testable import PermcheckCore

/// One mistake per directory under fixtures/rules-invalid/, and the `file:line: message` lint reports for it.
struct LintCase: Sendable, CustomTestStringConvertible {
    let directory: String
    let file: String
    let line: Int
    let fragment: String
    var testDescription: String { directory }
}

@Suite struct RuleLinterTests {
    static func files(_ directory: String) throws -> [(path: String, bytes: [UInt8])] {
        let base = TestSupport.repositoryRoot.appendingPathComponent("fixtures/rules-invalid/\(directory)")
        return try FileManager.default.contentsOfDirectory(atPath: base.path).filter { $0.hasSuffix(".json") }.sorted().map { name in
            ("\(directory)/\(name)", try TestSupport.fixture("fixtures/rules-invalid/\(directory)/\(name)"))
        }
    }

    static let cases: [LintCase] = [
        LintCase(directory: "unknown-key", file: "widgets-list.json", line: 54, fragment: "unknown field 'titel' in the rule; did you mean 'title'?"),
        LintCase(directory: "unknown-requirement-kind", file: "widgets-list.json", line: 22, fragment: "unknown requirement kind 'scopes'; did you mean 'scope'?"),
        LintCase(directory: "duplicate-id", file: "widgets-list.json", line: 3, fragment: "'contoso.widgets-list' of rule 'contoso.widgets-list' is already used at duplicate-id/widgets-get.json:3"),
        LintCase(directory: "duplicate-alias", file: "widgets-list.json", line: 4, fragment: "alias 'widgets-list' of rule 'contoso.widgets-list' is already used at duplicate-alias/widgets-get.json:4"),
        LintCase(directory: "missing-source", file: "widgets-list.json", line: 20, fragment: "requirement 'widgets-scope' needs at least one source URL"),
        LintCase(directory: "missing-fix", file: "widgets-list.json", line: 20, fragment: "requirement 'widgets-scope' needs a 'fix'"),
        LintCase(directory: "bad-url-template", file: "widgets-list.json", line: 8, fragment: "URL template 'https://api.contoso.example/v1/widgets/{id' does not parse"),
        LintCase(directory: "status-500", file: "widgets-list.json", line: 25, fragment: "has status 500; a failed requirement means 401 (authentication) or 403 (authorization)"),
        LintCase(directory: "example-names-unknown-requirement", file: "widgets-list.json", line: 52, fragment: "names unknown requirement 'widget-scope'; did you mean 'widgets-scope'?"),
        LintCase(directory: "no-allowed-example", file: "widgets-list.json", line: 31, fragment: "has no example with verdict 'allowed'"),
        LintCase(directory: "no-denied-example", file: "widgets-list.json", line: 31, fragment: "has no example with verdict 'denied'"),
        LintCase(directory: "requirement-order", file: "widgets-list.json", line: 20, fragment: "401 requirement 'widgets-audience' comes after 403 requirement 'widgets-scope'"),
        LintCase(directory: "deprecated-without-indeterminate-example", file: "widgets-list.json", line: 42, fragment: "has no example with verdict 'indeterminate'"),
        LintCase(directory: "failing-example", file: "widgets-list.json", line: 32, fragment: "example 'Token with Widgets.Read' of 'contoso.widgets-list' fails: expected allowed, got denied"),
    ]

    @Test(arguments: cases)
    func lintReportsEachKindOfMistakeExactlyOnceWithItsFileAndLine(_ item: LintCase) throws {
        let problems = RuleLinter.lintFiles(try Self.files(item.directory)).problems
        #expect(problems.count == 1, "\(problems.map(\.description))")
        let problem = try #require(problems.first)
        #expect(problem.file == "\(item.directory)/\(item.file)")
        #expect(problem.line == item.line, "\(problem.description)")
        #expect(problem.message.contains(item.fragment), "\(problem.message)")
        #expect(problem.description.hasPrefix("\(item.directory)/\(item.file):\(item.line): "))
    }

    @Test func theValidTemplateTheMistakesStartFromLintsClean() throws {
        let result = RuleLinter.lintFiles(try Self.files("valid"))
        #expect(result.rules.count == 1)
        #expect(result.problems == [])
    }

    @Test func theShippedRulesLintCleanThroughTheFileEntryPoint() {
        #expect(RuleLinter.lintFiles(RuleSet.embeddedFiles).problems.map(\.description) == [])
    }

    @Test func aRuleSetRefusesDuplicateNamesWithTheirLine() throws {
        let rules = try Self.files("duplicate-alias").map { try RuleLoader.load($0.bytes, path: $0.path) }
        let error = #expect(throws: PermcheckError.self) { try RuleSet(rules) }
        #expect(error?.message.hasPrefix("duplicate-alias/widgets-list.json:4") == true, "\(error?.message ?? "no error")")
    }

    @Test func theRuleSchemaListsExactlyTheKeysTheLoaderAccepts() throws {
        let schema = try JSONParser.parse(try TestSupport.fixture("rules/rule.schema.json"))
        let ruleKeys = schema["properties"]?.objectValue?.keys.sorted() ?? []
        #expect(ruleKeys == RuleLoader.ruleKeys.sorted())
        let requirementKeys = schema["$defs"]?["requirement"]?["properties"]?.objectValue?.keys.sorted() ?? []
        #expect(requirementKeys == RuleLoader.requirementKeys.sorted())
        let kinds = schema["$defs"]?["requirement"]?["properties"]?["kind"]?["enum"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(kinds.sorted() == RequirementKind.ruleFileNames.sorted())
    }
}
