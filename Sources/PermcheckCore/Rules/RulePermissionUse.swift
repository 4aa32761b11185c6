/// One hand-written rule whose `scope` or `appRole` requirement names a permission: how `permcheck permissions NAME`
/// knows permissions that are not Microsoft Graph's (e.g. `eDiscovery.Download.Read` on MicrosoftPurviewEDiscovery).
public struct RulePermissionUse: Sendable, Equatable {
    /// The rule's id, e.g. `ediscovery.export-download`.
    public let ruleID: String
    public let title: String
    /// `delegated` (a `scope` requirement) and/or `application` (an `appRole` requirement).
    public var schemes: [GraphPermissionScheme]
    /// The API the token must be for: the rule's first accepted audience, named when known (e.g.
    /// "MicrosoftPurviewEDiscovery (eDiscovery export download proxy) (b26e684c-…)").
    public let audience: String?
    /// Whether the permission is the first (least privileged) entry of every requirement naming it.
    public var isLeastPrivileged: Bool
    /// The requirement's sources and confidence.
    public let sources: [String]
    public let confidence: Confidence

    /// Every use of `permission` (case-insensitive) in `rules`, in rule order.
    public static func uses(of permission: String, in rules: RuleSet) -> [RulePermissionUse] {
        var uses: [RulePermissionUse] = []
        for rule in rules.rules {
            let audience = rule.requirements.lazy.compactMap { requirement -> String? in
                guard case .audience(let anyOf) = requirement.check, let first = anyOf.first else { return nil }
                return KnownIDs.describeAudience(first)
            }.first
            for requirement in rule.requirements {
                let (list, scheme): ([String], GraphPermissionScheme)
                switch requirement.check {
                case .scope(let anyOf): (list, scheme) = (anyOf, .delegatedWork)
                case .appRole(let anyOf): (list, scheme) = (anyOf, .application)
                default: continue
                }
                guard let index = list.firstIndex(where: { $0.equalsIgnoringCase(permission) }) else { continue }
                if let last = uses.indices.last, uses[last].ruleID == rule.id {
                    if !uses[last].schemes.contains(scheme) { uses[last].schemes.append(scheme) }
                    uses[last].isLeastPrivileged = uses[last].isLeastPrivileged && index == 0
                    continue
                }
                uses.append(RulePermissionUse(ruleID: rule.id, title: rule.title, schemes: [scheme], audience: audience,
                                              isLeastPrivileged: index == 0, sources: requirement.sources,
                                              confidence: requirement.confidence))
            }
        }
        return uses
    }

    /// Every permission the rules' scope/appRole requirements name, sorted (for suggestions).
    public static func names(in rules: RuleSet) -> [String] {
        var names: Set<String> = []
        for requirement in rules.rules.flatMap(\.requirements) {
            switch requirement.check {
            case .scope(let anyOf), .appRole(let anyOf): names.formUnion(anyOf)
            default: continue
            }
        }
        return names.sorted()
    }
}
