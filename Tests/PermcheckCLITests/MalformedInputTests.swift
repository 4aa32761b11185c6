import Foundation
import Testing
import PermcheckCore

/// One case of fixtures/malformed/manifest.json: a hostile or broken input and what the user must see.
struct MalformedCase: Sendable, CustomTestStringConvertible {
    let name: String
    /// The input under fixtures/malformed/, or nil when `generator` builds it.
    let file: String?
    let generator: String?
    /// How the input is fed: token, case-members, role-groups, case-admins, purview-policies, collections, rules-dir.
    let kind: String
    let exitCode: Int32
    /// A substring of the single `error: ` line; empty means stderr must be empty (a lenient case).
    let stderr: String
    var testDescription: String { name }

    static let directory = CLIRunner.repositoryRoot.appendingPathComponent("fixtures/malformed")

    static let all: [MalformedCase] = {
        let url = directory.appendingPathComponent("manifest.json")
        guard let data = try? Data(contentsOf: url), let value = try? JSONParser.parse([UInt8](data)) else { return [] }
        return (value["cases"]?.arrayValue ?? []).compactMap { item in
            guard let name = item["name"]?.stringValue, let kind = item["kind"]?.stringValue,
                  let exit = item["exit"]?.numberValue?.int64, let stderr = item["stderr"]?.stringValue else { return nil }
            return MalformedCase(name: name, file: item["file"]?.stringValue, generator: item["generator"]?.stringValue,
                                 kind: kind, exitCode: Int32(exit), stderr: stderr)
        }
    }()

    static let evidenceOptions = ["case-members": "--case-members", "role-groups": "--role-groups", "case-admins": "--case-admins",
                                  "purview-policies": "--purview-policies", "collections": "--collections",
                                  "subscriptions": "--subscriptions"]

    /// The command a user would run on this input; `input` is the path (or `--token-env VAR`).
    func arguments(input: [String]) -> [String] {
        switch kind {
        case "token":
            return ["decode"] + input + ["--at", "2026-11-03T09:30:00Z"]
        case "rules-dir":
            return ["apis", "--rules"] + input
        default:
            return ["fixtures/tokens/manager-graph.jwt", "--api", "export-download", "--case", "Contoso Litigation",
                    "--at", "2026-11-03T09:30:00Z", Self.evidenceOptions[kind] ?? "--unknown-kind"] + input
        }
    }
}

/// Builds the inputs too big to commit, in a fresh temporary directory.
enum HostileInput {
    struct Prepared {
        /// The path, or `--token-env VAR`.
        var input: [String]
        var stdinFile: URL?
        var environment: [String: String] = [:]
    }

    static let header = Base64URL.encode(Array(#"{"alg":"RS256","typ":"JWT"}"#.utf8))

    static func prepare(_ generator: String, in directory: URL) throws -> Prepared {
        func write(_ name: String, _ bytes: [UInt8]) throws -> String {
            let url = directory.appendingPathComponent(name)
            try Data(bytes).write(to: url)
            return url.path
        }
        func nested(_ depth: Int) -> [UInt8] {
            [UInt8](repeating: UInt8(ascii: "["), count: depth) + [UInt8](repeating: UInt8(ascii: "]"), count: depth)
        }
        func token(payload: [UInt8]) -> [UInt8] { Array((header + "." + Base64URL.encode(payload) + ".c2ln").utf8) }
        let fiftyMegabytes = Array("eyJ".utf8) + [UInt8](repeating: UInt8(ascii: "A"), count: 50_000_000)
        switch generator {
        case "token-50MB":
            return Prepared(input: [try write("token.jwt", fiftyMegabytes)])
        case "token-50MB-stdin":
            return Prepared(input: ["-"], stdinFile: URL(fileURLWithPath: try write("token.jwt", fiftyMegabytes)))
        case "token-payload-nested-100000":
            return Prepared(input: [try write("token.jwt", token(payload: nested(100_000)))])
        case "token-payload-nested-40000":
            return Prepared(input: [try write("token.jwt", token(payload: [UInt8](repeating: UInt8(ascii: "["), count: 40_000)))])
        case "token-env-100KiB":
            let value = String(decoding: token(payload: [UInt8](repeating: UInt8(ascii: " "), count: 75_000)), as: UTF8.self)
            return Prepared(input: ["--token-env", "PERMCHECK_HOSTILE_TOKEN"], environment: ["PERMCHECK_HOSTILE_TOKEN": value])
        case "evidence-nested-100000":
            return Prepared(input: [try write("evidence.json", nested(100_000))])
        case "evidence-100001-entries":
            let names = (0...InputLimits.evidenceEntries).map { "\"user\($0)\"" }.joined(separator: ",")
            return Prepared(input: [try write("evidence.json", Array("[\(names)]".utf8))])
        case "evidence-17MiB":
            let entry = Array(#"{"Name":"eDiscoveryManager","Roles":["Export"]},"#.utf8)
            var bytes: [UInt8] = [UInt8(ascii: "[")]
            while bytes.count < 17 << 20 { bytes += entry }
            bytes[bytes.count - 1] = UInt8(ascii: "]")
            return Prepared(input: [try write("role-groups.json", bytes)])
        case "rule-nested-100000":
            let rules = directory.appendingPathComponent("rules")
            try FileManager.default.createDirectory(at: rules, withIntermediateDirectories: true)
            _ = try write("rules/rule.json", nested(100_000))
            return Prepared(input: [rules.path])
        default:
            throw CocoaError(.featureUnsupported, userInfo: [NSLocalizedDescriptionKey: "unknown generator '\(generator)'"])
        }
    }
}

@Suite struct MalformedInputTests {
    @Test func theCorpusHasAtLeastFortyCasesCoveringEveryInputKind() {
        #expect(MalformedCase.all.count >= 40)
        let kinds = Set(MalformedCase.all.map(\.kind))
        #expect(kinds == ["token", "case-members", "role-groups", "case-admins", "purview-policies", "collections", "subscriptions", "rules-dir"])
    }

    @Test func everyCorpusFileIsListedInTheManifest() throws {
        let listed = Set(MalformedCase.all.compactMap(\.file))
        let base = MalformedCase.directory
        for folder in ["tokens", "evidence"] {
            for name in try FileManager.default.contentsOfDirectory(atPath: base.appendingPathComponent(folder).path) {
                #expect(listed.contains("\(folder)/\(name)"), "fixtures/malformed/\(folder)/\(name) has no manifest entry")
            }
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: base.appendingPathComponent("rules").path) {
            #expect(listed.contains("rules/\(name)"), "fixtures/malformed/rules/\(name) has no manifest entry")
        }
    }

    @Test(arguments: MalformedCase.all)
    func eachMalformedInputGivesOneClearErrorLineQuickly(_ malformed: MalformedCase) throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("permcheck-malformed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        var input = HostileInput.Prepared(input: ["fixtures/malformed/" + (malformed.file ?? "")])
        if let generator = malformed.generator { input = try HostileInput.prepare(generator, in: scratch) }

        let started = Date()
        let result = try CLIRunner.run(malformed.arguments(input: input.input), stdinFile: input.stdinFile, environment: input.environment)
        let seconds = Date().timeIntervalSince(started)

        #expect(result.exitCode == malformed.exitCode, "stderr: \(result.stderr)")
        #expect(seconds < 2, "took \(seconds) s")
        for crashSign in ["Fatal error", "Backtrace", "Stack dump", "Crash", "Thread 0", "at /"] {
            #expect(!result.stderr.contains(crashSign), "stderr: \(result.stderr)")
        }
        if malformed.stderr.isEmpty {
            #expect(result.stderr.isEmpty, "a lenient case must not complain: \(result.stderr)")
        } else {
            let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count == 2 && lines[1].isEmpty, "expected exactly one line on stderr: \(result.stderr)")
            #expect(result.stderr.hasPrefix("error: "))
            #expect(result.stderr.contains(malformed.stderr), "stderr: \(result.stderr)")
        }
    }
}
