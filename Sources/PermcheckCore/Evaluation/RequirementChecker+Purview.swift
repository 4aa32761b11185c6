import Foundation

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
        var wantedText: String { roles.joined(separator: " or ") }
        guard let access = input.evidence.purview else {
            return result(outcome: .unknown, message: "Collection role assignments were not given; the call needs \(wantedText).",
                         collect: EvidenceKind.purviewPolicies.exportInstruction(caseName: nil))
        }
        let fromURL = PurviewCollectionTarget.fromURL(input.request.url)
        guard let target = input.evidence.collectionName ?? fromURL else {
            return result(outcome: .unknown, message: "The target collection was not given; the call needs \(wantedText) on it.",
                         collect: "Pass --collection <name> (the collection's generated name or friendly name).")
        }
        var urlHint: String?
        if let fromURL, access.collections[fromURL.lowercased()] == nil, let key = access.friendlyKeys(fromURL).first {
            urlHint = "The request URL names collection '\(fromURL)' by its friendly name; the API takes the generated name ('\(access.collections[key]!.name)'), so the call itself may fail."
        }
        let friendly = access.friendlyKeys(target)
        if access.collections[target.lowercased()] == nil, friendly.count > 1 {
            let names = friendly.map { access.collections[$0]!.name }
            return result(outcome: .unknown,
                         message: "Collection name '\(target)' is ambiguous: it is the friendly name of \(names.map { "'\($0)'" }.joined(separator: ", ")).",
                         collect: "Pass --collection with the generated name (one of \(names.joined(separator: ", "))).")
        }
        let targetKey = access.collections[target.lowercased()] != nil ? target.lowercased() : friendly.first ?? target.lowercased()
        let chain = access.inheritanceChain(from: targetKey)
        // Assignments of a wanted role on the target or an ancestor. `reaches` is true, false (a restricting collection in
        // between; collection admins always inherit) or nil (a collection in between was not exported).
        var candidates: [(assignment: PurviewRoleAssignment, depth: Int, reaches: Bool?)] = []
        for (depth, link) in chain.enumerated() {
            for assignment in access.assignments where assignment.collection.lowercased() == link.collection
                && wanted.contains(Self.roleKey(assignment.role)) {
                let isAdmin = Self.roleKey(assignment.role) == "collection-administrator"
                let reaches: Bool? = depth == 0 || isAdmin ? true : link.blockedForRolesOtherThanAdmin ? false : link.unknownBelow ? nil : true
                candidates.append((assignment, depth, reaches))
            }
        }
        if let hit = candidates.first(where: { $0.reaches == true && principal.holds($0.assignment) }) {
            let via = hit.depth == 0 ? "on collection \(access.display(targetKey))"
                : "on parent collection \(access.display(hit.assignment.collection.lowercased())), inherited by \(access.display(targetKey))"
            return result(outcome: .met, message: "\(who) holds \(Self.roleKey(hit.assignment.role)) \(via).", hint: urlHint)
        }
        // A collection whose policy is missing matters unless restricted inheritance below it already stops every wanted role.
        let wantsAdmin = wanted.contains("collection-administrator")
        let stopsAbove = { (link: PurviewAccess.ChainLink) in !wantsAdmin && (link.blockedForRolesOtherThanAdmin || access.collections[link.collection]?.restrictsInheritance == true) }
        if let missing = chain.first(where: { !$0.policyKnown && !(!wantsAdmin && $0.blockedForRolesOtherThanAdmin) })
            ?? chain.last.flatMap({ $0.parentKnown || stopsAbove($0) ? nil : $0 }) {
            let name = access.collections[missing.collection]?.name ?? (missing.collection == targetKey ? target : missing.collection)
            let what = missing.policyKnown ? "its parent is unknown (neither its policy's parentCollectionName nor a collections list says)"
                : "its metadata policy is not in the export"
            let role = missing.collection == targetKey ? "on it" : "inherited through it by \(access.display(targetKey))"
            return result(outcome: .unknown,
                         message: "Whether \(who) holds \(wantedText) on \(access.display(targetKey)) is unknown: for collection \(access.display(missing.collection)) \(what), so roles \(role) are unknown.",
                         hint: urlHint,
                         collect: "Run: az rest --method get --resource https://purview.azure.net --url \"https://<account>.purview.azure.com/policystore/collections/\(name)/metadataPolicy?api-version=2021-07-01\" and add it to --purview-policies, or export every policy: \(EvidenceKind.purviewPolicies.exportInstruction(caseName: nil))")
        }
        if let blocked = candidates.first(where: { $0.reaches == false && principal.holds($0.assignment) }) {
            return result(outcome: .unmet,
                         message: "\(who) holds \(Self.roleKey(blocked.assignment.role)) on \(access.display(blocked.assignment.collection.lowercased())), but inheritance is restricted between it and \(access.display(targetKey)), so the role does not reach the target.")
        }
        if principal.kind == .application, let appID = principal.appID, principal.objectID?.caseInsensitiveCompare(appID) != .orderedSame,
           access.assignments.contains(where: { assignment in wanted.contains(Self.roleKey(assignment.role))
               && assignment.principalIDs.contains { $0.equalsIgnoringCase(appID) } }) {
            return result(outcome: .unmet,
                         message: "\(who) holds no \(wantedText) on collection '\(target)': an assignment lists the application (client) id \(appID), but Purview role assignments match the service principal's object id ('oid').",
                         hint: "Assign the role to the service principal's object id (Enterprise applications → the app → Object ID), not to the app registration's client id.")
        }
        let groupsHidden = principal.groupIDs.isEmpty || principal.hasGroupsOverage
        let groupsNote = groupsHidden && candidates.contains { $0.reaches == true && !$0.assignment.groupIDs.isEmpty }
            ? " Some assignments go to groups and the token has \(principal.hasGroupsOverage ? "a groups overage marker" : "no 'groups' claim"); membership through them was not checked." : ""
        return result(outcome: groupsNote.isEmpty ? .unmet : .unknown,
                     message: "\(who) holds no \(wantedText) on collection \(access.display(targetKey)) or on a parent it inherits from.\(groupsNote)",
                     hint: urlHint,
                     collect: groupsNote.isEmpty ? nil : "Use a token with a 'groups' claim, or list the principal's groups (Get-MgUserMemberOf).")
    }
}

/// Where a Purview request URL names its collection: `collectionName`/`collection` query parameters, or the path
/// segment after `collections` (`/account/collections/{name}`, `/policystore/collections/{name}/metadataPolicy`).
enum PurviewCollectionTarget {
    static func fromURL(_ url: String?) -> String? {
        guard let url, let components = URLComponents(string: url) else { return nil }
        for item in components.queryItems ?? [] where ["collectionname", "collection"].contains(item.name.lowercased()) {
            if let value = item.value, !value.isEmpty { return value }
        }
        let segments = components.path.split(separator: "/").map(String.init)
        if let index = segments.lastIndex(where: { $0.lowercased() == "collections" }), index + 1 < segments.count {
            return segments[index + 1].removingPercentEncoding ?? segments[index + 1]
        }
        return nil
    }
}

extension PurviewAccess {
    /// One step up the collection tree; `blockedForRolesOtherThanAdmin` when a child below it restricts inheritance,
    /// `unknownBelow` when a collection below it was not exported (whether it restricts inheritance is unknown).
    struct ChainLink {
        let collection: String
        let blockedForRolesOtherThanAdmin: Bool
        let unknownBelow: Bool
        let policyKnown: Bool
        let parentKnown: Bool
    }

    /// "'Finance' (fin123)" when the friendly name is known, else "'fin123'".
    func display(_ key: String) -> String {
        let collection = collections[key]
        let name = collection?.name ?? key
        guard let friendly = collection?.friendlyName, friendly.caseInsensitiveCompare(name) != .orderedSame else { return "'\(name)'" }
        return "'\(friendly)' (\(name))"
    }

    /// The keys of collections whose friendly name is `text`, sorted (several → ambiguous).
    func friendlyKeys(_ text: String) -> [String] {
        let lower = text.lowercased()
        return collections.filter { $0.value.friendlyName?.lowercased() == lower }.map(\.key).sorted()
    }

    /// The key of a collection given by name or (unambiguous) friendly name.
    func collectionKey(for text: String) -> String? {
        let lower = text.lowercased()
        if collections[lower] != nil { return lower }
        let keys = friendlyKeys(text)
        return keys.count == 1 ? keys[0] : nil
    }

    /// The target collection and its ancestors, marking those whose non-admin roles no longer (or not knowably) reach it.
    func inheritanceChain(from target: String) -> [ChainLink] {
        func link(_ key: String, blocked: Bool, unknown: Bool) -> ChainLink {
            ChainLink(collection: key, blockedForRolesOtherThanAdmin: blocked, unknownBelow: unknown,
                      policyKnown: collections[key]?.policyExported ?? false, parentKnown: collections[key]?.parentKnown ?? false)
        }
        var chain = [link(target, blocked: false, unknown: false)]
        var blocked = collections[target]?.restrictsInheritance ?? false
        var unknown = !(collections[target]?.policyExported ?? false)
        var current = collections[target]
        var seen: Set<String> = [target]
        while let parent = current?.parentName?.lowercased(), !seen.contains(parent) {
            seen.insert(parent)
            chain.append(link(parent, blocked: blocked, unknown: unknown))
            current = collections[parent]
            if current?.restrictsInheritance == true { blocked = true }
            if current?.policyExported != true { unknown = true }
        }
        return chain
    }
}
