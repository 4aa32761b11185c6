import Foundation
import Testing
@testable import PermcheckCore

@Suite struct EvidenceReaderTests {
    func json(_ text: String) throws -> JSONValue { try EvidenceReader.json(Array(text.utf8), path: "test.json") }

    @Test func aSingleCaseMemberObjectIsAcceptedLikeAnArray() throws {
        let one = try EvidenceReader.caseMembers(json(#"{"Name":"a","WindowsLiveID":"a@x.example"}"#), path: "t")
        let many = try EvidenceReader.caseMembers(json(#"[{"Name":"a","WindowsLiveID":"a@x.example"}]"#), path: "t")
        #expect(one == many)
        #expect(one.members.first?.windowsLiveID == "a@x.example")
    }

    @Test func aByteOrderMarkIsAccepted() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(#"["a@x.example"]"#.utf8)
        let members = try EvidenceReader.caseMembers(EvidenceReader.json(bytes, path: "t"), path: "t")
        #expect(members.members.map(\.name) == ["a@x.example"])
    }

    @Test func theWrappedCaseFormCarriesTheCaseName() throws {
        let members = try EvidenceReader.caseMembers(json(#"{"case":"Contoso Litigation","members":["a"]}"#), path: "t")
        #expect(members.caseName == "Contoso Litigation")
    }

    @Test func getRoleGroupOutputIsRead() throws {
        let groups = try EvidenceReader.roleGroups(TestSupport.fixtureJSON("fixtures/evidence/role-groups.json"), path: "t")
        let manager = try #require(groups.first { $0.isNamed("eDiscovery Manager") })
        #expect(manager.hasRole("export"))
        #expect(manager.members.contains { $0.name == "megan.manager" })
        #expect(manager.changedAt == ISO8601.parse("2026-10-30T12:00:00Z"))
    }

    @Test func thePlainRoleGroupFormAcceptsGetRoleGroupMemberObjects() throws {
        let groups = try EvidenceReader.roleGroups(json(#"{"Exporters":{"roles":["Export"],"members":[{"Name":"j","WindowsLiveID":"j@x.example","RecipientType":"UserMailbox"}]}}"#), path: "t")
        #expect(groups.first?.members.first?.windowsLiveID == "j@x.example")
    }

    @Test func bareGetRoleGroupMemberOutputGetsAHint() {
        #expect { try EvidenceReader.roleGroups(json(#"[{"Name":"j","RecipientType":"UserMailbox"}]"#), path: "t") } throws: { error in
            (error as? PermcheckError)?.message.contains("Get-RoleGroupMember") == true
        }
    }

    @Test(arguments: [
        (#"{"Name":"g","Roles":5}"#, "$.Roles"),
        (#"[{"Name":"g","Roles":["Export", 3]}]"#, "$[0].Roles[1]"),
        (#"[1]"#, "$[0]"),
    ])
    func wrongTypesAreReportedWithTheirLocation(_ text: String, _ location: String) {
        #expect { try EvidenceReader.roleGroups(json(text), path: "t") } throws: { error in
            guard case .evidenceInvalid(_, let at, _)? = error as? PermcheckError else { return false }
            return at == location
        }
    }

    @Test func truncatedJSONNamesTheFileAndSuggestsTheExportCommand() {
        #expect { try json(#"[{"Name":"a""#) } throws: { error in
            let message = (error as? PermcheckError)?.message ?? ""
            return message.contains("test.json") && message.contains("ConvertTo-Json")
        }
    }

    @Test func powerShellDatesAreRead() throws {
        let entries = try EvidenceReader.caseAdmins(json(#"[{"Name":"a","WhenChangedUTC":"/Date(1793697000000)/"}]"#), path: "t")
        #expect(entries.first?.changedAt == Date(timeIntervalSince1970: 1_793_697_000))
    }
}

extension TestSupport {
    static func fixtureJSON(_ relative: String) throws -> JSONValue {
        try EvidenceReader.json(fixture(relative), path: relative)
    }
}
