import Foundation
import Testing
@testable import PermcheckCore

/// Issue 15: evidence is understood or refused. Every fixture is read as saved by PowerShell in each encoding
/// customers send: as is, with a UTF-8 byte order mark, as UTF-16LE with a mark (Windows PowerShell 5.1 `>`), with CRLF.
@Suite struct EvidenceRefusalTests {
    enum Encoding: String, CaseIterable { case plain, bom, utf16, crlf }

    static func bytes(_ relative: String, _ encoding: Encoding) throws -> [UInt8] {
        let raw = try TestSupport.fixture(relative)
        let text = String(decoding: raw, as: UTF8.self)
        switch encoding {
        case .plain: return raw
        case .bom: return [0xEF, 0xBB, 0xBF] + raw
        case .utf16: return [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        case .crlf: return Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        }
    }

    static func read<T>(_ relative: String, _ encoding: Encoding, _ reader: (JSONValue, String) throws(PermcheckError) -> T) throws(PermcheckError) -> T {
        let bytes = try! Self.bytes("fixtures/evidence/\(relative)", encoding)
        return try reader(try EvidenceReader.json(bytes, path: relative), relative)
    }

    static func message(_ body: () throws -> Void) -> String {
        do { try body(); return "no error" } catch let error as PermcheckError { return error.message } catch { return "\(error)" }
    }

    // MARK: 1. wrong file for the option

    @Test(arguments: Encoding.allCases)
    func aRoleGroupExportPassedAsCaseMembersIsRefusedNamingItsOption(_ encoding: Encoding) {
        let text = Self.message { _ = try Self.read("role-groups.json", encoding, EvidenceReader.caseMembers) }
        #expect(text.contains("looks like Get-RoleGroup output") && text.contains("pass it as --role-groups"), "\(text)")
    }

    @Test(arguments: Encoding.allCases)
    func aCaseMemberExportPassedAsCaseAdminsIsRefused(_ encoding: Encoding) {
        for file in ["case-members.json", "case-members-fabrikam.json", "case-members-graph.json"] {
            let text = Self.message { _ = try Self.read(file, encoding, EvidenceReader.caseAdmins) }
            #expect(text.contains("--case-members"), "\(file): \(text)")
        }
    }

    @Test(arguments: Encoding.allCases)
    func aCaseListPassedAsCaseMembersIsRefused(_ encoding: Encoding) {
        let text = Self.message { _ = try Self.read("get-compliance-case.json", encoding, EvidenceReader.caseMembers) }
        #expect(text.contains("Get-ComplianceCase output") && text.contains("Get-ComplianceCaseMember"), "\(text)")
    }

    @Test func purviewFilesPassedToTheOtherPurviewOptionOrToEDiscoveryOptionsAreRefused() throws {
        let collections = try TestSupport.fixtureJSON("fixtures/evidence/purview-collections.json")
        let policies = try TestSupport.fixtureJSON("fixtures/evidence/purview-policies.json")
        let asPolicies = Self.message { _ = try PurviewEvidenceReader.read(policies: ("c.json", collections), collections: nil) }
        #expect(asPolicies.contains("pass it as --collections"), "\(asPolicies)")
        let asCollections = Self.message { _ = try PurviewEvidenceReader.read(policies: nil, collections: ("p.json", policies)) }
        #expect(asCollections.contains("pass it as --purview-policies"), "\(asCollections)")
        let asRoleGroups = Self.message { _ = try EvidenceReader.roleGroups(policies, path: "p.json") }
        #expect(asRoleGroups.contains("pass it as --purview-policies"), "\(asRoleGroups)")
    }

    @Test func aTokenPassedAsEvidenceIsRefusedWithoutEchoingAnyOfIt() throws {
        let raw = try TestSupport.fixture("fixtures/evidence/az-access-token.json")
        let jwt = try TestSupport.fixture("fixtures/tokens/manager-graph.jwt")
        for (name, bytes) in [("az-access-token.json", raw), ("manager-graph.jwt", jwt), ("short", Array("eyJhbGc".utf8)), ("bearer", Array("Bearer eyJ0eXAiOiJKV1QifQ".utf8))] {
            let text = Self.message {
                let value = try EvidenceReader.json(bytes, path: name)
                _ = try EvidenceReader.caseMembers(value, path: name)
            }
            #expect(text.contains("access token"), "\(name): \(text)")
            #expect(!text.contains("eyJ"), "\(name): \(text)")
        }
    }

    // MARK: 2. truncated ConvertTo-Json exports

    @Test(arguments: Encoding.allCases)
    func truncatedExportsAreRefusedNamingTheLocationAndTheDepthFix(_ encoding: Encoding) {
        let groups = Self.message { _ = try Self.read("role-groups-truncated.json", encoding, EvidenceReader.roleGroups) }
        #expect(groups.contains("role-groups-truncated.json") && groups.contains("at $[0].Members") && groups.contains("ConvertTo-Json -Depth 5"), "\(groups)")
        let members = Self.message { _ = try Self.read("case-members-truncated.json", encoding, EvidenceReader.caseMembers) }
        #expect(members.contains("at $.members[0]") && members.contains("truncated by ConvertTo-Json"), "\(members)")
        #expect(!members.contains("megan.manager"), "the marker text is personal data: \(members)")
    }

    @Test(arguments: ["\"System.Object[]\"", "\"System.Collections.Hashtable\"", "\"@{Name=a; PrimarySmtpAddress=a@x.example}\"",
                      "\"Microsoft.Exchange.Data.Directory.ADMultiValuedProperty`1[System.String]\""])
    func everyTruncationMarkerIsRecognisedAnywhere(_ marker: String) throws {
        let value = try JSONParser.parse(Array(#"[{"Name":"a","WindowsLiveID":"a@x.example","Extra":{"deep":[\#(marker)]}}]"#.utf8))
        let text = Self.message { _ = try EvidenceReader.caseAdmins(value, path: "a.json") }
        #expect(text.contains("at $[0].Extra.deep[0]") && text.contains("-Depth 5"), "\(text)")
    }

    // MARK: 5. empty, null, partial

    @Test(arguments: ["null", "\"\"", "{}", #"{"members": null}"#, #"{"case": "Contoso Litigation", "members": null}"#])
    func nullAndEmptyExportsAreErrorsNotNobody(_ text: String) throws {
        let value = try JSONParser.parse(Array(text.utf8))
        for (name, read) in [("members", { () throws -> Void in _ = try EvidenceReader.caseMembers(value, path: "e.json") }),
                             ("admins", { _ = try EvidenceReader.caseAdmins(value, path: "e.json") }),
                             ("groups", { _ = try EvidenceReader.roleGroups(value, path: "e.json") })] {
            let message = Self.message(read)
            #expect(message.contains("not \"nobody\""), "\(name) \(text): \(message)")
        }
    }

    @Test func anEmptyCaseMemberListIsARealAnswer() throws {
        #expect(try EvidenceReader.caseMembers(.array([]), path: "m.json").members.isEmpty)
    }

    @Test(arguments: Encoding.allCases)
    func aSelectObjectExportKeepsMissingRolesAndMembersUnknown(_ encoding: Encoding) throws {
        let groups = try Self.read("role-groups-select.json", encoding, EvidenceReader.roleGroups)
        #expect(groups.map(\.rolesExported) == [false, true])
        #expect(groups.map(\.membersExported) == [true, false])
    }

    // MARK: 7. Graph's own shape

    @Test(arguments: Encoding.allCases)
    func graphCaseMembersAreRead(_ encoding: Encoding) throws {
        let members = try Self.read("case-members-graph.json", encoding, EvidenceReader.caseMembers)
        #expect(members.members.map(\.label) == ["megan.manager@contoso-gcc.example", "Case Reviewers"])
        #expect(members.members.map(\.isRoleGroup) == [false, true])
        #expect(members.members.allSatisfy { $0.objectID == nil }, "a caseMember id is not an Entra object id")
    }

    @Test(arguments: Encoding.allCases)
    func theCaseAFileIsForIsRead(_ encoding: Encoding) throws {
        let members = try Self.read("case-members-fabrikam.json", encoding, EvidenceReader.caseMembers)
        #expect(members.caseName == "Fabrikam Merger")
        #expect(!members.isFor("Contoso Litigation") && members.isFor(" fabrikam merger "))
    }
}
