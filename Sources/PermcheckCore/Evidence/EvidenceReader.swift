import Foundation

/// Reads evidence in the shapes people already export. Pure: callers pass the file's bytes and its path (for messages).
public enum EvidenceReader {
    /// Parses an evidence file's bytes as JSON, accepting a UTF-8 byte order mark (PowerShell 5.1 writes one) and
    /// UTF-16 with a byte order mark (Windows PowerShell 5.1's `>` and `Out-File`).
    public static func json(_ bytes: [UInt8], path: String) throws(PermcheckError) -> JSONValue {
        guard bytes.count <= InputLimits.fileBytes else {
            throw .inputTooLarge(source: "evidence file '\(path)'", limit: "\(InputLimits.fileBytes >> 20) MiB")
        }
        var input: [UInt8]
        do {
            input = try UTF16Text.utf8(fromMarked: bytes) ?? bytes
        } catch {
            throw .evidenceInvalid(path: path, location: "", detail: error.description)
        }
        if input.starts(with: [0xEF, 0xBB, 0xBF]) { input.removeFirst(3) }
        if input.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw .evidenceInvalid(path: path, location: "", detail: "the file is empty")
        }
        if EvidenceShape.looksLikeTokenText(input[...]) {
            throw .evidenceInvalid(path: path, location: "", detail: "this looks like an access token, not an export; pass it as the token argument (its text is not shown)")
        }
        do {
            return try JSONParser.parse(input, limits: JSONLimits(maxDepth: InputLimits.fileJSONDepth, maxBytes: InputLimits.fileBytes))
        } catch {
            throw .evidenceInvalid(path: path, location: "", detail: "not valid JSON (\(error.description)); export with '| ConvertTo-Json -Depth 5'")
        }
    }

    /// Reads `Get-ComplianceCaseMember -Case NAME | ConvertTo-Json`: one object, an array of members, an array of names,
    /// `{"case": NAME, "members": [...]}`, or Graph's `GET …/ediscoveryCases/{id}/caseMembers` (`{"value": [...]}`).
    public static func caseMembers(_ value: JSONValue, path: String) throws(PermcheckError) -> CaseMembers {
        let shape = try EvidenceShape.admit(value, path: path, as: .caseMembers)
        let reader = EvidenceJSON(path: path)
        if shape == .graphCaseMembers {
            return CaseMembers(members: try reader.graphCaseMembers(value["value"] ?? value, at: value["value"] == nil ? "$" : "$.value"))
        }
        if case .object(let object) = value, let members = object["members"] ?? object["Members"], object["Roles"] == nil {
            let caseName = try reader.string(object, ["case", "Case"], at: "$")
            return CaseMembers(caseName: caseName, members: try reader.entries(members, at: "$.members"))
        }
        return CaseMembers(members: try reader.entries(value, at: "$"))
    }

    /// Reads `Get-eDiscoveryCaseAdmin | ConvertTo-Json`: one object, an array, or an array of names.
    public static func caseAdmins(_ value: JSONValue, path: String) throws(PermcheckError) -> [DirectoryEntry] {
        _ = try EvidenceShape.admit(value, path: path, as: .caseAdmins)
        let entries = try EvidenceJSON(path: path).entries(value, at: "$")
        if let (index, group) = entries.enumerated().first(where: { $0.element.isRoleGroup || $0.element.isSecurityGroup }) {
            throw .evidenceInvalid(path: path, location: "$[\(index)]", detail: "'\(group.label)' is a group; eDiscovery Administrators are individual users, so this is not Get-eDiscoveryCaseAdmin output (a case-member list? pass it as --case-members)")
        }
        return entries
    }

    /// Reads role groups from `Get-RoleGroup | ConvertTo-Json` (Name, DisplayName, Roles, Members), or the plain form
    /// `{"<group>": {"roles": [...], "members": [...]}}` where members are names or `Get-RoleGroupMember` objects.
    /// A group without a `Roles` or `Members` key (a `Select-Object` export) keeps that property unknown.
    public static func roleGroups(_ value: JSONValue, path: String) throws(PermcheckError) -> [RoleGroup] {
        _ = try EvidenceShape.admit(value, path: path, as: .roleGroups)
        let reader = EvidenceJSON(path: path)
        if case .object(let object) = value, object["Name"] == nil, object["name"] == nil {
            var groups: [RoleGroup] = []
            for key in object.keys.sorted() {
                guard case .object(let body) = object[key]! else {
                    throw reader.fail("$.\(key)", "expected an object with 'roles' and 'members', found \(object[key]!.typeName)")
                }
                guard body["roles"] != nil || body["Roles"] != nil else { throw reader.fail("$.\(key)", "missing 'roles'") }
                groups.append(try reader.roleGroup(body, name: key, at: "$.\(key)"))
            }
            return groups
        }
        var groups: [RoleGroup] = []
        for (location, object) in try reader.objects(value, at: "$") {
            guard let name = try reader.string(object, ["Name", "name"], at: location) else {
                throw reader.fail(location, "a role group needs 'Name'")
            }
            groups.append(try reader.roleGroup(object, name: name, at: location))
        }
        return groups
    }
}

extension EvidenceJSON {
    /// One role group; `Roles`/`Members` absent or null leave that property unknown.
    func roleGroup(_ object: [String: JSONValue], name: String, at location: String) throws(PermcheckError) -> RoleGroup {
        let rolesValue = object["Roles"] ?? object["roles"]
        let membersValue = object["Members"] ?? object["members"]
        let roles = rolesValue?.isNull == false ? try strings(object, ["Roles", "roles"], at: location) ?? [] : []
        let members = try membersValue.flatMap { value throws(PermcheckError) in
            value.isNull ? nil : try entries(value, at: "\(location).Members")
        } ?? []
        return RoleGroup(
            name: name,
            displayName: try string(object, ["DisplayName", "displayName"], at: location),
            roles: roles,
            members: members,
            changedAt: try date(object, ["WhenChangedUTC", "WhenCreatedUTC", "whenChanged", "changedAt"], at: location),
            rolesExported: rolesValue?.isNull == false,
            membersExported: membersValue?.isNull == false)
    }

    /// Graph's `ediscoveryCaseMember` objects: `displayName` (role groups), `smtpAddress` (users), `recipientType`.
    /// Their `id` is the case member's id, not the Entra object id, so it is not used for matching.
    func graphCaseMembers(_ value: JSONValue, at location: String) throws(PermcheckError) -> [DirectoryEntry] {
        guard case .array = value else { return [] }
        return try objects(value, at: location).map { (at, object) throws(PermcheckError) in
            var entry = DirectoryEntry()
            entry.displayName = try string(object, ["displayName"], at: at)
            entry.primarySmtpAddress = try string(object, ["smtpAddress"], at: at)
            entry.recipientType = try string(object, ["recipientType"], at: at)
            if entry.primarySmtpAddress == nil, entry.displayName == nil {
                throw fail(at, "a case member needs 'smtpAddress' (users) or 'displayName' (role groups)")
            }
            if entry.isRoleGroup { entry.name = entry.displayName }
            return entry
        }
    }
}
