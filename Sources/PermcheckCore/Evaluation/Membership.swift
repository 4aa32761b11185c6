/// How a principal belongs to a role group.
public enum Membership: Equatable, Sendable {
    /// Listed directly, matched by a field.
    case direct(PrincipalMatch)
    /// Through a security group the token's `groups` claim lists.
    case viaGroup(String)
    /// A group member could hold the principal, but the token carries no usable `groups` claim.
    case undecidable([String])
    /// Not a member.
    case none
}

extension Principal {
    /// Membership of a role group: direct, via a security group in the token's `groups`, or undecidable.
    public func membership(in group: RoleGroup, evidence: Evidence) -> Membership {
        var undecided: [String] = []
        for member in group.members {
            if let match = match(member) { return .direct(match) }
        }
        for member in group.members where member.isSecurityGroup || member.objectID != nil && member.recipientType == nil {
            if isInGroup(member) { return .viaGroup(member.label) }
            if member.isSecurityGroup { undecided.append(member.label) }
        }
        if !undecided.isEmpty && (groupIDs.isEmpty || hasGroupsOverage) { return .undecidable(undecided) }
        return .none
    }

    /// Whether an eDiscovery Administrator list names this principal.
    func isListed(in entries: [DirectoryEntry]) -> PrincipalMatch? {
        entries.lazy.compactMap { self.match($0) }.first
    }

    /// Whether a Purview collection role assignment names this principal (by `oid`) or one of its groups (by the
    /// token's `groups`; a group's object id may also sit among the principal ids of the plain evidence form).
    public func holds(_ assignment: PurviewRoleAssignment) -> Bool {
        if let objectID, assignment.principalIDs.contains(where: { $0.equalsIgnoringCase(objectID) }) { return true }
        return (assignment.groupIDs + assignment.principalIDs).contains { id in groupIDs.contains { $0.equalsIgnoringCase(id) } }
    }
}
