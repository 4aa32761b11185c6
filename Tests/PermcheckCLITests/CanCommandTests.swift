import Testing
import PermcheckCore

@Suite("permcheck can and permissions")
struct CanCommandTests {
    /// The list considers permissions only: an option it would ignore is refused.
    @Test(arguments: [["--status", "403"], ["--at", "2026-11-03T09:30:00Z"], ["--header", "X: y"]])
    func optionsTheListWouldIgnoreAreRefused(option: [String]) throws {
        let result = try CLIRunner.run(["can", "fixtures/tokens/manager-graph.jwt", "--list"] + option)
        #expect(result.exitCode == 2)
        #expect(result.stderr == "error: \(option[0]) does not apply to can --list (it lists what the token's permissions allow). See 'permcheck can --help'.\n")
    }

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

    @Test("can takes --status, --response and --changed-at like the main check: an observed 403 on an allowed call is never ALLOWED")
    func observedFailureOnCan() throws {
        let users = "GET https://graph.microsoft.com/v1.0/users"
        let allowed = try CLIRunner.run(["can", Self.appToken, users] + Self.at)
        #expect(allowed.exitCode == 0)
        let unexplained = try CLIRunner.run(["can", Self.appToken, users, "--status", "403"] + Self.at)
        #expect(unexplained.exitCode == 3)
        #expect(unexplained.stdout.hasPrefix("INDETERMINATE · observed HTTP 403 although no modelled requirement fails"))
        let stale = try CLIRunner.run(["can", Self.appToken, users, "--response", "fixtures/responses/pasted-powershell-sdk.txt",
                                       "--changed-at", "2026-11-03T09:20:00Z"] + Self.at)
        #expect(stale.exitCode == 1, "stderr: \(stale.stderr)")
        try Golden.check(stale.stdout, name: "can-observed-403-stale-token.txt")
        let disagree = try CLIRunner.run(["can", Self.appToken, users, "--status", "401", "--response", "fixtures/responses/pasted-403-line-then-json.txt"] + Self.at)
        #expect(disagree.exitCode == 2)
    }

    @Test("can on a URL a hand-written rule covers ends with the exact main-check command that decides it")
    func handWrittenRuleSuggestsTheMainCheck() throws {
        let proxy = "GET https://eastus.proxyservice.ediscovery.office365.com/exports/download"
        let result = try CLIRunner.run(["can", "fixtures/tokens/manager-proxy.jwt", proxy, "--status", "401"] + Self.at)
        #expect(result.exitCode == 3)
        #expect(result.stdout.contains("permcheck TOKEN --request \"\(proxy)\" --header 'X-AllowWithAADToken: true' --role-groups role-groups.json --case \"<case name>\" --case-members case-members.json --case-admins case-admins.json --status 401"))
        try Golden.check(result.stdout, name: "can-hand-written-rule-main-check.txt")
        // The suggested command, with the fixture files, decides it.
        let main = try CLIRunner.run(["fixtures/tokens/manager-proxy.jwt", "--request", proxy, "--header", "X-AllowWithAADToken: true",
                                      "--role-groups", "fixtures/evidence/role-groups.json", "--case", "Contoso Litigation",
                                      "--case-members", "fixtures/evidence/case-members.json", "--status", "401"] + Self.at)
        #expect(main.stdout.hasPrefix("INDETERMINATE · observed HTTP 401 although no modelled requirement fails"))
        #expect(!main.stdout.contains("evidence missing"))
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
        // The count is the filtered part of the whole, said as such.
        let all = try CLIRunner.run(["can", Self.appToken, "--list"]).stdout
        let total = all.prefix { $0 != " " }
        let shown = result.stdout.split(separator: "\n").filter { $0.hasPrefix("  ") }.count
        #expect(result.stdout.hasPrefix("\(shown) of \(total) operations allowed by the application permissions (roles) match 'export' ("))
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

    @Test("permissions knows the permissions hand-written rules use that Graph does not have")
    func permissionsOfOtherAPIs() throws {
        let download = try CLIRunner.run(["permissions", "eDiscovery.Download.Read"])
        #expect(download.exitCode == 0)
        #expect(download.stdout.hasPrefix("eDiscovery.Download.Read is not a Microsoft Graph permission in the catalogue"))
        #expect(download.stdout.contains("ediscovery.export-download  delegated, application · least privileged · token for MicrosoftPurviewEDiscovery"))
        let json = try CLIRunner.run(["permissions", "eDiscovery.Download.Read", "--format", "json"])
        let value = try JSONParser.parse(Array(json.stdout.utf8))
        #expect(value["count"]?.numberValue?.int64 == 0)
        #expect(value["rules"]?.arrayValue?.first?["id"]?.stringValue == "ediscovery.export-download")
        let graph = try CLIRunner.run(["permissions", "User.Export.All"])
        #expect(graph.stdout.contains("graph.export-personal-data"))
        let typo = try CLIRunner.run(["permissions", "eDiscovery.Download.Raed"])
        #expect(typo.exitCode == 2)
        #expect(typo.stderr.contains("closest names: 'eDiscovery.Download.Read'"))
    }
}
