import Foundation
import Testing
import PermcheckCore

/// Canary tokens placed where a user might paste them: inside a word, in a request URL, as an argument, a case name,
/// a preflight check name, a batch line's `id`/`case`, an evidence file, wrapped inside a `--response` message; run
/// through every command and format that shows that position. No piece of the canary's payload or signature may
/// appear on stdout or stderr.
enum Canary {
    /// A fixture token, and the same token with a header that has spaces (`{ "alg": …`, base64url `eyA…`).
    static let variants: [String] = {
        let token = TokenCase(file: "fixtures/tokens/manager-graph.jwt", passing: "literal").text
        let spaced = Base64URL.encode(Array(#"{ "alg": "RS256", "typ": "JWT" }"#.utf8))
        return [token, spaced + token[token.firstIndex(of: ".")!...]]
    }()

    /// 16-character pieces of the payload and the signature: a partial leak (a wrapped or cut token) shows one.
    static func pieces(of token: String) -> [String] {
        let secret = Array(token.split(separator: ".").dropFirst().joined())
        return stride(from: 0, to: secret.count - 16, by: 16).map { String(secret[$0..<($0 + 16)]) }
    }

    static let at = ["--at", "2026-11-03T09:30:00Z"]
    static let tokenFile = "fixtures/tokens/manager-graph.jwt"
    static let checkFormats = ["text", "json", "markdown"]
    static let preflightFormats = ["text", "json", "github", "junit", "sarif"]
}

extension SecretSafetyTests {
    /// Files a scenario needs (a plan, batch input, a response, the canary as a file) in a fresh directory.
    struct Scratch {
        let directory: URL
        init(_ files: [String: String]) throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("permcheck-canary-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            for (name, text) in files { try Data(text.utf8).write(to: directory.appendingPathComponent(name)) }
        }
        func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
        func remove() { try? FileManager.default.removeItem(at: directory) }
    }

    /// (scenario name, arguments) for one canary; `{dir}` is the scratch directory.
    static func scenarios(_ canary: String) -> [(String, [String])] {
        let t = Canary.tokenFile
        var list: [(String, [String])] = []
        for format in Canary.checkFormats {
            let f = ["--format", format]
            list.append(("check \(format): access_token= in --request", [t, "--request", "GET https://graph.microsoft.com/v1.0/me?access_token=\(canary)"] + Canary.at + f))
            list.append(("check \(format): x= in --case", [t, "--api", "export-download", "--case", "x=\(canary)"] + Canary.at + f))
            list.append(("check \(format): token in a header value", [t, "--api", "export-download", "--header", "X-Trace: t=\(canary)"] + Canary.at + f))
            list.append(("check \(format): wrapped in a --response message", [t, "--api", "export-download", "--response", "{dir}/response.json"] + Canary.at + f))
            list.append(("response only \(format): wrapped in a --response message", ["--response", "{dir}/response.json"] + f))
            list.append(("compare \(format): x= in --case", ["compare", t, "fixtures/tokens/manager-not-member.jwt", "--api", "export-download", "--case", "x=\(canary)"] + Canary.at + f))
        }
        list.append(("check: token= as the token argument", ["token=\(canary)", "--api", "export-download"]))
        list.append(("check: the canary itself", [canary, "--api", "export-download"] + Canary.at))
        list.append(("check: canary file as evidence", [t, "--api", "export-download", "--case-members", "{dir}/canary.jwt"]))
        list.append(("check: canary as the API id", [t, "--api", "x=\(canary)"]))
        list.append(("decode: the canary", ["decode", canary] + Canary.at))
        list.append(("decode json: the canary", ["decode", canary, "--format", "json"] + Canary.at))
        list.append(("decode: unknown format x=", ["decode", t, "--format", "x=\(canary)"]))
        list.append(("can: x= in the URL", ["can", t, "GET https://graph.microsoft.com/v1.0/me?x=\(canary)"] + Canary.at))
        for format in Canary.preflightFormats {
            list.append(("preflight \(format): check name is the token", ["preflight", "{dir}/plan.json", "--format", format]))
        }
        list.append(("preflight: canary file as evidence", ["preflight", "{dir}/bad-plan.json"]))
        for format in ["json", "sarif"] {
            list.append(("batch \(format): id and case", ["batch", "{dir}/lines.jsonl", "--api", "export-download", "--format", format] + Canary.at))
        }
        // Worker threads clean their own records: two workers, both records, whatever the machine's core count.
        for record in [[], ["--full"]] {
            list.append(("batch --jobs 2 \(record): id and case", ["batch", "{dir}/lines.jsonl", "--api", "export-download", "--jobs", "2"] + record + Canary.at))
        }
        return list
    }

    static func files(_ canary: String) -> [String: String] {
        let tokenPath = CLIRunner.repositoryRoot.appendingPathComponent(Canary.tokenFile).path
        let real = TokenCase(file: Canary.tokenFile, passing: "literal").text
        let wrapped = canary.prefix(70) + "\\n    " + canary.dropFirst(70)
        return [
            "canary.jwt": canary + "\n",
            "response.json": #"{"error": {"code": "InvalidAuthenticationToken", "message": "Bearer \#(wrapped) is not valid"}}"#,
            "plan.json": #"""
                {"at": "2026-11-03T09:30:00Z", "checks": [
                  {"name": "\#(canary)", "token": {"file": "\#(tokenPath)"}, "api": "export-download"},
                  {"name": "x=\#(canary)", "token": {"file": "\#(tokenPath)"}, "api": "export-download", "case": "x=\#(canary)"}]}
                """#,
            "bad-plan.json": #"{"checks": [{"name": "n", "token": {"file": "\#(tokenPath)"}, "api": "export-download", "caseMembers": "canary.jwt"}]}"#,
            "lines.jsonl": [
                #"{"token": "\#(real)", "id": "\#(canary)", "case": "x=\#(canary)"}"#,
                #"{"token": "\#(real)", "id": "id=\#(canary)"}"#,
                #"{"id": "\#(canary)"}"#,
                "x=\(canary)",
                #"{"token": "\#(canary)", "api": "x=\#(canary)"}"#,
            ].joined(separator: "\n") + "\n",
        ]
    }

    @Test(arguments: Canary.variants.indices)
    func aCanaryTokenInAnyPositionNeverReachesAnyOutput(_ variant: Int) throws {
        let canary = Canary.variants[variant]
        let pieces = Canary.pieces(of: canary)
        #expect(pieces.count >= 10)
        let scratch = try Scratch(Self.files(canary))
        defer { scratch.remove() }
        for (name, template) in Self.scenarios(canary) {
            let arguments = template.map { $0.replacingOccurrences(of: "{dir}", with: scratch.directory.path) }
            let result = try CLIRunner.run(arguments)
            #expect(!result.stdout.isEmpty || !result.stderr.isEmpty, "\(name): no output at all")
            #expect(!(result.stdout + result.stderr).contains("Fatal error"), "\(name): \(result.stderr)")
            for piece in pieces {
                #expect(!result.stdout.contains(piece), "\(name): stdout shows '\(piece)'")
                #expect(!result.stderr.contains(piece), "\(name): stderr shows '\(piece)'")
            }
        }
    }

    @Test(arguments: [
        "access_token=%@&x=1", "x=%@", "Bearer%@", "'%@'", "\"%@\"", "(%@)", "token: %@.", "%@,next", "a%@b",
    ])
    func theScrubberFindsTokensByStructureAtAnyPositionInAWord(_ pattern: String) {
        for canary in Canary.variants {
            let text = pattern.replacingOccurrences(of: "%@", with: canary)
            let scrubbed = TokenScrubber.scrub(text)
            #expect(scrubbed.contains(TokenScrubber.placeholder), "\(pattern)")
            for piece in Canary.pieces(of: canary) { #expect(!scrubbed.contains(piece), "\(pattern) shows '\(piece)'") }
        }
    }

    @Test func theScrubberLeavesDottedTextThatIsNoTokenAlone() {
        for text in ["https://graph.microsoft.com/v1.0/me?$select=id", "version 1.2.3", "eyJohn.doe@example.com",
                     "eyJhbGciOiJSUzI1NiJ9 has no dots", "aGVsbG8gd29ybGQgdGhpcyBpcw.aGVsbG8gd29ybGQgdGhpcyBpcw.c2ln"] {
            #expect(TokenScrubber.scrub(text) == text)
        }
    }
}
