// permcheck-generate — writes every generated file of the repository from its committed inputs.
//
//   swift run permcheck-generate            rewrite the generated files that are stale
//   swift run permcheck-generate --check    only report stale files (exit 1 if any)
//
// Run it from the repository root (or anywhere inside a checkout built from source) after editing rules/, rules/data/
// or rules/graph/source/. The outputs and their inputs are listed in Sources/PermcheckGenerator/GeneratedFiles.swift.
import Foundation
import PermcheckGenerator

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("permcheck-generate: \(message)\n".utf8))
    exit(2)
}

/// The current directory if it is a permcheck checkout, else the checkout this file was compiled from.
func repositoryRoot() -> URL {
    let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    let marker = "rules/graph/source/permissions.json"
    if FileManager.default.fileExists(atPath: current.appendingPathComponent(marker).path) { return current }
    let compiled = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    if FileManager.default.fileExists(atPath: compiled.appendingPathComponent(marker).path) { return compiled }
    fail("run me from the repository root (no \(marker) here)")
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.isEmpty || arguments == ["--check"] else { fail("usage: permcheck-generate [--check]") }
let checkOnly = arguments == ["--check"]
let repository = Repository(root: repositoryRoot())
let files: [GeneratedFile]
do { files = try GeneratedFiles.generate(in: repository) } catch { fail("\(error)") }

var stale = 0
for file in files {
    let bytes = Data(file.content.utf8)
    if (try? repository.data(file.path)) == bytes { continue }
    stale += 1
    if checkOnly {
        print("stale: \(file.path)")
        continue
    }
    let url = repository.root.appendingPathComponent(file.path)
    do {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try bytes.write(to: url)
    } catch { fail("cannot write \(file.path): \(error)") }
    print("wrote \(file.path) (\(bytes.count) bytes)")
}
print("\(files.count - stale) of \(files.count) generated files up to date" + (checkOnly || stale == 0 ? "" : " before this run"))
if checkOnly && stale > 0 { exit(1) }
