// permcheck-catalog-import — developer-time generator for the Graph permission catalogue.
//
//   permcheck-catalog-import <dataset-dir> [<repo-root>]
//       reads <dataset-dir>/permissions.json, LICENSE and PROVENANCE.md (for the upstream commit) and writes
//       <repo-root>/rules/graph/catalog.tsv, <repo-root>/rules/graph/LICENSE and
//       <repo-root>/Sources/PermcheckCore/Generated/GraphCatalogData+Generated.swift.
//       Also adds the permissions-gaps operations of <repo-root>/rules/graph/rbac/observations/ to the catalogue and
//       writes the directory-role table rules/graph/directory-roles.tsv and
//       Sources/PermcheckCore/Generated/GraphRoleData+Generated.swift from <repo-root>/rules/graph/rbac/.
//   permcheck-catalog-import --roles [<repo-root>]
//       rewrites only the directory-role table, from the catalogue already in rules/graph/catalog.tsv.
//   permcheck-catalog-import --text <permissions.json> <LICENSE> <commit> <out.tsv>
//       writes only the catalogue text (used for fixtures/graph/catalog-slice.tsv).
import Foundation
import PermcheckCore

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("permcheck-catalog-import: \(message)\n".utf8))
    exit(1)
}

func read(_ path: String) -> Data {
    guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
    return data
}

func write(_ text: String, to path: String) {
    let url = URL(fileURLWithPath: path)
    do {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    } catch { fail("cannot write \(path): \(error)") }
    print("wrote \(path) (\(text.utf8.count) bytes)")
}

/// The first 40-hex-digit commit id on a `| Commit |` row of PROVENANCE.md.
func upstreamCommit(provenance: String) -> String? {
    for line in provenance.split(separator: "\n") where line.hasPrefix("| Commit") {
        if let range = line.range(of: "[0-9a-f]{40}", options: .regularExpression) { return String(line[range]) }
    }
    return nil
}

/// The rbac inputs under `<root>/rules/graph/rbac/`.
func rbacSources(_ root: String) -> GraphRoleImporter.Sources {
    let rbac = root + "/rules/graph/rbac"
    let observations = ["directory.jsonl", "governance.jsonl"].map { String(decoding: read("\(rbac)/observations/\($0)"), as: UTF8.self) }
    return GraphRoleImporter.Sources(
        roles: read(rbac + "/entra-roles.json"),
        includes: [read(rbac + "/includes.json"), read(rbac + "/observations/governance-includes.json")],
        observations: observations, inference: read(rbac + "/inference.json"))
}

/// The permissions-gaps operations under `<root>/rules/graph/rbac/observations/`.
func gapOperations(_ root: String) throws -> [GraphCatalogImporter.GapOperation] {
    try ["directory-permissions-gaps.jsonl", "governance-permissions-gaps.jsonl"].flatMap { name in
        try GraphCatalogImporter.gapOperations(jsonl: String(decoding: read("\(root)/rules/graph/rbac/observations/\(name)"), as: UTF8.self))
    }
}

func writeRoleTable(operations: [GraphOperation], root: String) throws {
    let table = try GraphRoleImporter.makeTableText(operations: operations, sources: rbacSources(root))
    write(table, to: root + "/rules/graph/directory-roles.tsv")
    write(GraphRoleImporter.makeSwiftSource(tableText: table), to: root + "/Sources/PermcheckCore/Generated/GraphRoleData+Generated.swift")
}

var arguments = Array(CommandLine.arguments.dropFirst())
do {
    if arguments.first == "--roles" {
        let root = arguments.count == 2 ? arguments[1] : FileManager.default.currentDirectoryPath
        let catalog = try GraphCatalog(text: String(decoding: read(root + "/rules/graph/catalog.tsv"), as: UTF8.self))
        try writeRoleTable(operations: catalog.operations, root: root)
    } else if arguments.first == "--text" {
        guard arguments.count == 5 else { fail("usage: --text <permissions.json> <LICENSE> <commit> <out.tsv>") }
        let licence = String(decoding: read(arguments[2]), as: UTF8.self)
        let text = try GraphCatalogImporter.makeCatalogText(
            permissionsJSON: read(arguments[1]), upstreamCommit: arguments[3], licenseNotice: licence)
        write(text, to: arguments[4])
    } else {
        guard (1...2).contains(arguments.count) else { fail("usage: <dataset-dir> [<repo-root>]") }
        let dataset = arguments[0]
        let root = arguments.count == 2 ? arguments[1] : FileManager.default.currentDirectoryPath
        let provenance = String(decoding: read(dataset + "/PROVENANCE.md"), as: UTF8.self)
        guard let commit = upstreamCommit(provenance: provenance) else { fail("no upstream commit in PROVENANCE.md") }
        let licence = String(decoding: read(dataset + "/LICENSE"), as: UTF8.self)
        let text = try GraphCatalogImporter.makeCatalogText(
            permissionsJSON: read(dataset + "/permissions.json"), upstreamCommit: commit, licenseNotice: licence,
            gaps: try gapOperations(root))
        write(text, to: root + "/rules/graph/catalog.tsv")
        try writeRoleTable(operations: try GraphCatalog(text: text).operations, root: root)
        write(licence, to: root + "/rules/graph/LICENSE")
        write(GraphCatalogImporter.makeSwiftSource(catalogText: text),
              to: root + "/Sources/PermcheckCore/Generated/GraphCatalogData+Generated.swift")
    }
} catch {
    fail("\(error)")
}
