import Foundation
import Testing
import PermcheckCore

/// permcheck only reads its inputs: tokens, evidence and rule files are evidence in a ticket and must stay
/// byte-for-byte and timestamp-for-timestamp as they were. No option writes a file today (docs/security.md).
@Suite struct EvidenceIntegrityTests {
    struct Snapshot: Equatable {
        var files: [String: Data] = [:]
        var modified: [String: Date] = [:]
    }

    static func snapshot(_ directory: URL) throws -> Snapshot {
        var snapshot = Snapshot()
        let names = FileManager.default.enumerator(atPath: directory.path)?.compactMap { $0 as? String } ?? []
        for name in names {
            let url = directory.appendingPathComponent(name)
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            snapshot.modified[name] = attributes[.modificationDate] as? Date
            if attributes[.type] as? FileAttributeType == .typeRegular { snapshot.files[name] = try Data(contentsOf: url) }
        }
        return snapshot
    }

    @Test func runningEveryCommandLeavesTheInputFilesUntouchedAndCreatesNoFile() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("permcheck-integrity-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let root = CLIRunner.repositoryRoot
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        for folder in ["fixtures/tokens", "fixtures/evidence", "rules"] {
            try FileManager.default.createDirectory(at: scratch.appendingPathComponent(folder).deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: root.appendingPathComponent(folder), to: scratch.appendingPathComponent(folder))
        }
        // Timestamps in the past, so a rewrite within the same second would still show.
        let past = Date(timeIntervalSince1970: 1_700_000_000)
        for name in FileManager.default.enumerator(atPath: scratch.path)?.compactMap({ $0 as? String }) ?? [] {
            try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: scratch.appendingPathComponent(name).path)
        }
        let before = try Self.snapshot(scratch)
        #expect(before.files.count > 10)

        let token = scratch.appendingPathComponent("fixtures/tokens/manager-graph.jwt").path
        let evidence = ["--case", "Contoso Litigation",
                        "--case-members", scratch.appendingPathComponent("fixtures/evidence/case-members.json").path,
                        "--role-groups", scratch.appendingPathComponent("fixtures/evidence/role-groups.json").path,
                        "--case-admins", scratch.appendingPathComponent("fixtures/evidence/case-admins.json").path,
                        "--at", "2026-11-03T09:30:00Z"]
        let rules = ["--rules", scratch.appendingPathComponent("rules").path]
        let commands: [[String]] = OutputFormat.allCases.flatMap { format in
            [[token, "--api", "export-download", "--format", format.rawValue] + evidence + rules,
             [token, "--api", "export-download", "--format", format.rawValue, "--redact"] + evidence + rules]
        } + [["decode", token], ["decode", token, "--format", "json", "--redact"], ["apis"] + rules,
             ["explain", "export-download"] + rules, ["rules", "lint", scratch.appendingPathComponent("rules").path],
             ["rules", "test", scratch.appendingPathComponent("rules").path]]
        for arguments in commands {
            let result = try CLIRunner.run(arguments)
            #expect(result.exitCode != 2, "\(arguments): \(result.stderr)")
        }
        #expect(try Self.snapshot(scratch) == before)
    }

    @Test func theCommandLineToolOpensNoFileForWriting() throws {
        let sources = CLIRunner.repositoryRoot.appendingPathComponent("Sources")
        let writers = ["write(to:", "createFile(", "forWritingAtPath", "forWritingTo", "forUpdating", "fopen(", "O_WRONLY", "O_RDWR", "O_CREAT",
                       "removeItem(", "moveItem(", "copyItem(", "replaceItem"]
        for target in ["permcheck", "PermcheckCore"] {
            let directory = sources.appendingPathComponent(target)
            let files = FileManager.default.enumerator(atPath: directory.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
            for file in files {
                let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
                for writer in writers {
                    #expect(!text.contains(writer), "Sources/\(target)/\(file) uses \(writer): an option that writes a file must write atomically (temporary file + rename) and refuse to overwrite an input; update docs/security.md and this test")
                }
            }
        }
    }
}
