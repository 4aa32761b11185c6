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
/// | `rules/graph/catalog.tsv` | `rules/graph/source/` (`permissions.json`, `LICENSE`, `PROVENANCE.md`) and the
/// |   | permissions-gaps operations of `rules/graph/rbac/observations/*-permissions-gaps.jsonl` |
/// | `Sources/PermcheckCore/Generated/GraphCatalogData+Generated.swift` | the catalogue text above |
/// | `rules/graph/directory-roles.tsv` | the catalogue's operations and `rules/graph/rbac/` (roles, includes, observations, inference) |
/// | `Sources/PermcheckCore/Generated/GraphRoleData+Generated.swift` | the role table text above |
/// | `fixtures/graph/rbac-slice/directory-roles-slice.tsv` | that folder's `operations.tsv`, `observations.jsonl` + `rules/graph/rbac/` |
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
    public static let rolesPath = "rules/graph/directory-roles.tsv"
    public static let rolesSwiftPath = "Sources/PermcheckCore/Generated/GraphRoleData+Generated.swift"
    public static let rolesSlicePath = "fixtures/graph/rbac-slice/directory-roles-slice.tsv"

    /// The paths of every generated file, in the order ``generate(in:)`` returns them.
    public static let paths = [embeddedRulesPath, embeddedDataPath, catalogPath, catalogSwiftPath, catalogSlicePath,
                               rolesPath, rolesSwiftPath, rolesSlicePath]

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
            upstreamCommit: commit, licenseNotice: licence, gaps: try gapOperations(in: repository))
        let roles = try GraphRoleImporter.makeTableText(
            operations: try GraphCatalog(text: catalog).operations, sources: try rbacSources(in: repository))
        var sliceSources = try rbacSources(in: repository)
        sliceSources.observations = [try repository.text("fixtures/graph/rbac-slice/observations.jsonl")]
        let rolesSlice = try GraphRoleImporter.makeTableText(
            operations: try GraphCatalog(text: repository.text("fixtures/graph/rbac-slice/operations.tsv")).operations,
            sources: sliceSources)
        let slice = try GraphCatalogImporter.makeCatalogText(
            permissionsJSON: repository.data("fixtures/graph/permissions-slice.json"),
            upstreamCommit: commit, licenseNotice: licence)
        let files = [
            GeneratedFile(path: embeddedRulesPath, content: try EmbeddedRulesSource.rules(rules)),
            GeneratedFile(path: embeddedDataPath, content: try EmbeddedRulesSource.data(data)),
            GeneratedFile(path: catalogPath, content: catalog),
            GeneratedFile(path: catalogSwiftPath, content: GraphCatalogImporter.makeSwiftSource(catalogText: catalog)),
            GeneratedFile(path: catalogSlicePath, content: slice),
            GeneratedFile(path: rolesPath, content: roles),
            GeneratedFile(path: rolesSwiftPath, content: GraphRoleImporter.makeSwiftSource(tableText: roles)),
            GeneratedFile(path: rolesSlicePath, content: rolesSlice),
        ]
        assert(files.map(\.path) == paths)
        return files
    }

    /// The rbac inputs under `rules/graph/rbac/`.
    public static func rbacSources(in repository: Repository) throws -> GraphRoleImporter.Sources {
        let rbac = "rules/graph/rbac/"
        return GraphRoleImporter.Sources(
            roles: try repository.data(rbac + "entra-roles.json"),
            includes: [try repository.data(rbac + "includes.json"), try repository.data(rbac + "observations/governance-includes.json")],
            observations: try ["directory.jsonl", "governance.jsonl"].map { try repository.text(rbac + "observations/" + $0) },
            inference: try repository.data(rbac + "inference.json"))
    }

    /// The permissions-gaps operations under `rules/graph/rbac/observations/`.
    static func gapOperations(in repository: Repository) throws -> [GraphCatalogImporter.GapOperation] {
        try ["directory-permissions-gaps.jsonl", "governance-permissions-gaps.jsonl"].flatMap { name in
            try GraphCatalogImporter.gapOperations(jsonl: repository.text("rules/graph/rbac/observations/" + name))
        }
    }

    /// The first 40-hex-digit commit id on a `| Commit |` row of a PROVENANCE.md.
    public static func upstreamCommit(provenance: String) -> String? {
        for line in provenance.split(separator: "\n") where line.hasPrefix("| Commit") {
            if let range = line.range(of: "[0-9a-f]{40}", options: .regularExpression) { return String(line[range]) }
        }
        return nil
    }
}
