import Foundation

/// Unified Catalog (new Purview portal) role assignments, read from the Unified Catalog policies list
/// (`GET https://api.purview-service.microsoft.com/datagovernance/catalog/policies`). Each policy covers one scope: the
/// catalog (`dgpolicy_datagovernanceapp_*`) or one governance domain (`properties.entity` of type
/// `BusinessDomainReference`); each `purviewdatagovernancerole_builtin_<role>` attribute rule lists who holds the role
/// there (`principal.microsoft.id`, `principal.microsoft.groups`).
public struct GovernanceAccess: Sendable, Equatable {
    /// The scope key of catalog-level assignments.
    public static let catalogScope = "catalog"
    /// Assignments; `collection` holds the scope: `catalog` or the governance domain id (lower-cased).
    public var assignments: [PurviewRoleAssignment] = []
    /// The governance domain ids whose policy was exported (lower-cased).
    public var domains: Set<String> = []
    /// Whether the catalog-level policy was exported.
    public var catalogExported = false
    /// How many policies were read.
    public var policyCount = 0

    /// Creates the evidence.
    public init() {}
}

/// Reads the Unified Catalog policies list (`{"values": [...]}`, or a bare array, or one policy).
enum GovernanceEvidenceReader {
    static let rolePrefix = "purviewdatagovernancerole_builtin_"

    /// The role key without prefix or scope suffix: `purviewdatagovernancerole_builtin_data-steward:<id>` → `data-steward`.
    static func roleKey(_ text: String) -> String {
        var key = text.lowercased().trimmingCharacters(in: .whitespaces)
        if key.hasPrefix(rolePrefix) { key = String(key.dropFirst(rolePrefix.count)) }
        if let colon = key.firstIndex(of: ":") { key = String(key[..<colon]) }
        return key.replacingOccurrences(of: " ", with: "-").replacingOccurrences(of: "_", with: "-")
    }

    static func read(_ value: JSONValue, path: String) throws(PermcheckError) -> GovernanceAccess {
        _ = try EvidenceShape.admit(value, path: path, as: .governancePolicies)
        let reader = EvidenceJSON(path: path)
        var access = GovernanceAccess()
        let list = value["values"] ?? value["value"] ?? value
        let at = value["values"] != nil ? "$.values" : value["value"] != nil ? "$.value" : "$"
        let policies: [(String, [String: JSONValue])]
        if case .object(let single) = list { policies = [(at, single)] } else { policies = try reader.objects(list, at: at) }
        if policies.isEmpty {
            throw reader.fail(at, "the policy list is empty; every Unified Catalog account has a catalog-level policy, so the export is incomplete")
        }
        for (location, policy) in policies {
            guard case .object(let properties)? = policy["properties"] else {
                throw reader.fail(location, "a Unified Catalog policy needs 'properties' (export with GET /datagovernance/catalog/policies)")
            }
            let name = try reader.string(policy, ["name"], at: location)?.lowercased() ?? ""
            var scope: String?
            if case .object(let entity)? = properties["entity"],
               try reader.string(entity, ["type"], at: "\(location).properties.entity")?.lowercased() == "businessdomainreference" {
                guard let id = try reader.string(entity, ["referenceName"], at: "\(location).properties.entity") else {
                    throw reader.fail("\(location).properties.entity", "a governance-domain policy needs 'referenceName' (the domain id)")
                }
                scope = id.lowercased()
                access.domains.insert(id.lowercased())
            } else if name.hasPrefix("dgpolicy_datagovernanceapp_") {
                scope = GovernanceAccess.catalogScope
                access.catalogExported = true
            }
            guard case .array(let rules)? = properties["attributeRules"] else {
                throw reader.fail("\(location).properties", "a Unified Catalog policy needs 'attributeRules' as an array")
            }
            access.policyCount += 1
            guard let scope else { continue }  // data-quality and other scopes hold no catalog roles
            for (index, ruleValue) in rules.enumerated() {
                let ruleAt = "\(location).properties.attributeRules[\(index)]"
                guard case .object(let rule) = ruleValue, let id = try reader.string(rule, ["id", "name"], at: ruleAt) else {
                    throw reader.fail(ruleAt, "an attribute rule needs an 'id'")
                }
                guard id.lowercased().hasPrefix(rolePrefix) else { continue }
                let (principals, groups) = PurviewEvidenceReader.principalsAndGroups(
                    in: try PurviewEvidenceReader.dnfClauses(rule, reader: reader, at: ruleAt))
                if !principals.isEmpty || !groups.isEmpty {
                    access.assignments.append(PurviewRoleAssignment(collection: scope, role: roleKey(id), principalIDs: principals, groupIDs: groups))
                }
            }
        }
        return access
    }
}
