extension GraphCatalogRule {
    /// The `directory-role` requirement of a synthesized delegated rule: the second layer, checked after the scope.
    /// A `/me` line matched by a `/users/{id}` request (``GraphCatalogMatch/Adjustment/userAsMe``) is not the
    /// caller's own object, so its "no role" becomes "depends on the target".
    static func directoryRoleRequirement(_ entry: GraphRoleRequirement, operation: String,
                                         adjustments: [GraphCatalogMatch.Adjustment]) -> Requirement {
        let t = template["directoryRole"]
        func text(_ key: String) -> String { t?[key]?.stringValue ?? "" }
        var access = entry.access
        var basis = entry.basis
        if access == .selfAccess, adjustments.contains(.userAsMe) {
            access = .targetResource
            basis = "the request names a user, and only the caller's own object needs no role (\(basis))"
        } else if adjustments.contains(.meAsUser), entry.access != .selfAccess {
            access = .selfAccess
            basis = "the request uses /me: the caller's own object"
        }
        let need = DirectoryRoleNeed(anyOf: access.listsRoles ? entry.roles : [], actions: entry.actions, access: access,
                                     otherRoles: entry.otherRoles)
        let first = need.anyOf.first?.name ?? "Global Administrator"
        let others = need.anyOf.dropFirst().prefix(4).map(\.name)
        let othersText = others.isEmpty ? "" : text("fixOthers").replacingPlaceholder("roles", with: others.joined(separator: ", "))
        var custom = ""
        if need.actions.count == 1 {
            custom = text("fixCustomRole").replacingPlaceholder("action", with: need.actions[0])
        } else if !need.actions.isEmpty {
            custom = text("fixCustomRoles").replacingPlaceholder("actions", with: need.actions.joined(separator: " or "))
        }
        var fix = text("fix").replacingPlaceholder("role", with: first).replacingPlaceholder("others", with: othersText)
            .replacingPlaceholder("customRole", with: custom)
        if access == .targetResource, let other = need.otherRoles.first {
            fix = text("fixTarget").replacingPlaceholder("other", with: other).replacingPlaceholder("role", with: first)
                .replacingPlaceholder("others", with: othersText)
        }
        let accessText = t?["accessTexts"]?[access.rawValue]?.stringValue ?? access.rawValue
        let roleList = need.anyOf.isEmpty ? "" : "one of " + need.anyOf.map(\.name).joined(separator: ", ")
            + (need.actions.isEmpty ? "" : ", or a custom role granting " + need.actions.joined(separator: " or "))
        let description = text("description").replacingPlaceholder("access", with: accessText)
            .replacingPlaceholder("operation", with: operation)
            .replacingPlaceholder("roles", with: roleList.isEmpty ? "" : " — " + roleList + " (least privileged first)")
            .replacingPlaceholder("kind", with: access.rawValue)
        let sources = [entry.source] + (t?["sources"]?.arrayValue?.compactMap(\.stringValue) ?? []).filter { $0 != entry.source }
        return Requirement(
            id: "directory-role", check: .directoryRole(need), description: description, status: 403,
            fix: Fix(forUser: fix, forApplication: fix), sources: sources.filter { !$0.isEmpty }, confidence: entry.confidence,
            appliesTo: [.user], hint: entry.confidence == .inferred ? "Inferred: " + basis + "." : nil)
    }
}
