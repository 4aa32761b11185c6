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
        do {
            return try JSONParser.parse(input, limits: JSONLimits(maxDepth: InputLimits.fileJSONDepth, maxBytes: InputLimits.fileBytes))
        } catch {
            throw .evidenceInvalid(path: path, location: "", detail: "not valid JSON (\(error.description)); export with '| ConvertTo-Json -Depth 5'")
        }
    }

    /// Reads `Get-ComplianceCaseMember -Case NAME | ConvertTo-Json`: one object, an array of members, an array of names,
    /// or `{"case": NAME, "members": [...]}`.
    public static func caseMembers(_ value: JSONValue, path: String) throws(PermcheckError) -> CaseMembers {
        let reader = EvidenceJSON(path: path)
        if case .object(let object) = value, let members = object["members"] ?? object["Members"], object["Roles"] == nil {
            let caseName = try reader.string(object, ["case", "Case"], at: "$")
            return CaseMembers(caseName: caseName, members: try reader.entries(members, at: "$.members"))
        }
        return CaseMembers(members: try reader.entries(value, at: "$"))
    }

    /// Reads `Get-eDiscoveryCaseAdmin | ConvertTo-Json`: one object, an array, or an array of names.
    public static func caseAdmins(_ value: JSONValue, path: String) throws(PermcheckError) -> [DirectoryEntry] {
        try EvidenceJSON(path: path).entries(value, at: "$")
    }

    /// Reads role groups from `Get-RoleGroup | ConvertTo-Json` (Name, DisplayName, Roles, Members), or the plain form
    /// `{"<group>": {"roles": [...], "members": [...]}}` where members are names or `Get-RoleGroupMember` objects.
    public static func roleGroups(_ value: JSONValue, path: String) throws(PermcheckError) -> [RoleGroup] {
        let reader = EvidenceJSON(path: path)
        if case .object(let object) = value, object["Name"] == nil, object["name"] == nil {
            var groups: [RoleGroup] = []
            for key in object.keys.sorted() {
                guard case .object(let body) = object[key]! else {
                    throw reader.fail("$.\(key)", "expected an object with 'roles' and 'members', found \(object[key]!.typeName)")
                }
                let location = "$.\(key)"
                guard let roles = try reader.strings(body, ["roles", "Roles"], at: location) else {
                    throw reader.fail(location, "missing 'roles'")
                }
                let members = try (body["members"] ?? body["Members"]).map { value throws(PermcheckError) in
                    try reader.entries(value, at: "\(location).members")
                } ?? []
                let changed = try reader.date(body, ["WhenChangedUTC", "WhenCreatedUTC", "whenChanged", "changedAt"], at: location)
                let display = try reader.string(body, ["displayName", "DisplayName"], at: location)
                groups.append(RoleGroup(name: key, displayName: display, roles: roles, members: members, changedAt: changed))
            }
            return groups
        }
        var groups: [RoleGroup] = []
        for (location, object) in try reader.objects(value, at: "$") {
            guard let name = try reader.string(object, ["Name", "name"], at: location) else {
                throw reader.fail(location, "a role group needs 'Name'")
            }
            if object["Roles"] == nil, object["roles"] == nil, object["RecipientType"] != nil {
                throw reader.fail(location, "this looks like Get-RoleGroupMember output, which does not name its group; use Get-RoleGroup, or wrap it as {\"<group>\": {\"roles\": [...], \"members\": <this>}}")
            }
            let roles = try reader.strings(object, ["Roles", "roles"], at: location) ?? []
            let members = try (object["Members"] ?? object["members"]).map { value throws(PermcheckError) in
                try reader.entries(value, at: "\(location).Members")
            } ?? []
            groups.append(RoleGroup(
                name: name,
                displayName: try reader.string(object, ["DisplayName", "displayName"], at: location),
                roles: roles,
                members: members,
                changedAt: try reader.date(object, ["WhenChangedUTC", "WhenCreatedUTC"], at: location)))
        }
        return groups
    }
}
