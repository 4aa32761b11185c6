import Foundation
import PermcheckCore

/// One file `permcheck-generate` writes: its path relative to the repository root and its full text.
public struct GeneratedFile: Sendable, Equatable {
    public let path: String
    public let content: String
}

/// Why generating failed (an input is missing or has an unexpected shape).
public struct GeneratorError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

/// Every generated file of the repository, computed from committed inputs only (no path outside the repository).
///
/// | Output | Inputs |
/// |---|---|
/// | `Sources/PermcheckCore/Generated/EmbeddedRules+Generated.swift` | `rules/<family>/*.json` |
/// | `Sources/PermcheckCore/Generated/EmbeddedData+Generated.swift` | `rules/data/*.json` |
/// | `rules/graph/catalog.tsv` | `rules/graph/source/` (`permissions.json`, `LICENSE`, `PROVENANCE.md`) |
/// | `Sources/PermcheckCore/Generated/GraphCatalogData+Generated.swift` | the catalogue text above |
/// | `fixtures/graph/catalog-slice.tsv` | `fixtures/graph/permissions-slice.json` + the same licence and commit |
///
/// Each output is a plain function of its inputs' bytes, so the same inputs give byte-identical files; a test
/// regenerates them in memory and compares them with the committed ones.
public enum GeneratedFiles {
    public static let embeddedRulesPath = "Sources/PermcheckCore/Generated/EmbeddedRules+Generated.swift"
    public static let embeddedDataPath = "Sources/PermcheckCore/Generated/EmbeddedData+Generated.swift"
    public static let catalogPath = "rules/graph/catalog.tsv"
    public static let catalogSwiftPath = "Sources/PermcheckCore/Generated/GraphCatalogData+Generated.swift"
    public static let catalogSlicePath = "fixtures/graph/catalog-slice.tsv"

    /// The paths of every generated file, in the order ``generate(in:)`` returns them.
    public static let paths = [embeddedRulesPath, embeddedDataPath, catalogPath, catalogSwiftPath, catalogSlicePath]

    /// Every generated file, from the inputs in `repository`.
    public static func generate(in repository: Repository) throws -> [GeneratedFile] {
        let rules = try repository.ruleFiles().map { ($0, try repository.text($0)) }
        let data = try repository.dataFiles().map { ($0, try repository.text($0)) }
        let licence = try repository.text("rules/graph/source/LICENSE")
        guard let commit = upstreamCommit(provenance: try repository.text("rules/graph/source/PROVENANCE.md")) else {
            throw GeneratorError("rules/graph/source/PROVENANCE.md: no 40-hex commit id on its '| Commit' row")
        }
        let catalog = try GraphCatalogImporter.makeCatalogText(
            permissionsJSON: repository.data("rules/graph/source/permissions.json"),
            upstreamCommit: commit, licenseNotice: licence)
        let slice = try GraphCatalogImporter.makeCatalogText(
            permissionsJSON: repository.data("fixtures/graph/permissions-slice.json"),
            upstreamCommit: commit, licenseNotice: licence)
        let files = [
            GeneratedFile(path: embeddedRulesPath, content: try EmbeddedRulesSource.rules(rules)),
            GeneratedFile(path: embeddedDataPath, content: try EmbeddedRulesSource.data(data)),
            GeneratedFile(path: catalogPath, content: catalog),
            GeneratedFile(path: catalogSwiftPath, content: GraphCatalogImporter.makeSwiftSource(catalogText: catalog)),
            GeneratedFile(path: catalogSlicePath, content: slice),
        ]
        assert(files.map(\.path) == paths)
        return files
    }

    /// The first 40-hex-digit commit id on a `| Commit |` row of a PROVENANCE.md.
    public static func upstreamCommit(provenance: String) -> String? {
        for line in provenance.split(separator: "\n") where line.hasPrefix("| Commit") {
            if let range = line.range(of: "[0-9a-f]{40}", options: .regularExpression) { return String(line[range]) }
        }
        return nil
    }
}
