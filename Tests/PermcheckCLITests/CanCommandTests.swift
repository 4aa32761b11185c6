import Testing
import PermcheckCore

@Suite("permcheck can and permissions")
struct CanCommandTests {
    static let at = ["--at", "2026-11-03T09:30:00Z"]
    static let appToken = "fixtures/tokens/app-graph-export.jwt"
    static let export = "POST https://graph.microsoft.com/v1.0/users/{id}/exportPersonalData"
    static let messages = "GET https://graph.microsoft.com/v1.0/users/{id}/messages"

    @Test("an app-only token with User.Export.All may export personal data (exit 0), as the Graph docs say")
    func exportAllowed() throws {
        let result = try CLIRunner.run(["can", Self.appToken, Self.export] + Self.at)
        #expect(result.exitCode == 0)
        #expect(result.stdout.hasPrefix("ALLOWED"))
        #expect(result.stdout.contains("User.Export.All"))
    }

    @Test("a missing app role is denied with 403 and the least-privileged app role to grant (exit 1)")
    func messagesDenied() throws {
        let result = try CLIRunner.run(["can", Self.appToken, Self.messages] + Self.at)
        #expect(result.exitCode == 1)
        #expect(result.stdout.hasPrefix("DENIED · predicted HTTP 403"))
        #expect(result.stdout.contains("Grant the app role Mail.ReadBasic.All"))
    }

    @Test("a delegated token is told to add a delegated permission and consent")
    func delegatedWording() throws {
        let result = try CLIRunner.run(["can", "fixtures/tokens/manager-graph.jwt", Self.messages] + Self.at)
        #expect(result.exitCode == 1)
        #expect(result.stdout.contains("Add the delegated permission Mail.ReadBasic"))
    }

    @Test("an unknown path exits 2 naming the closest operations")
    func unknownPath() throws {
        let result = try CLIRunner.run(["can", Self.appToken, "GET https://graph.microsoft.com/v1.0/users/{id}/mesages"] + Self.at)
        #expect(result.exitCode == 2)
        #expect(result.stderr.hasPrefix("error: "))
        #expect(result.stderr.contains("'GET /users/{id}/messages'"))
    }

    @Test("can output matches the golden files in text and JSON", arguments: ["txt", "json"])
    func golden(suffix: String) throws {
        let result = try CLIRunner.run(["can", Self.appToken, Self.messages, "--format", suffix == "txt" ? "text" : "json"] + Self.at)
        #expect(result.exitCode == 1)
        try Golden.check(result.stdout, name: "can-app-messages.\(suffix)")
    }

    @Test("--request on the main check gives the same verdict as can")
    func requestOption() throws {
        let result = try CLIRunner.run([Self.appToken, "--request", Self.export, "--format", "json"] + Self.at)
        #expect(result.exitCode == 0)
        #expect(result.stdout.contains("\"verdict\": \"allowed\""))
        let both = try CLIRunner.run([Self.appToken, "--request", Self.export, "--api", "export-download"] + Self.at)
        #expect(both.exitCode == 2)
    }

    @Test("can --list groups the token's allowed operations by resource, and --grep filters them")
    func list() throws {
        let result = try CLIRunner.run(["can", Self.appToken, "--list", "--grep", "export"])
        #expect(result.exitCode == 0)
        #expect(result.stdout.contains("\nusers (1)\n"))
        #expect(result.stdout.contains("POST    /users/{id}/exportpersonaldata"))
        let json = try CLIRunner.run(["can", Self.appToken, "--list", "--format", "json"])
        let value = try JSONParser.parse(json.stdout)
        #expect((value["count"]?.numberValue).map { "\($0)" } != "0")
        #expect(value["scheme"]?.stringValue == "Application")
    }

    @Test("permissions lists what a permission grants and, with --for, whether it allows the operation")
    func permissions() throws {
        let grants = try CLIRunner.run(["permissions", "User.Export.All"])
        #expect(grants.exitCode == 0)
        #expect(grants.stdout.contains("/users/{id}/exportpersonaldata"))
        let yes = try CLIRunner.run(["permissions", "Mail.Read", "--for", "GET /v1.0/me/messages"])
        #expect(yes.exitCode == 0)
        #expect(yes.stdout.contains("Mail.ReadBasic, Mail.ReadWrite (least privileged)"))
        let no = try CLIRunner.run(["permissions", "User.Read", "--for", Self.export])
        #expect(no.exitCode == 1)
        #expect(no.stdout.hasPrefix("User.Read does NOT allow POST /users/{id}/exportpersonaldata."))
        let unknown = try CLIRunner.run(["permissions", "Mail.Raed"])
        #expect(unknown.exitCode == 2)
        #expect(unknown.stderr.contains("'Mail.Read'"))
    }
}
