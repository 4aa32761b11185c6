import Foundation
import Testing
@testable import PermcheckCore

/// The data files of rules/data/ are read as strictly as rule files: a broken one is an error with its line,
/// never an empty table.
@Suite struct DataFileTests {
    static let paths = [DataFiles.knownIDs, DataFiles.errorCodes, DataFiles.crossCloud, DataFiles.graphCatalogueRule,
                        DataFiles.resourceGrants]

    /// Reads `bytes` as the data file at `path` with the reader the program uses for it.
    func read(_ bytes: [UInt8], as path: String) throws(PermcheckError) {
        switch path {
        case DataFiles.knownIDs: _ = try DataFiles.read(bytes, path: path, KnownIDs.init(reading:))
        case DataFiles.errorCodes: _ = try DataFiles.read(bytes, path: path, ErrorCatalog.init(reading:))
        case DataFiles.crossCloud: _ = try DataFiles.read(bytes, path: path, CrossCloudRequirement.read)
        case DataFiles.resourceGrants: _ = try DataFiles.read(bytes, path: path, ResourceGrantRules.readData)
        default: _ = try DataFiles.read(bytes, path: path, GraphCatalogRule.readTemplate)
        }
    }

    func onDisk(_ path: String) throws -> String {
        try String(contentsOf: TestSupport.repositoryRoot.appendingPathComponent(path), encoding: .utf8)
    }

    /// The error reading `text` as `path` gives, or nil when it reads.
    func failure(_ text: String, as path: String) -> PermcheckError? {
        do { try read(Array(text.utf8), as: path); return nil } catch { return error }
    }

    @Test(arguments: paths) func everyDataFileOnDiskReadsStrictly(path: String) throws {
        #expect(failure(try onDisk(path), as: path) == nil)
    }

    @Test func theEmbeddedTablesAreFull() {
        #expect(KnownIDs.shared.applications.count >= 10 && KnownIDs.shared.directoryRoles.count >= 50)
        #expect(KnownIDs.shared.claimMeanings["scp"] != nil)
        #expect(ErrorCatalog.shared.entries.count >= 30 && ErrorCatalog.shared.unknownAADSTS != nil)
        #expect(CrossCloudRequirement.shared.id == "cloud" && CrossCloudRequirement.shared.status == 401)
        #expect(GraphCatalogRule.template["scope"]?["fix"]?.stringValue?.contains("{permission}") == true)
    }

    @Test(arguments: paths) func anUnknownFieldIsAnErrorWithItsLine(path: String) throws {
        let text = try onDisk(path).replacingOccurrences(of: "{\n", with: "{\n  \"bogus\": 1,\n", options: [], range: nil)
        let error = try #require(failure(text, as: path))
        guard case .ruleInvalid(let file, let line, _, let detail) = error else { Issue.record("\(error)"); return }
        #expect(file == path && line == 2 && detail.contains("unknown field 'bogus'"), "\(detail)")
    }

    @Test(arguments: paths) func aTruncatedFileIsAnErrorNotAnEmptyTable(path: String) throws {
        let text = try onDisk(path)
        let error = try #require(failure(String(text.prefix(text.count / 2)), as: path))
        #expect(error.message.contains("not valid JSON"), "\(error.message)")
        #expect(failure("[]", as: path)?.message.contains("must hold one JSON object") == true)
        #expect(failure("{}", as: path) != nil, "an empty object is not an empty table")
    }

    @Test func aWrongTypeOrAMissingTextNamesItsLine() throws {
        let codes = try onDisk(DataFiles.errorCodes)
        let firstMeaning = try #require(codes.range(of: #""meaning": "[^"]*""#, options: .regularExpression))
        let broken = codes.replacingCharacters(in: firstMeaning, with: #""meaning": 7"#)
        let error = try #require(failure(broken, as: DataFiles.errorCodes))
        #expect(error.message.contains("rules/data/error-codes.json:") && error.message.contains("must be a string"), "\(error.message)")

        let template = try onDisk(DataFiles.graphCatalogueRule).replacingOccurrences(of: "\"fixUser\"", with: "\"fixUsr\"")
        let missing = try #require(failure(template, as: DataFiles.graphCatalogueRule))
        #expect(missing.message.contains("fixUsr"), "\(missing.message)")
    }
}
