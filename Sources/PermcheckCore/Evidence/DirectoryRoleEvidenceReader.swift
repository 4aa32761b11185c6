import Foundation

/// Reads `--directory-roles`: `Get-MgRoleManagementDirectoryRoleAssignment -Filter "principalId eq '<oid>'"
/// -ExpandProperty RoleDefinition | ConvertTo-Json -Depth 5` (PascalCase, one object or an array), Graph's own JSON for
/// `GET /roleManagement/directory/roleAssignments?$filter=principalId eq '<oid>'&$expand=roleDefinition` (`value` array,
/// camelCase), `transitiveRoleAssignments`, and the PIM shapes (`roleAssignmentSchedules`/`…Instances`,
/// `roleEligibilitySchedules`/`…Instances`, `Get-MgRoleManagementDirectoryRoleEligibilitySchedule`) in the same option.
public enum DirectoryRoleEvidenceReader {
    public static func read(_ value: JSONValue, path: String) throws(PermcheckError) -> DirectoryRoleAssignments {
        let reader = EvidenceJSON(path: path)
        // Another kind's file, a token, null/empty, or a ConvertTo-Json export cut at the default depth: refused.
        _ = try EvidenceShape.admit(value, path: path, as: .directoryRoles)
        var context = ""
        var items = value
        if case .object(let object) = value, let list = object["value"] {
            context = (object["@odata.context"]?.stringValue ?? "").lowercased()
            guard case .array = list else { throw reader.fail("$.value", "expected an array, found \(list.typeName)") }
            items = list
        } else if case .array(let list) = value, list.isEmpty {
            throw reader.fail("$", "an empty list does not say whose role assignments these are; export Graph's JSON (it names the request) or rely on the token's 'wids'")
        } else if value.isNull {
            throw reader.fail("$", "the file is null")
        }
        var assignments: [DirectoryRoleAssignment] = []
        if case .array(let list) = items, list.isEmpty { return DirectoryRoleAssignments(assignments: [], isTransitive: context.contains("transitive")) }
        for (location, object) in try reader.objects(items, at: context.isEmpty ? "$" : "$.value") {
            assignments.append(try assignment(object, at: location, context: context, reader: reader))
        }
        return DirectoryRoleAssignments(assignments: assignments, isTransitive: context.contains("transitive"))
    }

    static func assignment(_ object: [String: JSONValue], at location: String, context: String, reader: EvidenceJSON) throws(PermcheckError) -> DirectoryRoleAssignment {
        func key(_ name: String) -> [String] { [name, name.prefix(1).uppercased() + name.dropFirst()] }
        let definition = (object["roleDefinition"] ?? object["RoleDefinition"])?.objectValue
        let dl = location + ".roleDefinition"
        let definitionID = try definition.map { d throws(PermcheckError) in try reader.string(d, key("templateId") + key("id"), at: dl) } ?? nil
        guard let roleID = try reader.string(object, key("roleDefinitionId"), at: location) ?? definitionID else {
            let hint = object["roleTemplateId"] != nil || object["RoleTemplateId"] != nil
                ? "this looks like Get-MgUserMemberOf output (directoryRole objects); export role assignments instead"
                : "no roleDefinitionId: this is not a role assignment export (see --help for the command)"
            throw reader.fail(location, hint)
        }
        // Built-in roles: the definition id is the template id; prefer the template id when expanded.
        let definitionTemplate = try definition.map { d throws(PermcheckError) in try reader.string(d, key("templateId"), at: dl) } ?? nil
        let templateID = definitionTemplate ?? roleID
        var actions: [String]?
        if let permissions = definition?["rolePermissions"] ?? definition?["RolePermissions"] {
            actions = []
            for (index, entry) in (permissions.arrayValue ?? [permissions]).enumerated() {
                guard let body = entry.objectValue else { continue }
                actions! += try reader.strings(body, key("allowedResourceActions"), at: "\(location).roleDefinition.rolePermissions[\(index)]") ?? []
            }
        }
        let scheduleInfo = (object["scheduleInfo"] ?? object["ScheduleInfo"])?.objectValue
        let type = ((try reader.string(object, ["@odata.type"], at: location)) ?? "").lowercased()
        let eligible = object["roleEligibilityScheduleId"] != nil || object["RoleEligibilityScheduleId"] != nil
            || context.contains("roleeligibility") || type.contains("eligibility")
            || (scheduleInfo != nil && object["assignmentType"] == nil && object["AssignmentType"] == nil)
        var started = try reader.date(object, key("startDateTime"), at: location)
        if started == nil, let scheduleInfo { started = try reader.date(scheduleInfo, key("startDateTime"), at: location + ".scheduleInfo") }
        if started == nil { started = try reader.date(object, key("createdDateTime"), at: location) }
        var roleName: String?
        if let definition { roleName = try reader.string(definition, key("displayName"), at: dl) }
        return DirectoryRoleAssignment(
            principalID: try reader.string(object, key("principalId"), at: location), roleID: templateID,
            roleName: roleName,
            isBuiltIn: definition?["isBuiltIn"]?.boolValue ?? definition?["IsBuiltIn"]?.boolValue,
            actions: actions, scope: try reader.string(object, key("directoryScopeId"), at: location) ?? "/",
            isEligible: eligible, memberType: try reader.string(object, key("memberType"), at: location), startedAt: started)
    }
}
