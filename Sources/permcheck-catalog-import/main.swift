// permcheck-catalog-import — developer-time generator for the Graph permission catalogue.
//
//   permcheck-catalog-import <dataset-dir> [<repo-root>]
//       reads <dataset-dir>/permissions.json, LICENSE and PROVENANCE.md (for the upstream commit) and writes
//       <repo-root>/rules/graph/catalog.tsv, <repo-root>/rules/graph/LICENSE and
//       <repo-root>/Sources/PermcheckCore/Generated/GraphCatalogData+Generated.swift.
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

var arguments = Array(CommandLine.arguments.dropFirst())
do {
    if arguments.first == "--text" {
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
            permissionsJSON: read(dataset + "/permissions.json"), upstreamCommit: commit, licenseNotice: licence)
        write(text, to: root + "/rules/graph/catalog.tsv")
        write(licence, to: root + "/rules/graph/LICENSE")
        write(GraphCatalogImporter.makeSwiftSource(catalogText: text),
              to: root + "/Sources/PermcheckCore/Generated/GraphCatalogData+Generated.swift")
    }
} catch {
    fail("\(error)")
}
