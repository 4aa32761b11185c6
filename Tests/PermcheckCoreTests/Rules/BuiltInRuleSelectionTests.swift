import Foundation
import Testing
@testable import PermcheckCore

/// `--api NAME`, `can` and `--request` parse only the built-in rule files they need, picked from
/// ``EmbeddedRules/index``; these tests hold the index to the files and the narrowed sets to the full one.
@Suite struct BuiltInRuleSelectionTests {
    /// Every request template of every built-in rule, filled in with sample values, plus requests no rule covers.
    static let requests: [String] = {
        var lines = TestSupport.builtIn.rules.flatMap { rule in
            rule.requests.flatMap { pattern in pattern.urlTemplates.map { "\(pattern.method) \(filledIn($0))" } }
        }
        lines += ["GET https://graph.microsoft.com/v1.0/users/{id}/messages", "GET https://graph.microsoft.com/v1.0/me",
                  "POST https://graph.microsoft.com/beta/me/exportPersonalData", "GET /v1.0/security/cases/ediscoveryCases",
                  "GET https://contoso.purview.azure.com/nothing/here", "DELETE https://example.com/a/b"]
        return lines
    }()

    static func filledIn(_ template: String) -> String {
        template.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            if segment == "{version}" { return "v1.0" }
            if segment.hasSuffix("*}") { return "a/b" }
            return segment.replacingOccurrences(of: "{", with: "x").replacingOccurrences(of: "}", with: "1")
        }.joined(separator: "/")
    }

    @Test func theEmbeddedIndexListsEachRuleFilesIDAliasesAndRequests() throws {
        #expect(EmbeddedRules.index.count == EmbeddedRules.files.count, "run `swift run permcheck-generate`")
        for (entry, file) in zip(EmbeddedRules.index, EmbeddedRules.files) {
            let rule = try RuleLoader.load(Array(file.content.utf8), path: file.path)
            #expect(entry.id == rule.id && entry.aliases == rule.aliases, "\(file.path): run `swift run permcheck-generate`")
            #expect(entry.requests.map { "\($0.method) \($0.urls)" } == rule.requests.map { "\($0.method) \($0.urlTemplates)" },
                    "\(file.path): run `swift run permcheck-generate`")
        }
    }

    @Test(arguments: requests)
    func aRequestResolvesToTheSameRuleFromTheMatchingFilesAsFromAllOfThem(_ line: String) throws {
        let narrowed = try RuleSet.builtIn(relevantTo: try RequestTarget.parse(line))
        let target = try RequestTarget.parse(line)
        #expect(RequestResolver.handWrittenRule(for: target, in: narrowed)?.id
                == RequestResolver.handWrittenRule(for: target, in: TestSupport.builtIn)?.id)
        #expect(narrowed.rules.count < TestSupport.builtIn.rules.count)
    }

    @Test(arguments: TestSupport.builtIn.rules.flatMap { [$0.id, $0.id.uppercased()] + $0.aliases })
    func anAPINameParsesOnlyTheFileOfTheRuleItNames(_ name: String) throws {
        let narrowed = try RuleSet.builtIn(named: name)
        #expect(narrowed.rules.count == 1)
        var full = try TestSupport.builtIn.rule(named: name)
        full.lines = [:]  // the narrowed set records no line numbers (only `rules lint` reads them)
        #expect(try narrowed.rule(named: name) == full)
    }

    @Test func anUnknownAPINameStillGetsSuggestionsFromEveryRule() throws {
        #expect(try RuleSet.builtIn(named: "export-downlaod") == TestSupport.builtIn)
        #expect(throws: PermcheckError.self) { try RuleSet.builtIn(named: "export-downlaod").rule(named: "export-downlaod") }
    }
}
