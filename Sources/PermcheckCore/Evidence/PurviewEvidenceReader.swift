import Foundation

/// Reads Purview collection-role evidence: the Metadata Policy API (`GET /policystore/metadataPolicies`, `{"values": [...]}`),
/// the collections list (`GET /account/collections`, `{"value": [...]}`), or the plain form `{collection: {role: [principal ids]}}`.
public enum PurviewEvidenceReader {
    /// Builds `PurviewAccess` from an optional policies file and an optional collections file (path, parsed JSON).
    public static func read(policies: (String, JSONValue)?, collections: (String, JSONValue)?) throws(PermcheckError) -> PurviewAccess {
        var access = PurviewAccess()
        if let (path, value) = collections {
            try readCollections(value, path: path, into: &access)
        }
        if let (path, value) = policies {
            try readPolicies(value, path: path, into: &access)
        }
        return access
    }

    static func readCollections(_ value: JSONValue, path: String, into access: inout PurviewAccess) throws(PermcheckError) {
        _ = try EvidenceShape.admit(value, path: path, as: .collections)
        let reader = EvidenceJSON(path: path)
        let list = value["value"] ?? value
        for (location, object) in try reader.objects(list, at: value["value"] == nil ? "$" : "$.value") {
            guard let name = try reader.string(object, ["name"], at: location) else { throw reader.fail(location, "a collection needs 'name'") }
            var parent: String?
            if case .object(let reference)? = object["parentCollection"] {
                parent = try reader.string(reference, ["referenceName"], at: "\(location).parentCollection")
            }
            let key = name.lowercased()
            var collection = access.collections[key] ?? PurviewCollection(name: name)
            if access.collections[key] == nil { collection.policyExported = false }
            collection.friendlyName = try reader.string(object, ["friendlyName"], at: location) ?? collection.friendlyName
            collection.parentName = parent ?? collection.parentName
            collection.listed = true
            access.collections[key] = collection
        }
    }

    static func readPolicies(_ value: JSONValue, path: String, into access: inout PurviewAccess) throws(PermcheckError) {
        _ = try EvidenceShape.admit(value, path: path, as: .purviewPolicies)
        let reader = EvidenceJSON(path: path)
        if case .object(let object) = value, object["values"] == nil, object["properties"] == nil, object["name"] == nil {
            try readPlain(object, reader: reader, into: &access)
            return
        }
        let list = value["values"] ?? value
        for (location, policy) in try reader.objects(list, at: value["values"] == nil ? "$" : "$.values") {
            guard case .object(let properties)? = policy["properties"] else {
                throw reader.fail(location, "a metadata policy needs 'properties' (export with GET /policystore/metadataPolicies)")
            }
            let at = "\(location).properties"
            guard case .object(let reference)? = properties["collection"],
                  let collectionName = try reader.string(reference, ["referenceName"], at: "\(at).collection") else {
                throw reader.fail(at, "a metadata policy needs 'collection.referenceName'")
            }
            let parent = try reader.string(properties, ["parentCollectionName"], at: at)
            var changedAt: Date?
            if case .object(let systemData)? = policy["systemData"] {
                changedAt = try reader.date(systemData, ["lastModifiedAt", "createdAt"], at: "\(location).systemData")
            }
            let key = collectionName.lowercased()
            var collection = access.collections[key] ?? PurviewCollection(name: collectionName)
            collection.parentName = parent ?? collection.parentName
            guard case .array(let rules)? = properties["attributeRules"] else {
                throw reader.fail(at, "a metadata policy needs 'attributeRules' as an array")
            }
            // Restricted inheritance = the collection's own `permission:<name>` rule has no `permission:<parent>` term.
            // The term names the parent in `fromRule` (tutorial, live exports) and/or `attributeValueIncludes` (the REST
            // reference's MetadataPolicy_ListAll sample has no `fromRule`); both are read. Without a `permission:<name>`
            // rule nothing says the collection is restricted.
            var sawPermissionRule = false
            var inheritsPermissions = parent == nil
            for (index, ruleValue) in rules.enumerated() {
                let ruleAt = "\(at).attributeRules[\(index)]"
                guard case .object(let rule) = ruleValue, let id = try reader.string(rule, ["id", "name"], at: ruleAt) else {
                    throw reader.fail(ruleAt, "an attribute rule needs an 'id'")
                }
                let clauses = try dnfClauses(rule, reader: reader, at: ruleAt)
                if id.lowercased().hasPrefix("permission:") {
                    guard id.lowercased() == "permission:\(key)" else { continue }
                    sawPermissionRule = true
                    for term in clauses.flatMap(permissionTerms) where term != "permission:\(key)" {
                        if let parent, term == "permission:\(parent.lowercased())" { inheritsPermissions = true }
                        if parent == nil { collection.parentName = String(term.dropFirst("permission:".count)); inheritsPermissions = true }
                    }
                    continue
                }
                guard id.lowercased().hasPrefix("purviewmetadatarole_builtin_") else { continue }
                let role = String(id.split(separator: ":").first ?? Substring(id))
                let (principals, groups) = principalsAndGroups(in: clauses)
                if !principals.isEmpty || !groups.isEmpty {
                    access.assignments.append(PurviewRoleAssignment(collection: collectionName, role: RequirementChecker.roleKey(role),
                                                                    principalIDs: principals, groupIDs: groups, changedAt: changedAt))
                }
            }
            collection.restrictsInheritance = sawPermissionRule && !inheritsPermissions
            collection.policyExported = true
            access.collections[key] = collection
        }
    }

    /// The `permission:<collection>` names a clause refers to (lower-cased), by `fromRule` or by its value.
    static func permissionTerms(_ clause: [String: JSONValue]) -> [String] {
        var values = [clause["fromRule"]?.stringValue, clause["attributeValueIncludes"]?.stringValue].compactMap { $0 }
        values += clause["attributeValueIncludedIn"]?.arrayValue?.compactMap(\.stringValue) ?? []
        return values.map { $0.lowercased() }.filter { $0.hasPrefix("permission:") }
    }

    /// The object ids and group ids an attribute rule's clauses name (`principal.microsoft.id`, `…groups[.id]`).
    static func principalsAndGroups(in clauses: [[String: JSONValue]]) -> (principals: [String], groups: [String]) {
        var principals: [String] = [], groups: [String] = []
        for clause in clauses {
            let values = clause["attributeValueIncludedIn"]?.arrayValue?.compactMap(\.stringValue) ?? []
            switch clause["attributeName"]?.stringValue {
            case "principal.microsoft.id": principals += values
            case "principal.microsoft.groups", "principal.microsoft.groups.id": groups += values
            default: continue
            }
        }
        return (principals, groups)
    }

    /// All clauses of a rule's `dnfCondition` (an OR-list of AND-lists).
    static func dnfClauses(_ rule: [String: JSONValue], reader: EvidenceJSON, at location: String) throws(PermcheckError) -> [[String: JSONValue]] {
        guard let dnf = rule["dnfCondition"] else { return [] }
        guard case .array(let branches) = dnf else { throw reader.fail("\(location).dnfCondition", "expected an array of arrays") }
        var clauses: [[String: JSONValue]] = []
        for branch in branches {
            guard case .array(let items) = branch else { throw reader.fail("\(location).dnfCondition", "expected an array of arrays") }
            for item in items { if case .object(let clause) = item { clauses.append(clause) } }
        }
        return clauses
    }

    /// `{collection: {role: [object ids]}}`; a collection may also carry `"parent"` and `"restrictInheritance"`.
    /// The ids are users, service principals or groups: each is matched against the token's `oid` and its `groups`.
    static func readPlain(_ object: [String: JSONValue], reader: EvidenceJSON, into access: inout PurviewAccess) throws(PermcheckError) {
        for name in object.keys.sorted() {
            guard case .object(let roles) = object[name]! else {
                throw reader.fail("$.\(name)", "expected an object of role → principal ids, found \(object[name]!.typeName)")
            }
            let key = name.lowercased()
            var collection = access.collections[key] ?? PurviewCollection(name: name)
            collection.policyExported = true
            for role in roles.keys.sorted() {
                switch role {
                case "parent":
                    collection.parentName = try reader.string(roles, ["parent"], at: "$.\(name)")
                case "restrictInheritance":
                    guard case .bool(let flag) = roles[role]! else { throw reader.fail("$.\(name).restrictInheritance", "expected true or false") }
                    collection.restrictsInheritance = flag
                default:
                    let ids = try reader.strings(roles, [role], at: "$.\(name)") ?? []
                    access.assignments.append(PurviewRoleAssignment(collection: name, role: RequirementChecker.roleKey(role), principalIDs: ids))
                }
            }
            access.collections[key] = collection
        }
    }
}
