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
}
