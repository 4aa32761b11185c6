import Foundation
import Testing
import PermcheckCore

/// Each documented limit (README "Limits", `InputLimits`): an input exactly at the limit works, one step beyond is
/// a clear error. The over-the-limit cases with huge inputs live in the malformed corpus.
@Suite struct InputLimitTests {
    static let header = Base64URL.encode(Array(#"{"alg":"RS256","typ":"JWT"}"#.utf8))

    /// A token padded with a filler claim to exactly `size` bytes.
    static func token(bytes size: Int) -> String {
        let claims = #"{"aud":"https://graph.microsoft.com","upn":"megan.manager@contoso-gcc.example","pad":""#
        let overhead = header.utf8.count + 1 + ".c2ln".utf8.count
        var padding = ((size - overhead) / 4) * 3 - claims.utf8.count - 2
        var token = ""
        repeat {
            let payload = claims + String(repeating: "x", count: padding) + #""}"#
            token = header + "." + Base64URL.encode(Array(payload.utf8)) + ".c2ln"
            padding += 1
        } while token.utf8.count < size
        return token
    }

    static func scratchFile(_ name: String, _ bytes: [UInt8]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("permcheck-limits-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    static func check(evidence option: String, _ url: URL) throws -> CLIRunner.Result {
        try CLIRunner.run(["fixtures/tokens/manager-graph.jwt", "--api", "export-download", "--case", "Contoso Litigation",
                           "--at", "2026-11-03T09:30:00Z", option, url.path])
    }

    @Test(arguments: [InputLimits.tokenBytes, InputLimits.tokenBytes + 1])
    func aTokenUpToSixtyFourKiBIsDecodedAndOneByteMoreIsRefused(size: Int) throws {
        let token = Self.token(bytes: size)
        #expect(token.utf8.count == size)
        let result = try CLIRunner.run(["decode", "-", "--at", "2026-11-03T09:30:00Z"], stdin: token)
        if size <= InputLimits.tokenBytes {
            #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        } else {
            #expect(result.exitCode == 2)
            #expect(result.stderr == "error: The token on standard input is larger than permcheck's limit of 64 KiB; trim it to the relevant part.\n")
        }
    }

    @Test(arguments: [InputLimits.tokenJSONDepth, InputLimits.tokenJSONDepth + 1])
    func tokenClaimsNestUpToSixteenLevels(depth: Int) throws {
        let nested = String(repeating: "[", count: depth - 1) + String(repeating: "]", count: depth - 1)
        let token = Self.header + "." + Base64URL.encode(Array(#"{"aud":"https://graph.microsoft.com","x":\#(nested)}"#.utf8)) + ".c2ln"
        let result = try CLIRunner.run(["decode", "-"], stdin: token)
        #expect(result.exitCode == (depth <= InputLimits.tokenJSONDepth ? 0 : 2), "stderr: \(result.stderr)")
        if depth > InputLimits.tokenJSONDepth { #expect(result.stderr.contains("nesting deeper than 16 levels")) }
    }

    @Test(arguments: [InputLimits.fileJSONDepth, InputLimits.fileJSONDepth + 1])
    func evidenceNestsUpToSixtyFourLevels(depth: Int) throws {
        // A member object whose unknown field nests; the object itself is level 2.
        let nested = String(repeating: "[", count: depth - 2) + String(repeating: "]", count: depth - 2)
        let url = try Self.scratchFile("members.json", Array(#"[{"Name":"megan.manager","Extra":\#(nested)}]"#.utf8))
        let result = try Self.check(evidence: "--case-members", url)
        #expect(result.exitCode == (depth <= InputLimits.fileJSONDepth ? 1 : 2), "stderr: \(result.stderr)")
        if depth > InputLimits.fileJSONDepth { #expect(result.stderr.contains("nesting deeper than 64 levels")) }
    }

    @Test(arguments: [InputLimits.fileBytes, InputLimits.fileBytes + 1])
    func anEvidenceFileUpToSixteenMiBIsReadAndOneByteMoreIsRefused(size: Int) throws {
        var bytes = Array(#"["megan.manager"]"#.utf8)
        bytes += [UInt8](repeating: UInt8(ascii: " "), count: size - bytes.count)
        let url = try Self.scratchFile("members.json", bytes)
        let result = try Self.check(evidence: "--case-members", url)
        if size <= InputLimits.fileBytes {
            #expect(result.exitCode == 1, "stderr: \(result.stderr)")
        } else {
            #expect(result.exitCode == 2)
            #expect(result.stderr.contains("is larger than permcheck's limit of 16 MiB"))
        }
    }

    @Test(arguments: [InputLimits.evidenceEntries, InputLimits.evidenceEntries + 1])
    func aListOfUpToAHundredThousandMembersIsReadAndOneMoreIsRefused(count: Int) throws {
        let names = (0..<count).map { "\"user\($0)\"" }.joined(separator: ",")
        let url = try Self.scratchFile("members.json", Array("[\(names)]".utf8))
        let result = try Self.check(evidence: "--case-members", url)
        if count <= InputLimits.evidenceEntries {
            #expect(result.exitCode == 1, "stderr: \(result.stderr)")
        } else {
            #expect(result.exitCode == 2)
            #expect(result.stderr.contains("is larger than permcheck's limit of 100000 entries"))
        }
    }

    @Test func aRuleFileOverSixteenMiBIsRefused() throws {
        let url = try Self.scratchFile("rule.json", [UInt8](repeating: UInt8(ascii: " "), count: InputLimits.fileBytes + 1))
        let result = try CLIRunner.run(["apis", "--rules", url.deletingLastPathComponent().path])
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("is larger than permcheck's limit of 16 MiB"))
    }
}
