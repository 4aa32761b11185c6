import Foundation
import Testing

/// The triage options as a user runs them: request files, responses, redaction, decode.
@Suite struct TriageCLITests {
    static let at = ["--at", "2026-11-03T09:30:00Z"]
    static let doneCriterion = ["--request-file", "fixtures/requests/download.http", "--response", "fixtures/responses/download-401.json"]
    static let formats = ["text", "json", "markdown"]

    static func tokenText(_ name: String) throws -> String {
        try String(contentsOf: CLIRunner.repositoryRoot.appendingPathComponent("fixtures/tokens/\(name).jwt"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test(arguments: formats)
    func theTokenFromTheRequestFileNeverAppearsInTheReport(format: String) throws {
        let token = try Self.tokenText("manager-graph")
        let signature = String(token.split(separator: ".")[2])
        let payload = String(token.split(separator: ".")[1])
        let result = try CLIRunner.run(Self.doneCriterion + Self.at + ["--format", format])
        #expect(result.exitCode == 1)
        #expect(!result.stdout.contains(signature) && !result.stdout.contains(payload) && !result.stderr.contains(payload))
        #expect(result.stdout.contains("sha256:"))
    }

    @Test func redactionGivesTheSamePlaceholdersInEveryFormatAndKeepsRequestIDs() throws {
        var outputs: [String] = []
        for format in Self.formats {
            let result = try CLIRunner.run(Self.doneCriterion + Self.at + ["--redact", "--format", format])
            outputs.append(result.stdout)
        }
        for output in outputs {
            #expect(!output.contains("megan.manager@contoso-gcc.example"))
            #expect(!output.contains("aaaabbbb-0000-4000-8000-00000000cafe"))
            #expect(output.contains("user-1"))
            #expect(output.contains("5b0c2f7e-1111-4a2b-9c3d-0a1b2c3d4e5f"), "request ids are not personal data")
        }
    }

    @Test func decodeRedactsTheIPAddressTheSameWayInTextAndJSON() throws {
        for format in ["text", "json"] {
            let result = try CLIRunner.run(["decode", "fixtures/tokens/manager-graph.jwt", "--redact", "--format", format] + Self.at)
            #expect(result.exitCode == 0)
            #expect(!result.stdout.contains("203.0.113.10"))
            #expect(result.stdout.contains("ip-1"))
            #expect(!result.stdout.contains("Megan Manager") && result.stdout.contains("name-1"))
        }
    }

    @Test(arguments: [("managed-identity", "txt"), ("managed-identity", "json"), ("admin-graph-gdpr", "txt"), ("manager-graph", "json"),
                      ("id-token", "txt"), ("id-token", "json")])
    func decodeMatchesItsGoldenFile(token: String, suffix: String) throws {
        let result = try CLIRunner.run(["decode", "fixtures/tokens/\(token).jwt", "--format", suffix == "txt" ? "text" : "json"] + Self.at)
        #expect(result.exitCode == 0)
        try Golden.check(result.stdout, name: "decode-\(token).\(suffix)")
    }

    @Test func pastedTextWithNoErrorInItIsOneErrorLineAndExit2() throws {
        let result = try CLIRunner.run(["--response", "fixtures/responses/not-an-error.txt"] + Self.at)
        #expect(result.exitCode == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("error: Response file 'fixtures/responses/not-an-error.txt' is invalid: it has no error body"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func decodeSaysAnIDTokenCannotCallAPIsAndNeverShowsItsNonce() throws {
        let result = try CLIRunner.run(["decode", "fixtures/tokens/id-token.jwt"] + Self.at)
        #expect(result.exitCode == 0)
        #expect(result.stdout.contains("type:     ID token, not an access token"))
        #expect(result.stdout.contains("ID tokens cannot call APIs"))
        #expect(!result.stdout.contains("fake-oidc-nonce-not-real"))
        let access = try CLIRunner.run(["decode", "fixtures/tokens/manager-graph.jwt"] + Self.at)
        #expect(!access.stdout.contains("ID token"))
    }

    @Test func aShortenedTokenFromTheDocsIsNamedAsShortened() throws {
        let result = try CLIRunner.run(["decode", "-"], stdin: "eyJ0eXAiOiJKV1QiLCJub25jZSI6IkFRQUJBQUFBQUFE...\n")
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("this token was shortened (contains '...')"))
        #expect(!result.stderr.contains("segment"))
    }

    @Test func decodeNamesAManagedIdentityAsSuchInJSON() throws {
        let result = try CLIRunner.run(["decode", "fixtures/tokens/managed-identity.jwt", "--format", "json"] + Self.at)
        #expect(result.stdout.contains(#""kind" : "managedIdentity""#) || result.stdout.contains(#""kind": "managedIdentity""#))
    }

    @Test func aStatusThatContradictsTheResponsesStatusLineIsAUsageError() throws {
        let result = try CLIRunner.run(["--request-file", "fixtures/requests/download.http", "--response", "fixtures/responses/download-401.http", "--status", "403"] + Self.at)
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("--status 403 disagrees"))
    }

    @Test func requestAndRequestFileTogetherAreAUsageError() throws {
        let result = try CLIRunner.run(["--request", "GET https://graph.microsoft.com/v1.0/me", "--request-file", "fixtures/requests/download.http"] + Self.at)
        #expect(result.exitCode == 2)
        #expect(result.stderr.hasPrefix("error: "))
    }

    @Test func aRequestFileWithAnEmptyBearerSaysTheTokenIsEmpty() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("permcheck-triage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("empty.http")
        try "GET https://graph.microsoft.com/v1.0/me HTTP/1.1\nAuthorization: Bearer\n\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["--request-file", file.path] + Self.at)
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("Access token is empty"))
    }

    @Test func anExplicitTokenArgumentWinsOverTheRequestFilesHeader() throws {
        let result = try CLIRunner.run(["fixtures/tokens/manager-proxy.jwt", "--request-file", "fixtures/requests/download.http", "--header", "X-AllowWithAADToken: true"] + Self.at)
        #expect(result.stdout.contains("sha256:aa0aba0eeb67"))
        #expect(result.stdout.contains("✓ proxy-audience"))
    }
}
