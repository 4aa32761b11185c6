/// Builds an ``APIRule`` for a Microsoft Graph operation found in the catalogue, so that any Graph request
/// can be evaluated like a hand-written rule. The fixed texts (audience, sources, fix wording) come from the
/// embedded data file `rules/data/graph-catalogue-rule.json`; only the permission lists come from the catalogue.
///
/// Requirement order (authentication before authorization): token lifetime, audience and cloud (401);
/// work-or-school account when the operation has no personal-account permission (401, documented);
/// the supported schemes (403); a delegated scope (users) or an app role (applications) from the
/// catalogue, least privileged first (403). A token with neither `scp` nor `roles` fails both permission
/// requirements, which predicts 403 ("Either scp or roles claim need to be present", reported as 403).
public enum GraphCatalogRule {
    /// The id a synthesized rule gets for an operation, e.g. `graph:GET /users/{id}/messages`.
    public static func id(for operation: GraphOperation) -> String {
        template.string("idPrefix", or: "graph:") + operation.method + " " + operation.displayTemplate
    }

    /// The rule for `operation`. `targetHasHost` adds the cloud requirement (the request names a Graph host);
    /// `target` (the actual request) adds per-resource grant requirements from `rules/data/resource-grants.json`;
    /// `adjustments` (how the request matched) decide whether a `/me` template's "no role" applies to the request.
    public static func make(_ operation: GraphOperation, catalogCommit: String? = nil, targetHasHost: Bool = true,
                            target: RequestTarget? = nil, adjustments: [GraphCatalogMatch.Adjustment] = [],
                            roles: GraphRoleTable = .embedded) -> APIRule {
        let t = template
        let name = operation.method + " " + operation.displayTemplate
        let sources = t.strings("catalogueSources")
        func text(_ section: String, _ key: String, _ fills: [String: String] = [:]) -> String {
            var value = t[section]?[key]?.stringValue ?? ""
            for (placeholder, fill) in fills { value = value.replacingPlaceholder(placeholder, with: fill) }
            return value
        }
        func sectionSources(_ section: String) -> [String] {
            t[section]?["sources"]?.arrayValue?.compactMap(\.stringValue) ?? []
        }
        func requirement(_ id: String, _ check: RequirementCheck, section: String, status: Int, fix: Fix,
                         description: String? = nil, appliesTo: [PrincipalKind] = [], extraSources: [String] = []) -> Requirement {
            Requirement(id: id, check: check, description: description ?? text(section, "description"), status: status, fix: fix,
                        sources: extraSources + sectionSources(section), confidence: .documented, appliesTo: appliesTo, hint: nil)
        }
        let grants = ResourceGrantRules.additions(for: operation, target: target)
        let baseDelegated = operation.supports(.delegatedWork) ? operation.delegatedWork : operation.delegatedPersonal
        let delegated = baseDelegated.isEmpty ? [] : grants.delegatedFirst + baseDelegated.filter { !grants.delegatedFirst.contains($0) }
        let application = operation.application.isEmpty ? [] : grants.applicationFirst + operation.application.filter { !grants.applicationFirst.contains($0) }
        var requirements: [Requirement] = [
            requirement("token-lifetime", .tokenLifetime, section: "lifetime", status: 401, fix: same(text("lifetime", "fix"))),
            requirement("graph-audience", .audience(anyOf: t["audience"]?["anyOf"]?.arrayValue?.compactMap(\.stringValue) ?? []),
                        section: "audience", status: 401, fix: same(text("audience", "fix"))),
        ]
        if targetHasHost {
            requirements.append(requirement("cloud", .cloud(available: Cloud.allCases), section: "cloud", status: 401,
                                            fix: same(text("cloud", "fix"))))
        }
        var kinds: [PrincipalKind] = []
        if !delegated.isEmpty { kinds.append(.user) }
        if !application.isEmpty { kinds.append(.application) }
        let personal = operation.supports(.delegatedPersonal)
        if !personal {
            requirements.append(requirement("work-or-school-account", .identity(allowed: [.user, .application], personalAccounts: false),
                                            section: "workOrSchool", status: 401, fix: same(text("workOrSchool", "fix"))))
        }
        if kinds.count == 1 {
            let schemes = kinds == [.user] ? "delegated (signed-in user)" : "application (app-only)"
            requirements.append(requirement(
                "supported-scheme", .identity(allowed: kinds, personalAccounts: true), section: "scheme", status: 403,
                fix: Fix(forUser: text("scheme", "fixUser", ["applicationPermissions": application.joined(separator: ", ")]),
                         forApplication: text("scheme", "fixApplication", ["operation": name])),
                description: text("scheme", "description", ["schemes": schemes])))
        }
        if !delegated.isEmpty {
            let fix = text("scope", "fix", ["permission": delegated[0]])
            requirements.append(requirement(
                "graph-scope", .scope(anyOf: delegated), section: "scope", status: 403, fix: same(fix),
                description: text("scope", "description", ["operation": name, "permissions": delegated.joined(separator: ", ")]),
                appliesTo: [.user], extraSources: sources))
        }
        // Another user's content that the resource-grant data already models (shared scope, mailbox delegation)
        // keeps that finer check instead of the table's generic "depends on the target".
        let targetModelled = grants.requirements.contains { [.sharedScope, .mailboxDelegation].contains($0.check.kind) }
        if operation.supports(.delegatedWork), let need = roles.requirement(for: operation),
           !(targetModelled && need.access == .targetResource && need.roles.isEmpty) {
            requirements.append(directoryRoleRequirement(need, operation: name, adjustments: adjustments))
        }
        if !application.isEmpty {
            let fix = text("appRole", "fix", ["permission": application[0]])
            requirements.append(requirement(
                "graph-app-role", grants.rbacRoles.map { .mailboxAppRole(anyOf: application, rbacRoles: $0) } ?? .appRole(anyOf: application), section: "appRole", status: 403, fix: same(fix),
                description: text("appRole", "description", ["operation": name, "permissions": application.joined(separator: ", ")]),
                appliesTo: [.application], extraSources: sources))
        }
        requirements += grants.requirements
        let note = RuleNote(
            id: text("note", "id"),
            text: text("note", "text", ["commit": catalogCommit.map { " " + $0.prefix(8) } ?? ""]),
            status: nil, sources: sources, confidence: .documented)
        return APIRule(
            id: id(for: operation), aliases: [], family: template.string("family", or: "graph"),
            title: "Microsoft Graph: \(name)",
            summary: "Synthesized from the Microsoft Graph permissions table for \(name).",
            requests: [RequestPattern(method: operation.method, urlTemplates: ["https://graph.microsoft.com/{version}" + operation.displayTemplate])],
            success: nil, requirements: requirements, notes: [note], propagation: [], examples: [], file: "rules/graph/catalog.tsv")
    }

    /// The same fix for users and applications.
    private static func same(_ text: String) -> Fix { Fix(forUser: text, forApplication: text) }

    /// The embedded template, read strictly once (see ``DataFiles``): every section and text the rule uses is there.
    static let template: JSONValue = DataFiles.embedded(DataFiles.graphCatalogueRule, readTemplate)

    /// Checks `graph-catalogue-rule.json`'s shape: the top-level fields and, per section, exactly its texts.
    static func readTemplate(_ root: RuleObject) throws(PermcheckError) -> JSONValue {
        let sections: [String: [String]] = [
            "audience": ["anyOf", "description", "fix", "sources"], "lifetime": ["description", "fix", "sources"],
            "cloud": ["description", "fix", "sources"], "workOrSchool": ["description", "fix", "sources"],
            "scheme": ["description", "fixUser", "fixApplication", "sources"], "scope": ["description", "fix", "sources"],
            "appRole": ["description", "fix", "sources"], "note": ["id", "text", "confidence"],
            "directoryRole": ["description", "fix", "fixCustomRole", "fixCustomRoles", "fixOthers", "fixTarget", "accessTexts",
                              "rolesWithEveryDirectoryAction", "defaultMemberRoleID", "sources"],
        ]
        try root.onlyKeys(["$comment", "idPrefix", "family", "catalogueSources"] + sections.keys.sorted())
        _ = (try root.requiredString("idPrefix"), try root.requiredString("family"), try root.requiredStrings("catalogueSources"))
        for (name, keys) in sections.sorted(by: { $0.key < $1.key }) {
            let section = try root.requiredChild(name)
            try section.onlyKeys(keys)
            for key in keys {
                switch key {
                case "anyOf", "sources", "rolesWithEveryDirectoryAction": _ = try section.requiredStrings(key)
                case "accessTexts":
                    let texts = try section.requiredChild(key)
                    try texts.onlyKeys(GraphRoleRequirement.Access.allCases.map(\.rawValue))
                    for access in GraphRoleRequirement.Access.allCases { _ = try texts.requiredString(access.rawValue) }
                case "confidence": _ = try section.confidence()
                default: _ = try section.requiredString(key)
                }
            }
        }
        return .object(root.object)
    }
}

extension JSONValue {
    /// The string at `key`, or `fallback`.
    fileprivate func string(_ key: String, or fallback: String) -> String { self[key]?.stringValue ?? fallback }
    /// The strings at `key` (empty when missing).
    fileprivate func strings(_ key: String) -> [String] { self[key]?.arrayValue?.compactMap(\.stringValue) ?? [] }
}

extension String {
    /// Every `{name}` replaced by `fill`, left to right. Byte-level, without Foundation's `replacingOccurrences`
    /// (NSString bridging cost ~1.7 M instructions on the first synthesized rule of a `can`).
    func replacingPlaceholder(_ name: String, with fill: String) -> String {
        let needle = Array("{\(name)}".utf8), bytes = Array(utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == needle[0], i + needle.count <= bytes.count, bytes[i..<(i + needle.count)].elementsEqual(needle) {
                result.append(contentsOf: fill.utf8)
                i += needle.count
            } else {
                result.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
