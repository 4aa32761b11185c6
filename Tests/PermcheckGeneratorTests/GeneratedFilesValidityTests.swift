import Foundation
import Testing
@testable import PermcheckGenerator

/// This checkout, three folders above this file (Tests/PermcheckGeneratorTests/…).
let repository = Repository(root: URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent())

/// Every generated file, regenerated once in memory from the committed inputs.
let regenerated: Result<[GeneratedFile], any Error> = Result { try GeneratedFiles.generate(in: repository) }

/// Like swift-format's GeneratedFilesValidityTests: each committed generated file must be byte-for-byte what
/// `permcheck-generate` writes from the committed inputs today.
@Suite("Generated files are up to date")
struct GeneratedFilesValidityTests {
    @Test("the committed file equals the regenerated one byte for byte", arguments: GeneratedFiles.paths)
    func upToDate(path: String) throws {
        let file = try #require(try regenerated.get().first { $0.path == path })
        let committed = try repository.data(path)
        #expect(committed == Data(file.content.utf8), "\(path) is stale: run `swift run permcheck-generate`")
    }

    @Test("every rule and data file is an input, and nothing else under rules/ is")
    func inputsAreTheRuleAndDataFiles() throws {
        let rules = try repository.ruleFiles(), data = try repository.dataFiles()
        #expect(rules.contains("rules/ediscovery/export-download.json"))
        #expect(data == ["rules/data/cross-cloud.json", "rules/data/error-codes.json",
                         "rules/data/graph-catalogue-rule.json", "rules/data/known-ids.json",
                         "rules/data/resource-grants.json"])
        #expect(!rules.contains { $0.hasPrefix("rules/graph/") || $0.hasSuffix(".schema.json") })
    }

    @Test("a file containing the raw-string delimiter is refused, not embedded broken")
    func rawStringDelimiterIsRefused() {
        #expect(throws: GeneratorError.self) {
            try EmbeddedRulesSource.rules([(path: "rules/x/y.json", content: ##"{"id": "a"""#b"}"##)])
        }
    }

    @Test("string literals escape quotes, backslashes and control characters")
    func literalsEscape() {
        #expect(EmbeddedRulesSource.literal("a\"b\\c\nd\u{1}é") == #""a\"b\\c\nd\u{1}é""#)
    }

    @Test("the upstream commit comes from the provenance table")
    func commitFromProvenance() {
        let row = "| Commit | `6cbd6bbd665a877560fdefbad74f3bdb5b57af88`, \"Weekly\" |"
        #expect(GeneratedFiles.upstreamCommit(provenance: "# x\n" + row + "\n") == "6cbd6bbd665a877560fdefbad74f3bdb5b57af88")
        #expect(GeneratedFiles.upstreamCommit(provenance: "| Commit | none |") == nil)
    }
}
