/// `permcheck apis` and `permcheck explain`: the rule table as text.
public enum RuleReport {
    /// One line per API: id, aliases, title; filtered by family and a case-insensitive substring.
    public static func list(_ rules: [APIRule], family: String?, grep: String?) -> String {
        let selected = rules.filter { rule in
            (family.map { rule.family.caseInsensitiveCompare($0) == .orderedSame } ?? true)
                && (grep.map { text in ([rule.id, rule.title, rule.summary] + rule.aliases + rule.requests.flatMap(\.urlTemplates)).contains { $0.localizedCaseInsensitiveContains(text) } } ?? true)
        }
        let width = selected.map(\.id.count).max() ?? 0
        return selected.map { rule in
            let aliases = rule.aliases.isEmpty ? "" : " (alias: \(rule.aliases.joined(separator: ", ")))"
            return "\(rule.id.padding(toLength: width, withPad: " ", startingAt: 0))  \(rule.title)\(aliases)"
        }.joined(separator: "\n") + (selected.isEmpty ? "" : "\n")
    }

    /// The minimal grants that satisfy an API for a principal kind, least privileged option of each applicable
    /// requirement, e.g. "MicrosoftPurviewEDiscovery token with delegated scope eDiscovery.Download.Read + … + case member".
    public static func leastPrivilege(_ rule: APIRule, for kind: PrincipalKind) -> [String] {
        guard kind != .unknown else { return [] }
        let applicable = rule.requirements.filter { $0.applies(to: kind) }
        var permissions: [String] = []
        for requirement in applicable {
            switch requirement.check {
            case .scope(let anyOf), .appRole(let anyOf), .mailboxAppRole(let anyOf, _): permissions.append(anyOf[0])
            default: continue
            }
        }
        let noun = kind == .user ? "delegated scope" : "application permission"
        let granted = permissions.isEmpty ? ""
            : " with \(noun)\(permissions.count > 1 ? "s" : "") \(permissions.joined(separator: " and "))\(kind == .application ? " (admin-consented)" : "")"
        var grants: [String] = []
        var tokenDescribed = false
        for requirement in applicable {
            switch requirement.check {
            case .audience(let anyOf):
                let name = KnownIDs.application(anyOf[0])?.name.components(separatedBy: " (").first ?? "'\(anyOf[0])'"
                grants.append("\(name) token\(granted)")
                tokenDescribed = true
            case .directoryRole(let need):
                if need.access.listsRoles, let role = need.anyOf.first { grants.append("directory role \(role.name)") }
            case .caseMembership(let admins): grants.append("case member" + (admins ? " (or eDiscovery Administrator)" : ""))
            case .purviewRole(let roles): grants.append("Purview role \(roles[0]) through a role group")
            case .caseAdmin: grants.append("eDiscovery Administrator")
            case .collectionRole(let roles): grants.append("collection role \(roles[0]) on the target collection (or inherited from a parent)")
            case .governanceRole(let roles): grants.append("Unified Catalog role \(roles[0]) (catalog level, or on the target governance domain)")
            case .header(let name, let value): grants.append("header '\(name)\(value.map { ": " + $0 } ?? "")'")
            case .deprecated(_, let replacement): grants.append("not this endpoint: it is deprecated, use \(replacement)")
            case .license(let plans, let alternative):
                grants.append("tenant licence with service plan \(plans[0])" + (alternative.map { " (or \($0))" } ?? ""))
            case .resourceGrant(let spec):
                if let option = spec.options.first { grants.append("'\(spec.role)' grant for the app on the \(option.noun) (\(option.scope))") }
            case .mailboxAccessPolicy(let spec): grants.append("mailbox '\(spec.mailbox)' within the app's Exchange access scope")
            case .sharedScope(let spec): if let scope = spec.sharedScopes.first { grants.append("delegated scope \(scope) for another user's \(spec.kind)") }
            case .mailboxDelegation(let spec): grants.append("access to \(spec.user)'s \(spec.kind) (FullAccess or a folder share)")
            case .scope, .appRole, .mailboxAppRole, .tokenLifetime, .identity, .cloud: continue
            }
        }
        if !tokenDescribed && !granted.isEmpty { grants.insert("token" + granted, at: 0) }
        return grants
    }

    /// Every requirement with its failure status, fix, confidence and sources, then the least-privilege sets and notes.
    public static func explain(_ rule: APIRule) -> String {
        var lines = ["\(rule.id) — \(rule.title)"]
        if !rule.aliases.isEmpty { lines.append("aliases: \(rule.aliases.joined(separator: ", "))") }
        if !rule.summary.isEmpty { lines.append(rule.summary) }
        for request in rule.requests {
            for url in request.urlTemplates { lines.append("request: \(request.method) \(url)") }
        }
        if let success = rule.success { lines.append("success: \(success)") }
        lines.append("")
        lines.append("Requirements, in the order the service checks them:")
        for (index, requirement) in rule.requirements.enumerated() {
            let scope = requirement.appliesTo.isEmpty ? "" : " (\(requirement.appliesTo.map(\.rawValue).joined(separator: ", ")) only)"
            lines.append("  \(index + 1). \(requirement.id) [\(requirement.check.kind)]\(scope) — fails with \(requirement.status) — \(requirement.confidence.label)")
            lines.append("     \(requirement.description)")
            if requirement.fix.forUser == requirement.fix.forApplication {
                lines.append("     fix: \(requirement.fix.forUser)")
            } else {
                lines.append("     fix (user): \(requirement.fix.forUser)")
                lines.append("     fix (app):  \(requirement.fix.forApplication)")
            }
            if let hint = requirement.hint { lines.append("     note: \(hint)") }
            for source in requirement.sources { lines.append("     source: \(source)") }
        }
        lines.append("")
        lines.append("Least privilege:")
        for kind in [PrincipalKind.user, .application] where rule.requirements.contains(where: { req in
            if case .identity(let allowed, _) = req.check { return allowed.contains(kind) }
            return false
        }) || !rule.requirements.contains(where: { if case .identity = $0.check { return true } else { return false } }) {
            let grants = leastPrivilege(rule, for: kind)
            lines.append("  \(kind == .user ? "user (delegated)" : "app (app-only)"): \(grants.joined(separator: " + "))")
        }
        if !rule.notes.isEmpty {
            lines.append("")
            lines.append("Notes:")
            for note in rule.notes {
                let when = note.status.map { " (explains an observed \($0))" } ?? ""
                lines.append("  - \(note.text)\(when) [\(note.confidence.label)]")
                for source in note.sources { lines.append("    source: \(source)") }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
