import Foundation
import Testing
@testable import PermcheckCore

@Suite("--directory-roles reader")
struct DirectoryRoleEvidenceTests {
    func read(_ text: String) throws -> DirectoryRoleAssignments {
        try DirectoryRoleEvidenceReader.read(JSONParser.parse(text), path: "roles.json")
    }

    @Test("a single PowerShell object (one result) with the expanded definition: template id, custom actions, scope")
    func powerShellObject() throws {
        let roles = try read(#"{"PrincipalId": "u1", "RoleDefinitionId": "r1", "DirectoryScopeId": "/administrativeUnits/au1", "RoleDefinition": {"DisplayName": "Custom", "IsBuiltIn": false, "TemplateId": "t1", "RolePermissions": [{"AllowedResourceActions": ["microsoft.directory/users/allProperties/allTasks"]}]}}"#)
        let entry = try #require(roles.assignments.first)
        #expect(entry.roleID == "t1" && entry.isBuiltIn == false && entry.administrativeUnit == "au1" && !entry.isEligible)
        #expect(entry.grants("microsoft.directory/users/create"))
        #expect(!entry.grants("microsoft.directory/groups/create"))
    }

    @Test("allProperties/<verb> covers that verb on any property of the entity, nothing else")
    func propertyWildcard() {
        let entry = DirectoryRoleAssignment(principalID: "u1", roleID: "x", actions: ["microsoft.directory/users/allProperties/read"])
        #expect(entry.grants("microsoft.directory/users/basic/read"))
        #expect(!entry.grants("microsoft.directory/users/basic/update"))
    }

    @Test("PIM shapes: eligibility schedules and instances are eligible, activated instances are not; the start time is read")
    func pimShapes() throws {
        let eligible = try read(#"{"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#roleManagement/directory/roleEligibilityScheduleInstances", "value": [{"principalId": "u1", "roleDefinitionId": "r1", "directoryScopeId": "/", "startDateTime": "2026-10-01T08:00:00Z", "memberType": "Direct", "roleEligibilityScheduleId": "s1"}]}"#)
        #expect(eligible.assignments.first?.isEligible == true)
        let active = try read(#"[{"PrincipalId": "u1", "RoleDefinitionId": "r1", "AssignmentType": "Activated", "StartDateTime": "2026-11-03T09:12:00Z", "ScheduleInfo": {"StartDateTime": "2026-11-03T09:12:00Z"}}]"#)
        #expect(active.assignments.first?.isEligible == false)
        #expect(active.assignments.first?.startedAt == ISO8601.parse("2026-11-03T09:12:00Z"))
    }

    @Test("transitive exports and group-based schedule entries count for the caller; other principals do not")
    func principalMatching() throws {
        let transitive = try read(#"{"@odata.context": "https://graph.microsoft.com/beta/$metadata#roleManagement/directory/transitiveRoleAssignments", "value": [{"principalId": "group1", "roleDefinitionId": "r1"}]}"#)
        #expect(transitive.held(by: "u1").count == 1)
        let plain = try read(#"{"value": [{"principalId": "someone-else", "roleDefinitionId": "r1"}, {"principalId": "g", "roleDefinitionId": "r2", "memberType": "Group"}]}"#)
        #expect(plain.held(by: "u1").map(\.roleID) == ["r2"])
    }

    @Test("Graph's empty value array means no assignments; a bare empty list, null, truncated or foreign shapes are refused")
    func refusals() throws {
        #expect(try read(#"{"@odata.context": "x#roleManagement/directory/roleAssignments", "value": []}"#).assignments.isEmpty)
        for text in ["[]", "null", #"[{"PrincipalId": "u1", "RoleDefinitionId": "r1", "RoleDefinition": "Microsoft.Graph.PowerShell.Models.MicrosoftGraphUnifiedRoleDefinition"}]"#,
                     #"[{"Name": "eDiscovery Manager", "WindowsLiveID": "a@b"}]"#, ##"{"value": [{"roleTemplateId": "r1", "@odata.type": "#microsoft.graph.directoryRole"}]}"##] {
            #expect(throws: PermcheckError.self) { try read(text) }
        }
    }
}
