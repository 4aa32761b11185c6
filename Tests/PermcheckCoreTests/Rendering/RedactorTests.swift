import Foundation
import Testing
@testable import PermcheckCore

@Suite struct RedactorTests {
    static func claims() throws -> Claims {
        try TestSupport.decode(TestSupport.token(payload: """
            {"tid":"aaaabbbb-0000-4000-8000-00000000cafe","upn":"megan.manager@contoso-gcc.example",
             "oid":"11111111-1111-4111-8111-111111111111","ipaddr":"203.0.113.10","name":"Megan Manager"}
            """)).claims
    }

    @Test func everyPersonalValueOfTheTokenIsReplacedByAPlaceholder() throws {
        let text = """
            Megan Manager (megan.manager@contoso-gcc.example, oid 11111111-1111-4111-8111-111111111111) \
            in tenant aaaabbbb-0000-4000-8000-00000000cafe from 203.0.113.10
            """
        let redacted = Redactor(claimsList: [try Self.claims()], evidence: Evidence()).redact(text)
        for secret in ["Megan", "megan.manager", "11111111-1111", "aaaabbbb", "203.0.113.10"] {
            #expect(!redacted.contains(secret), "\(secret) left in: \(redacted)")
        }
        #expect(redacted.contains("user-1") && redacted.contains("tenant-1") && redacted.contains("ip-1"))
    }

    @Test func wellKnownMicrosoftIDsStay() throws {
        let text = "Microsoft Graph 00000003-0000-0000-c000-000000000000, Global Administrator 62e90394-69f5-4237-9190-012177145e10"
        let redacted = Redactor(claimsList: [try Self.claims()], evidence: Evidence()).redact(text)
        #expect(redacted.contains("00000003-0000-0000-c000-000000000000"))
        #expect(redacted.contains("62e90394-69f5-4237-9190-012177145e10"))
    }

    @Test func aHundredThousandEvidenceEntriesAreRedactedQuicklyAndCompletely() throws {
        var evidence = Evidence()
        evidence.caseMembers = CaseMembers(members: (0..<InputLimits.evidenceEntries).map { index in
            var entry = DirectoryEntry(name: "member\(index)")
            entry.windowsLiveID = "member\(index)@contoso-gcc.example"
            return entry
        })
        let text = "Listed: member99999@contoso-gcc.example, member7, member70 and member0; not listed: guest1."
        let started = Date()
        let redacted = Redactor(claimsList: [try Self.claims()], evidence: evidence).redact(text)
        #expect(Date().timeIntervalSince(started) < 10)
        for secret in ["member99999", "member7", "member70", "member0"] {
            #expect(!redacted.contains(secret), "\(secret) left in: \(redacted)")
        }
        #expect(redacted.contains("guest1"))
    }

    @Test func aSurnameThatIsARoleNameIsReplacedInTheFullNameButTheRoleStays() throws {
        let claims = try TestSupport.decode(TestSupport.token(payload: #"{"name": "Anna Hold", "given_name": "Anna", "family_name": "Hold"}"#)).claims
        var evidence = Evidence()
        evidence.roleGroups = [RoleGroup(name: "eDiscoveryManager", roles: ["Hold", "Export"], members: [])]
        let redactor = Redactor(claimsList: [claims], evidence: evidence)
        #expect(redactor.redact("Anna Hold lacks the role Hold; Anna asked.") == "name-1 lacks the role Hold; name-2 asked.")
        #expect(redactor.redact("Anna Hold") == "name-1")
    }

    @Test func exactValuesOfAnyLengthAndIPv6AddressesAreReplaced() throws {
        let claims = try TestSupport.decode(TestSupport.token(payload: #"{"given_name": "Jo", "ipaddr": "2001:db8::7", "onprem_sid": "S-1-5-21-1-2-3-512"}"#)).claims
        let redactor = Redactor(claimsList: [claims], evidence: Evidence())
        #expect(redactor.redact("Jo") == "name-1")
        #expect(redactor.redact("Jo (S-1-5-21-1-2-3-512) from 2001:db8::7 and fe80::1:2, at 09:30:00") == "name-1 (id-1) from ip-1 and ip-2, at 09:30:00")
    }
}
