import Foundation

/// Readers for per-resource grant evidence (issue 14): site/list/item grants, Exchange application access policies
/// and their test output, RBAC for Applications role assignments, group members, mailbox and folder permissions.
/// Each recognises its shapes (Graph JSON, `ConvertTo-Json` of the cmdlet, one object or an array), names the right
/// option when given another kind of export, and refuses truncated exports (`ConvertTo-Json` without enough `-Depth`).
public enum ResourceGrantReaders {
    /// `GET /sites/{site}/permissions` (`value[]`, `@odata.context`), one permission object, `Get-MgSitePermission |
    /// ConvertTo-Json -Depth 5` (PascalCase), or `{"resource": "/sites/<id>", "permissions": […]}`.
    public static func sitePermissions(_ value: JSONValue, path: String) throws(PermcheckError) -> ResourceGrants {
        let reader = EvidenceJSON(path: path)
        try refuseTruncated(value, reader: reader, at: "$")
        var resource: String?
        var list = value
        if case .object(let object) = value {
            if let context = try reader.string(object, ["@odata.context"], at: "$") { resource = resourcePath(fromContext: context) }
            if let wrapped = try reader.string(object, ["resource", "site"], at: "$") {
                resource = wrapped.hasPrefix("/") ? wrapped.lowercased() : "/sites/" + wrapped.lowercased()
            }
            if let inner = object["value"] ?? object["permissions"] ?? object["Value"] { list = inner }
        }
        var grants: [ResourceGrant] = []
        for (location, object) in try reader.objects(list, at: "$") {
            try expect(object, kind: .sitePermissions, reader: reader, at: location)
            var grant = ResourceGrant()
            grant.id = try reader.string(object, ["id", "Id"], at: location)
            if object["roles"] != nil || object["Roles"] != nil {
                grant.roles = try reader.strings(object, ["roles", "Roles"], at: location)
            }
            for key in ["grantedToIdentitiesV2", "GrantedToIdentitiesV2", "grantedToIdentities", "GrantedToIdentities",
                        "grantedToV2", "GrantedToV2", "grantedTo", "GrantedTo"] {
                guard let sets = object[key] else { continue }
                let items: [JSONValue]
                switch sets {
                case .array(let array): items = array
                case .null: items = []
                default: items = [sets]
                }
                for (index, set) in items.enumerated() {
                    guard case .object(let identitySet) = set else { continue }
                    let at = "\(location).\(key)[\(index)]"
                    if case .object(let app)? = identitySet["application"] ?? identitySet["Application"],
                       let id = try reader.string(app, ["id", "Id"], at: at + ".application") {
                        if !grant.applicationIDs.contains(where: { $0.equalsIgnoringCase(id) }) { grant.applicationIDs.append(id) }
                        if let name = try reader.string(app, ["displayName", "DisplayName"], at: at + ".application"),
                           !grant.applicationNames.contains(name) { grant.applicationNames.append(name) }
                    }
                    if case .object(let user)? = identitySet["user"] ?? identitySet["User"] {
                        for id in [try reader.string(user, ["id", "Id"], at: at + ".user"), try reader.string(user, ["email", "Email", "userPrincipalName"], at: at + ".user")].compactMap({ $0 })
                        where !grant.users.contains(id) { grant.users.append(id) }
                    }
                }
            }
            grants.append(grant)
        }
        return ResourceGrants(resource: resource, grants: grants)
    }

    /// `Get-ApplicationAccessPolicy | ConvertTo-Json` (one or many) and/or `Test-ApplicationAccessPolicy | ConvertTo-Json`
    /// (`AccessCheckResult`), told apart by shape; both may be mixed in one array.
    public static func appAccessPolicies(_ value: JSONValue, path: String) throws(PermcheckError) -> AppAccessEvidence {
        let reader = EvidenceJSON(path: path)
        try refuseTruncated(value, reader: reader, at: "$")
        var evidence = AppAccessEvidence()
        for (location, object) in try reader.objects(value, at: "$") {
            try expect(object, kind: .appAccessPolicies, reader: reader, at: location)
            if object["AccessCheckResult"] != nil || object["accessCheckResult"] != nil {
                guard let app = try reader.string(object, ["AppId", "AppID", "appId"], at: location) else { throw reader.fail(location, "a Test-ApplicationAccessPolicy result needs 'AppId'") }
                let result = try reader.string(object, ["AccessCheckResult", "accessCheckResult"], at: location) ?? ""
                guard ["granted", "denied"].contains(result.lowercased()) else {
                    throw reader.fail("\(location).AccessCheckResult", "expected 'Granted' or 'Denied', found '\(result.prefix(40))'")
                }
                evidence.tests.append(AppAccessTest(appID: app, mailbox: try reader.string(object, ["Mailbox", "mailbox"], at: location),
                                                    mailboxID: try reader.string(object, ["MailboxId", "mailboxId"], at: location),
                                                    granted: result.equalsIgnoringCase("granted")))
                continue
            }
            guard let apps = try reader.strings(object, ["AppId", "AppID", "appId"], at: location), !apps.isEmpty else {
                throw reader.fail(location, "an application access policy needs 'AppId'")
            }
            guard let right = try reader.string(object, ["AccessRight", "accessRight"], at: location),
                  ["restrictaccess", "denyaccess"].contains(right.lowercased()) else {
                throw reader.fail("\(location).AccessRight", "expected 'RestrictAccess' or 'DenyAccess'")
            }
            var group = try reader.string(object, ["PolicyScopeGroupId", "policyScopeGroupId"], at: location)
            if let raw = try reader.string(object, ["ScopeIdentityRaw"], at: location), let semicolon = raw.lastIndex(of: ";") {
                group = String(raw[raw.index(after: semicolon)...])
            }
            evidence.policies.append(AppAccessPolicy(
                identity: try reader.string(object, ["Identity", "identity"], at: location), appIDs: apps, accessRight: right,
                scopeName: try reader.string(object, ["ScopeName", "scopeName"], at: location), scopeGroup: group))
        }
        return evidence
    }

    /// `Get-ManagementRoleAssignment -RoleAssigneeType ServicePrincipal | ConvertTo-Json` and/or
    /// `Test-ServicePrincipalAuthorization | ConvertTo-Json` (`InScope`), told apart by shape.
    public static func exchangeRoleAssignments(_ value: JSONValue, path: String) throws(PermcheckError) -> ExchangeRoleEvidence {
        let reader = EvidenceJSON(path: path)
        try refuseTruncated(value, reader: reader, at: "$")
        var evidence = ExchangeRoleEvidence()
        for (location, object) in try reader.objects(value, at: "$") {
            try expect(object, kind: .exchangeRoleAssignments, reader: reader, at: location)
            if object["InScope"] != nil {
                guard let role = try reader.string(object, ["RoleName"], at: location) else { throw reader.fail(location, "a Test-ServicePrincipalAuthorization row needs 'RoleName'") }
                guard case .bool(let inScope)? = object["InScope"] else { throw reader.fail("\(location).InScope", "expected true or false") }
                let granted = (try reader.strings(object, ["GrantedPermissions"], at: location) ?? [])
                    .flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
                evidence.tests.append(ServicePrincipalAuthorization(roleName: role, permissions: granted,
                                                                    scope: try reader.string(object, ["AllowedResourceScope"], at: location), inScope: inScope))
                continue
            }
            guard let role = try reader.string(object, ["Role", "role"], at: location) else { throw reader.fail(location, "a role assignment needs 'Role'") }
            var enabled = true
            if case .bool(let flag)? = object["Enabled"] { enabled = flag }
            let assignees = [try reader.string(object, ["RoleAssignee"], at: location), try reader.string(object, ["App"], at: location)].compactMap { $0 }
            evidence.assignments.append(ExchangeRoleAssignment(
                name: try reader.string(object, ["Name", "Identity"], at: location), role: role, assignees: assignees,
                assigneeType: try textOrNumber(object["RoleAssigneeType"]), enabled: enabled,
                scopeType: try textOrNumber(object["RecipientWriteScope"]),
                scope: try reader.string(object, ["CustomResourceScope", "CustomRecipientWriteScope", "RecipientAdministrativeUnitScope"], at: location)))
        }
        return evidence
    }

    /// `Get-MgGroupMember | ConvertTo-Json -Depth 5`, `Get-DistributionGroupMember | ConvertTo-Json`, Graph
    /// `/groups/{id}/members` (`value[]`), or `{"group": …, "members": […]}`.
    public static func groupMembers(_ value: JSONValue, path: String) throws(PermcheckError) -> GroupMembers {
        let reader = EvidenceJSON(path: path)
        try refuseTruncated(value, reader: reader, at: "$")
        var group: String?
        var list = value
        if case .object(let object) = value, let inner = object["members"] ?? object["Members"] ?? object["value"] {
            group = try reader.string(object, ["group", "Group"], at: "$")
            list = inner
        }
        var members: [DirectoryEntry] = []
        for (location, object) in try reader.objects(list, at: "$") {
            try expect(object, kind: .groupMembers, reader: reader, at: location)
            var flat = object
            if case .object(let extra)? = object["AdditionalProperties"] { for (key, value) in extra where flat[key] == nil { flat[key] = value } }
            flat.removeValue(forKey: "AdditionalProperties")
            if flat["id"] == nil, let id = object["Id"] { flat["id"] = id }
            members.append(try reader.entry(.object(flat), at: location))
        }
        return GroupMembers(group: group, members: members)
    }

    /// `Get-MailboxPermission | ConvertTo-Json` and `Get-MailboxFolderPermission | ConvertTo-Json -Depth 5`.
    public static func mailboxPermissions(_ value: JSONValue, path: String) throws(PermcheckError) -> [MailboxPermission] {
        let reader = EvidenceJSON(path: path)
        try refuseTruncated(value, reader: reader, at: "$")
        var result: [MailboxPermission] = []
        for (location, object) in try reader.objects(value, at: "$") {
            try expect(object, kind: .mailboxPermissions, reader: reader, at: location)
            guard let rights = try reader.strings(object, ["AccessRights", "accessRights"], at: location) else {
                throw reader.fail(location, "a mailbox permission needs 'AccessRights'")
            }
            var user: DirectoryEntry
            switch object["User"] ?? object["user"] {
            case .string(let text)?: user = DirectoryEntry(name: text)
            case .object(let userObject)?:
                var flat = userObject
                if case .object(let principal)? = userObject["RecipientPrincipal"] { for (key, value) in principal where flat[key] == nil || key == "DisplayName" { flat[key] = value } }
                flat.removeValue(forKey: "RecipientPrincipal")
                flat.removeValue(forKey: "UserType")
                user = try reader.entry(.object(flat), at: "\(location).User")
            default: throw reader.fail(location, "a mailbox permission needs 'User'")
            }
            let identity = try reader.string(object, ["Identity", "identity"], at: location)
            let mailbox = identity.map { text -> String in
                guard let range = text.range(of: ":\\") else { return text }
                return String(text[..<range.lowerBound])
            }
            var deny = false
            if case .bool(let flag)? = object["Deny"] { deny = flag }
            result.append(MailboxPermission(mailbox: mailbox, folder: try reader.string(object, ["FolderName", "folderName"], at: location),
                                            user: user, rights: rights.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } },
                                            deny: deny))
        }
        return result
    }
}
