/// Evidence checks for Purview data-plane collection roles, with inheritance down the collection tree.
extension RequirementChecker {
    /// The collection role key without the built-in prefix, e.g. `data-curator`. Portal names are accepted too:
    /// "Data Curator" → `data-curator`, "Data Reader" → `purview-reader`, "Collection Admin" → `collection-administrator`.
    static func roleKey(_ text: String) -> String {
        var key = text.lowercased().trimmingCharacters(in: .whitespaces)
        let prefix = "purviewmetadatarole_builtin_"
        if key.hasPrefix(prefix) { key = String(key.dropFirst(prefix.count)) }
        if let colon = key.firstIndex(of: ":") { key = String(key[..<colon]) }
        key = key.replacingOccurrences(of: " ", with: "-").replacingOccurrences(of: "_", with: "-")
        switch key {
        case "data-reader": return "purview-reader"
        case "collection-admin", "collection-admins": return "collection-administrator"
        case "data-source-admin": return "data-source-administrator"
        default: return key
        }
    }

    func collectionRole(_ roles: [String]) -> CheckResult {
        let wanted = roles.map(Self.roleKey)
        let wantedText = roles.joined(separator: " or ")
        guard let access = input.evidence.purview else {
            return CheckResult(outcome: .unknown, message: "Collection role assignments were not given; the call needs \(wantedText).",
                               collect: EvidenceKind.purviewPolicies.exportInstruction(caseName: nil))
        }
        guard let target = input.evidence.collectionName else {
            return CheckResult(outcome: .unknown, message: "The target collection was not given; the call needs \(wantedText) on it.",
                               collect: "Pass --collection <name> (the collection's generated name or friendly name).")
        }
        let targetKey = access.collectionKey(for: target) ?? target.lowercased()
        let chain = access.inheritanceChain(from: targetKey)
        // Assignments of a wanted role on the target or an ancestor; `reaches` is false where a restricted
        // collection in between stops it (collection admins always inherit).
        var candidates: [(assignment: PurviewRoleAssignment, depth: Int, reaches: Bool)] = []
        for (depth, link) in chain.enumerated() {
            for assignment in access.assignments where assignment.collection.lowercased() == link.collection
                && wanted.contains(Self.roleKey(assignment.role)) {
                let isAdmin = Self.roleKey(assignment.role) == "collection-administrator"
                candidates.append((assignment, depth, depth == 0 || !link.blockedForRolesOtherThanAdmin || isAdmin))
            }
        }
        if let hit = candidates.first(where: { $0.reaches && principal.holds($0.assignment) }) {
            let via = hit.depth == 0 ? "on collection \(access.display(targetKey))"
                : "on parent collection \(access.display(hit.assignment.collection.lowercased())), inherited by \(access.display(targetKey))"
            return CheckResult(outcome: .met, message: "\(who) holds \(Self.roleKey(hit.assignment.role)) \(via).")
        }
        if let blocked = candidates.first(where: { !$0.reaches && principal.holds($0.assignment) }) {
            return CheckResult(outcome: .unmet,
                               message: "\(who) holds \(Self.roleKey(blocked.assignment.role)) on \(access.display(blocked.assignment.collection.lowercased())), but inheritance is restricted between it and \(access.display(targetKey)), so the role does not reach the target.")
        }
        if access.collections[targetKey] == nil && !access.collections.isEmpty {
            return CheckResult(outcome: .unknown, message: "Collection '\(target)' is not in the exported collection list.",
                               collect: EvidenceKind.collections.exportInstruction(caseName: nil))
        }
        if principal.kind == .application, let appID = principal.appID, principal.objectID?.caseInsensitiveCompare(appID) != .orderedSame,
           access.assignments.contains(where: { assignment in wanted.contains(Self.roleKey(assignment.role))
               && assignment.principalIDs.contains { $0.equalsIgnoringCase(appID) } }) {
            return CheckResult(outcome: .unmet,
                               message: "\(who) holds no \(wantedText) on collection '\(target)': an assignment lists the application (client) id \(appID), but Purview role assignments match the service principal's object id ('oid').",
                               hint: "Assign the role to the service principal's object id (Enterprise applications → the app → Object ID), not to the app registration's client id.")
        }
        let groupsNote = principal.groupIDs.isEmpty && candidates.contains { $0.reaches && !$0.assignment.groupIDs.isEmpty }
            ? " Some assignments go to groups and the token has no 'groups' claim; membership through them was not checked." : ""
        return CheckResult(outcome: groupsNote.isEmpty ? .unmet : .unknown,
                           message: "\(who) holds no \(wantedText) on collection \(access.display(targetKey)) or on a parent it inherits from.\(groupsNote)",
                           collect: groupsNote.isEmpty ? nil : "Use a token with a 'groups' claim, or list the principal's groups (Get-MgUserMemberOf).")
    }
}

extension PurviewAccess {
    /// One step up the collection tree; `blockedForRolesOtherThanAdmin` when a child below it restricts inheritance.
    struct ChainLink {
        let collection: String
        let blockedForRolesOtherThanAdmin: Bool
    }

    /// "'Finance' (fin123)" when the friendly name is known, else "'fin123'".
    func display(_ key: String) -> String {
        let collection = collections[key]
        let name = collection?.name ?? key
        guard let friendly = collection?.friendlyName, friendly.caseInsensitiveCompare(name) != .orderedSame else { return "'\(name)'" }
        return "'\(friendly)' (\(name))"
    }

    /// The key of a collection given by name or friendly name.
    func collectionKey(for text: String) -> String? {
        let lower = text.lowercased()
        if collections[lower] != nil { return lower }
        return collections.first { $0.value.friendlyName?.lowercased() == lower }?.key
    }

    /// The target collection and its ancestors, marking those whose non-admin roles no longer reach the target.
    func inheritanceChain(from target: String) -> [ChainLink] {
        var chain = [ChainLink(collection: target, blockedForRolesOtherThanAdmin: false)]
        var blocked = collections[target]?.restrictsInheritance ?? false
        var current = collections[target]
        var seen: Set<String> = [target]
        while let parent = current?.parentName?.lowercased(), !seen.contains(parent) {
            seen.insert(parent)
            chain.append(ChainLink(collection: parent, blockedForRolesOtherThanAdmin: blocked))
            current = collections[parent]
            if current?.restrictsInheritance == true { blocked = true }
        }
        return chain
    }
}
