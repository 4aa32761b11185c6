import Foundation
import Testing
@testable import PermcheckCore

@Suite struct ResourceGrantReaderTests {
    func fixture(_ name: String) throws -> JSONValue { try TestSupport.fixtureJSON("fixtures/evidence/\(name)") }
    func json(_ text: String) throws -> JSONValue { try EvidenceReader.json(Array(text.utf8), path: "t") }
    let app = "5e1ec7ed-0000-4000-8000-0000000051e5"

    @Test func graphSitePermissionsNameTheSiteAndTheAppRoles() throws {
        let grants = try ResourceGrantReaders.sitePermissions(fixture("site-permissions.json"), path: "t")
        #expect(grants.resource == "/sites/contoso-gcc.sharepoint.com,1a1a1a1a-0000-4000-8000-00000000517e,2b2b2b2b-0000-4000-8000-00000000517e")
        #expect(grants.grants.count == 2)
        #expect(grants.grants[0].applicationIDs == [app])
        #expect(grants.grants[0].roles == ["read"])
        #expect(grants.grants[1].applicationNames == ["Fabrikam Dashboard App"])
    }

    @Test(arguments: ["site-permissions-bom.json", "site-permissions-utf16.json"])
    func byteOrderMarksAndUTF16AreRead(file: String) throws {
        let grants = try ResourceGrantReaders.sitePermissions(fixture(file), path: "t")
        #expect(grants.grants.map(\.roles) == [["read"]])
    }

    @Test func getMgSitePermissionArraysAndSingleObjectsAreRead() throws {
        let many = try ResourceGrantReaders.sitePermissions(fixture("site-permissions-mgsdk.json"), path: "t")
        #expect(many.resource == nil)
        #expect(many.grants.first { $0.applicationIDs.contains(app) }?.roles == ["write"])
        let one = try ResourceGrantReaders.sitePermissions(fixture("site-permissions-single.json"), path: "t")
        #expect(one.grants.map(\.roles) == [["fullcontrol"]])
    }

    @Test func aListWithoutRolesKeepsRolesUnknownRatherThanEmpty() throws {
        let grants = try ResourceGrantReaders.sitePermissions(fixture("site-permissions-no-roles.json"), path: "t")
        #expect(grants.grants.count == 1)
        #expect(grants.grants[0].roles == nil)
    }

    @Test(arguments: [("site-permissions-truncated.json", "site"), ("app-access-policies-truncated.json", "policy"),
                      ("mailbox-folder-permissions-truncated.json", "folder")])
    func truncatedExportsAreRefused(file: String, kind: String) throws {
        let value = try fixture(file)
        do {
            switch kind {
            case "site": _ = try ResourceGrantReaders.sitePermissions(value, path: file)
            case "policy": _ = try ResourceGrantReaders.appAccessPolicies(value, path: file)
            default: _ = try ResourceGrantReaders.mailboxPermissions(value, path: file)
            }
            Issue.record("\(file) was read although it is truncated")
        } catch {
            #expect("\(error)".contains("ConvertTo-Json -Depth 5"))
        }
    }

    @Test func theWrongExportNamesTheRightOption() throws {
        let policies = try fixture("app-access-policies.json")
        #expect { try ResourceGrantReaders.sitePermissions(policies, path: "t") } throws: { "\($0)".contains("--app-access-policies") }
        let grants = try fixture("site-permissions.json")
        #expect { try ResourceGrantReaders.mailboxPermissions(grants, path: "t") } throws: { "\($0)".contains("--site-permissions") }
        #expect { try ResourceGrantReaders.appAccessPolicies(json("null"), path: "t") } throws: { "\($0)".contains("null") }
    }

    @Test func accessPoliciesAndTheirTestOutputAreToldApartByShape() throws {
        let policies = try ResourceGrantReaders.appAccessPolicies(fixture("app-access-policies.json"), path: "t")
        #expect(policies.policies.count == 2 && policies.tests.isEmpty)
        #expect(policies.policies[0].scopeGroup == "6a6a6a6a-0000-4000-8000-000000000a15")
        #expect(policies.policies[1].accessRight == "DenyAccess")
        let single = try ResourceGrantReaders.appAccessPolicies(fixture("app-access-policy-single.json"), path: "t")
        #expect(single.policies == [policies.policies[0]])
        let utf16 = try ResourceGrantReaders.appAccessPolicies(fixture("app-access-policies-utf16.json"), path: "t")
        #expect(utf16 == policies)
        let test = try ResourceGrantReaders.appAccessPolicies(fixture("app-access-test-denied.json"), path: "t")
        #expect(test.policies.isEmpty)
        #expect(test.tests.first?.granted == false && test.tests.first?.mailbox == "pat.principal")
    }

    @Test func roleAssignmentsAndAuthorizationTestsAreRead() throws {
        let roles = try ResourceGrantReaders.exchangeRoleAssignments(fixture("exchange-role-assignments.json"), path: "t")
        #expect(roles.assignments.map(\.role) == ["Application Calendars.Read", "Application Mail.Read"])
        #expect(roles.assignments[1].scope == "Canadian Employees")
        #expect(roles.assignments[0].assignees.contains("e7e4dbfc-1111-4111-8111-0000000a0a11"))
        let tests = try ResourceGrantReaders.exchangeRoleAssignments(fixture("sp-authorization.json"), path: "t")
        #expect(tests.tests.first?.inScope == false && tests.tests.first?.permissions == ["Mail.Read"])
    }

    @Test(arguments: ["group-members.json", "group-members-dgm.json", "group-members-graph.json", "group-members-mg.json"])
    func groupMembersInEveryShapeIncludeSam(file: String) throws {
        let group = try ResourceGrantReaders.groupMembers(fixture(file), path: "t")
        #expect(group.members.contains { $0.objectID == "ffff6666-6666-4666-8666-666666666666" })
        #expect(group.members.contains { $0.windowsLiveID == "sam.synced@contoso-gcc.example" || $0.primarySmtpAddress == "sam.synced@contoso-gcc.example" })
    }

    @Test func mailboxAndFolderPermissionsAreRead() throws {
        let mailbox = try ResourceGrantReaders.mailboxPermissions(fixture("mailbox-permissions.json"), path: "t")
        #expect(mailbox.last?.rights == ["FullAccess"] && mailbox.last?.folder == nil && mailbox.last?.mailbox == "pat.principal")
        let folder = try ResourceGrantReaders.mailboxPermissions(fixture("mailbox-folder-permissions.json"), path: "t")
        let dana = try #require(folder.first { $0.user.objectID == "dddd4444-4444-4444-8444-444444444444" })
        #expect(dana.folder == "Calendar" && dana.rights == ["Reviewer"] && dana.mailbox == "pat.principal@contoso-gcc.example")
    }
}
