extension GraphRoleRequirement {
    /// One line for listings: what the signed-in user needs, e.g. `roles (inferred): User Administrator, … or a custom role with microsoft.directory/users/create`.
    public var summary: String {
        var text = access.rawValue + " (" + confidence.rawValue + ")"
        switch access {
        case .selfAccess: return text + ": no directory role needed (the caller's own object or resources)"
        case .anyMember: return text + ": no directory role needed (any member user)"
        case .otherRoles: return text + ": " + otherRoles.joined(separator: ", ") + " (not Entra roles)"
        case .roles, .targetResource, .unmapped: break
        }
        var parts: [String] = []
        if !roles.isEmpty { parts.append(roles.map(\.name).joined(separator: ", ")) }
        if !actions.isEmpty { parts.append("a custom role with " + actions.joined(separator: " or ")) }
        if !otherRoles.isEmpty { parts.append(otherRoles.joined(separator: "; ")) }
        if access == .unmapped { parts.append("(no documented mapping: other roles may also work)") }
        text += ": " + (parts.isEmpty ? "access to the target resource" : parts.joined(separator: " or "))
        return text
    }

    /// The requirement as JSON (`permissions --for`, `can --list`).
    public var json: JSONValue {
        .object([
            "access": .string(access.rawValue), "confidence": .string(confidence.rawValue),
            "roles": .array(roles.map { .object(["id": .string($0.id), "name": .string($0.name)]) }),
            "actions": .array(actions.map(JSONValue.string)), "otherRoles": .array(otherRoles.map(JSONValue.string)),
            "source": .string(source), "basis": .string(basis),
        ])
    }

    /// For `can --list`: why a delegated token may still be refused, given its `wids` (`nil` claim: not shown);
    /// `nil` when no role is needed or `wids` shows a qualifying one.
    public func missing(wids: [String]?) -> String? {
        let everything = RequirementChecker.directoryRoleData.everything
        if needsNoRole { return nil }
        if access == .otherRoles { return "needs " + otherRoles.joined(separator: ", ") }
        if let wids, wids.contains(where: { id in roles.contains { $0.id.equalsIgnoringCase(id) } || everything.contains { $0.equalsIgnoringCase(id) } }) {
            return nil
        }
        let shown = wids == nil ? " (no 'wids' in the token)" : ""
        guard let first = roles.first?.name else { return "depends on access to the target" + shown }
        switch access {
        case .roles: return "needs directory role \(first)\(roles.count > 1 ? " or another listed role" : "")" + shown
        case .targetResource: return "needs directory role \(first) or access to the target" + shown
        default: return "probably needs a directory role (e.g. \(first))" + shown
        }
    }
}
