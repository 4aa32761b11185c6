/// What one evidence file contributed, for the `evidence` section of the JSON contract and the text's "Evidence read:"
/// block: a ticket shows what the verdict rests on. Counts and shapes only, never names or addresses (pure).
public struct EvidenceRead: Sendable, Equatable {
    /// The file as given.
    public var file: String
    /// Entries read: members, role groups, administrators, collections or policies.
    public var entries: Int
    /// The shape recognised, e.g. "Get-RoleGroup output".
    public var shape: String
    /// What the reader could not establish from this file.
    public var warnings: [String]

    /// Summarises what `kind` read from `value` into `evidence`.
    static func summary(kind: EvidenceKind, value: JSONValue, path: String, evidence: Evidence) -> EvidenceRead {
        let shape = EvidenceShape.detect(value)
        var warnings: [String] = []
        let entries = kind.entryCount(evidence)
        func withoutIDs(_ list: [DirectoryEntry]) {
            let count = list.filter { $0.objectID == nil && $0.appID == nil && !$0.isRoleGroup }.count
            if count > 0 { warnings.append("\(count) entr\(count == 1 ? "y has" : "ies have") no object id: a token with only 'oid' cannot be matched against them") }
        }
        switch kind.key {
        case "caseMembers":
            let members = evidence.caseMembers?.members ?? []
            if evidence.caseMembers?.caseName == nil && evidence.caseName == nil {
                warnings.append("neither the file nor --case names the case: the list is taken to be for the case checked")
            }
            withoutIDs(members)
        case "roleGroups":
            let groups = evidence.roleGroups ?? []
            if groups.isEmpty { warnings.append("no role groups: the export is incomplete (built-in role groups always exist)") }
            let noRoles = groups.filter { !$0.rolesExported }.count, noMembers = groups.filter { !$0.membersExported }.count
            if noRoles > 0 { warnings.append("\(noRoles) role group(s) without 'Roles': their roles are unknown") }
            if noMembers > 0 { warnings.append("\(noMembers) role group(s) without 'Members': their members are unknown") }
        case "caseAdmins":
            let admins = evidence.caseAdmins ?? []
            if shape == .recipients || shape == .names { warnings.append("a user list cannot be told apart from Get-ComplianceCaseMember output; make sure it is Get-eDiscoveryCaseAdmin") }
            withoutIDs(admins)
        case "purviewPolicies":
            let collections = evidence.purview?.collections.values ?? [:].values
            let missing = Set(collections.compactMap { $0.parentName?.lowercased() }).filter { evidence.purview?.collections[$0]?.policyExported != true }
            if !missing.isEmpty { warnings.append("no policy for parent collection(s) \(missing.sorted().joined(separator: ", ")): roles inherited through them are unknown") }
        case "directoryRoles":
            let roles = evidence.directoryRoles?.assignments ?? []
            let undefined = roles.filter { $0.actions == nil && GraphRoleTable.embedded.roleName($0.roleID) == nil }.count
            if undefined > 0 { warnings.append("\(undefined) custom role(s) without their definition (-ExpandProperty RoleDefinition): their actions are unknown") }
        default:
            break
        }
        // A file the reader accepted is of its kind even when the shape detector has no name for it.
        let shown = shape == .unrecognised ? kind.summary : shape.rawValue
        return EvidenceRead(file: path, entries: entries, shape: shown, warnings: warnings)
    }

    /// The JSON form (`evidence.<kind>` in the contract).
    var json: JSONValue {
        .object(["file": .string(file), "entries": .number(JSONNumber(entries)), "shape": .string(shape), "warnings": .array(warnings.map(JSONValue.string))])
    }
}
