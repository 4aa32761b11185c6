/// How a principal belongs to a role group.
public enum Membership: Equatable, Sendable {
    /// Listed directly, matched by a field.
    case direct(PrincipalMatch)
    /// Through a security group the token's `groups` claim lists.
    case viaGroup(String)
    /// The evidence cannot decide: why, through what, and how to find out.
    case undecidable(Undecided)
    /// Not a member.
    case none
}

/// Why a membership could not be decided, and what to collect.
public struct Undecided: Equatable, Sendable {
    /// What could hold the principal, e.g. a group's name.
    public var via: [String]
    /// The reason, a clause: "the token has no 'groups' claim".
    public var why: String
    /// The command or step that decides it.
    public var collect: String
}

extension Principal {
    /// Membership of a role group: direct, via a security group in the token's `groups`, or undecidable.
    /// A group listed only by name cannot be compared with the token's `groups` (object ids); group overage or a
    /// missing `groups` claim hides membership; a names-only list against a token with only `oid` cannot be compared.
    public func membership(in group: RoleGroup, evidence: Evidence) -> Membership {
        guard group.membersExported else {
            return .undecidable(Undecided(via: [group.label], why: "the export of role group '\(group.label)' has no 'Members'",
                                          collect: "Run Get-RoleGroup | ConvertTo-Json -Depth 5 without Select-Object, or Get-RoleGroupMember -Identity \"\(group.name)\" | ConvertTo-Json -Depth 5"))
        }
        var cannotTell = false
        switch lookup(in: group.members, index: group.memberIndex) {
        case .listed(let match): return .direct(match)
        case .cannotTell: cannotTell = true
        case .notListed: break
        }
        var byName: [String] = [], hidden: [String] = []
        for position in group.memberIndex.groupPositions {
            let member = group.members[position]
            if member.objectID == nil { byName.append(member.label); continue }
            if isInGroup(member) { return .viaGroup(member.label) }
            if member.isSecurityGroup && (groupIDs.isEmpty || hasGroupsOverage) { hidden.append(member.label) }
        }
        let findID = "find the group's object id (Get-MgGroup -Filter \"displayName eq '<group>'\" | Select-Object Id, or Get-RoleGroupMember -Identity \"\(group.name)\" | ConvertTo-Json -Depth 5, which lists ExternalDirectoryObjectId)"
        if !byName.isEmpty {
            return .undecidable(Undecided(via: byName, why: "security group \(byName.map { "'\($0)'" }.joined(separator: ", ")) is listed by name only, and the token's groups are object ids",
                                          collect: "Export the role group's members with their ids: \(findID); the token's 'groups' claim must list the user's groups."))
        }
        if !hidden.isEmpty {
            let why = hasGroupsOverage ? "the token has a groups overage marker instead of its groups" : "the token has no 'groups' claim"
            return .undecidable(Undecided(via: hidden, why: why,
                                          collect: "List the user's groups (Get-MgUserMemberOf -UserId <oid> | Select-Object Id) or use a token with a 'groups' claim."))
        }
        if cannotTell {
            return .undecidable(Undecided(via: [group.label], why: "role group '\(group.label)' lists members by name only and the token carries only an object id ('oid')",
                                          collect: "Export the members with their ids: Get-RoleGroupMember -Identity \"\(group.name)\" | ConvertTo-Json -Depth 5 (ExternalDirectoryObjectId)."))
        }
        return .none
    }

    /// Whether a Purview collection role assignment names this principal (by `oid`) or one of its groups (by the
    /// token's `groups`; a group's object id may also sit among the principal ids of the plain evidence form).
    public func holds(_ assignment: PurviewRoleAssignment) -> Bool {
        if let objectID, assignment.principalIDs.contains(where: { $0.equalsIgnoringCase(objectID) }) { return true }
        return (assignment.groupIDs + assignment.principalIDs).contains { id in groupIDs.contains { $0.equalsIgnoringCase(id) } }
    }
}
