import Foundation
import Testing
import PermcheckCore

/// `--redact` replaces the data before rendering, so escaping cannot defeat it: a backslash (JSON `\\`), a `|`
/// (Markdown `\|`) or a `"` in a name; short names; `onprem_sid`, `samaccountname`, `puid`, `altsecid`; an IPv6
/// `ipaddr`; names quoted only in a `--response` message. In every command and format that has `--redact`.
@Suite struct RedactionBeforeRenderingTests {
    /// Values of the crafted token and evidence that no redacted output may show.
    static let secrets = ["zquux", #""Q""#, "jhold", "1004336348", "10032000ABCDEF", "2001:db8", "8a2e", "jo.hold",
                          "33333333-3333", "Pat", "Pipe", "pat.pipe"]

    static let at = ["--at", "2026-11-03T09:30:00Z"]

    /// The manager fixture token with personal claims that escape differently in each format.
    static func token() throws -> String {
        let fixture = TokenCase(file: "fixtures/tokens/manager-graph.jwt", passing: "literal").text
        let parts = fixture.split(separator: ".")
        guard case .object(var payload) = try JSONParser.parse(Base64URL.decode(parts[1])) else { throw CocoaError(.coderInvalidValue) }
        let overrides: [String: String] = [
            "name": #"Jo "Q" | Hold"#, "given_name": "Jo", "family_name": "Hold", "unique_name": #"CONTOSO\zquux"#,
            "upn": "jo.hold@contoso-gcc.example", "onprem_sid": "S-1-5-21-1004336348-1177238915-682003330-512",
            "samaccountname": "jhold", "puid": "10032000ABCDEF12", "altsecid": "5::10032000ABCDEF34",
            "ipaddr": "2001:db8:85a3::8a2e:370:7334", "oid": "33333333-3333-4333-8333-333333333333",
        ]
        for (key, value) in overrides { payload[key] = .string(value) }
        return parts[0] + "." + Base64URL.encode(Array(JSONWriter.write(.object(payload)).utf8)) + "." + parts[2]
    }

    static func scratch() throws -> SecretSafetyTests.Scratch {
        let token = try token()
        let members = #"[{"Name": "pat.pipe", "DisplayName": "Pat | Pipe", "WindowsLiveID": "pat.pipe@contoso-gcc.example", "RecipientType": "UserMailbox"}]"#
        return try SecretSafetyTests.Scratch([
            "token.jwt": token,
            "members.json": members,
            "response.json": #"{"error": {"code": "Forbidden", "message": "CONTOSO\\zquux and Pat | Pipe (pat.pipe@contoso-gcc.example) from 2001:db8::1 are not members"}}"#,
            "plan.json": #"{"at": "2026-11-03T09:30:00Z", "checks": [{"name": "jo.hold@contoso-gcc.example", "token": {"file": "token.jwt"}, "api": "export-download", "case": "Contoso Litigation", "caseMembers": "members.json", "roleGroups": "\#(CLIRunner.repositoryRoot.path)/fixtures/evidence/role-groups.json"}]}"#,
            "lines.jsonl": #"{"token": "\#(token)", "id": "jo.hold@contoso-gcc.example", "case": "Contoso Litigation"}"# + "\n" + #"{"id": "CONTOSO\\zquux"}"# + "\n",
        ])
    }

    static func commands() -> [[String]] {
        let evidence = ["--case", "Contoso Litigation", "--case-members", "{dir}/members.json", "--role-groups", "fixtures/evidence/role-groups.json"]
        var list: [[String]] = []
        for format in ["text", "json", "markdown"] {
            list.append(["{dir}/token.jwt", "--api", "export-download", "--format", format] + evidence + at)
            list.append(["{dir}/token.jwt", "--api", "export-download", "--response", "{dir}/response.json", "--format", format] + evidence + at)
            list.append(["--response", "{dir}/response.json", "--format", format] + evidence)
            list.append(["compare", "{dir}/token.jwt", "fixtures/tokens/manager-not-member.jwt", "--api", "export-download", "--all", "--format", format] + evidence + at)
        }
        for format in ["text", "json"] {
            list.append(["decode", "{dir}/token.jwt", "--format", format] + at)
            list.append(["can", "{dir}/token.jwt", "GET https://graph.microsoft.com/v1.0/me", "--format", format] + at)
        }
        for format in ["text", "json", "github", "junit", "sarif"] { list.append(["preflight", "{dir}/plan.json", "--format", format]) }
        for format in ["json", "sarif"] {
            list.append(["batch", "{dir}/lines.jsonl", "--api", "export-download", "--format", format] + evidence + at)
        }
        return list
    }

    @Test func noRedactedValueSurvivesAnyFormatsEscaping() throws {
        let scratch = try Self.scratch()
        defer { scratch.remove() }
        for template in Self.commands() {
            let arguments = template.map { $0.replacingOccurrences(of: "{dir}", with: scratch.directory.path) } + ["--redact"]
            let result = try CLIRunner.run(arguments)
            let name = template.prefix(1).joined() + " " + (template.drop { $0 != "--format" }.dropFirst().first ?? "")
            #expect(result.exitCode != 2 || template.first == "batch", "\(name): \(result.stderr)")
            #expect(!result.stdout.isEmpty, "\(name): no output")
            let output = result.stdout + result.stderr
            for secret in Self.secrets {
                #expect(!output.contains(secret), "\(name) --redact shows '\(secret)'")
            }
            let words = output.split { !$0.isLetter }
            #expect(!words.contains("Jo"), "\(name) --redact shows the two-letter given name")
        }
    }

    @Test func withoutRedactTheValuesAreShownSoTheTestCanFail() throws {
        let scratch = try Self.scratch()
        defer { scratch.remove() }
        let result = try CLIRunner.run(["decode", scratch.path("token.jwt"), "--format", "json"] + Self.at)
        for secret in ["zquux", "jhold", "1004336348", "10032000ABCDEF", "2001:db8"] { #expect(result.stdout.contains(secret)) }
    }

    @Test func theSamePersonGetsTheSamePlaceholderInEveryFormat() throws {
        let scratch = try Self.scratch()
        defer { scratch.remove() }
        for format in ["text", "json", "markdown"] {
            let output = try CLIRunner.run([scratch.path("token.jwt"), "--api", "export-download", "--format", format, "--redact"] + Self.at).stdout
            // The UPN is the first value collected after the tenant: user-1 in every format.
            #expect(output.contains("user-1"), "\(format): \(output)")
        }
        let decoded = try CLIRunner.run(["decode", scratch.path("token.jwt"), "--format", "json", "--redact"] + Self.at).stdout
        let claims = try JSONParser.parse(decoded)["claims"]
        #expect(claims?["upn"]?["value"]?.stringValue == "user-1")
        #expect(claims?["name"]?["value"]?.stringValue?.hasPrefix("name-") == true)
        #expect(claims?["ipaddr"]?["value"]?.stringValue == "ip-1")
    }
}
