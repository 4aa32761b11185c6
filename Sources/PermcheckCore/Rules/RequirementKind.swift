/// Every requirement kind, by the name rule files use (`"kind": "scope"`). The one list of kinds: the loader, the
/// linter, the schema test, findings, comparisons and stale-token checks all name kinds through it.
public enum RequirementKind: String, Sendable, CaseIterable, Equatable, Hashable {
    /// `aud` is one of `anyOf`.
    case audience
    /// `scp` holds one of `anyOf`.
    case scope
    /// `roles` holds one of `anyOf`.
    case appRole
    /// The caller is a user or an application, as `allowed` says.
    case identity
    /// The signed-in user holds one of `anyOf` directory roles.
    case directoryRole
    /// The caller is a member of the case (or an eDiscovery Administrator).
    case caseMembership
    /// The caller holds one of `anyOf` Purview roles through a role group.
    case purviewRole
    /// The caller is an eDiscovery Administrator.
    case caseAdmin
    /// The caller holds one of `anyOf` roles on the target Purview collection.
    case collectionRole
    /// The request sends a header.
    case header
    /// The token is within its lifetime.
    case tokenLifetime
    /// The token's cloud offers the API and matches the endpoint.
    case cloud
    /// The endpoint is deprecated or retired: always unknown, naming the replacement.
    case deprecated
    /// The tenant subscribes to one of `anyOf` service plans (`--subscriptions`).
    case license
    /// The caller holds one of `anyOf` Unified Catalog roles, at catalog level or on the target governance domain.
    case governanceRole
    /// A `*.Selected` scope's per-resource grant (site, list, item, file) covers the call. Catalogue rules only.
    case resourceGrant
    /// An application permission, or an Exchange RBAC for Applications assignment, for a mailbox. Catalogue rules only.
    case mailboxAppRole
    /// No Exchange application access policy or RBAC scope keeps the app from the mailbox. Catalogue rules only.
    case mailboxAccessPolicy
    /// Another user's mailbox needs a `.Shared` delegated scope. Catalogue rules only.
    case sharedScope
    /// The signed-in user may open the other user's mailbox or folder. Catalogue rules only.
    case mailboxDelegation

    /// Kinds that only synthesized Graph catalogue rules carry (their parameters come from the request and the data
    /// in rules/data/resource-grants.json, not from a rule file).
    public var isCatalogueOnly: Bool {
        switch self {
        case .resourceGrant, .mailboxAppRole, .mailboxAccessPolicy, .sharedScope, .mailboxDelegation: true
        default: false
        }
    }

    /// The kinds a rule file may name.
    public static var ruleFileNames: [String] { allCases.filter { !$0.isCatalogueOnly }.map(\.rawValue) }

    /// The names, in declaration order (for messages and suggestions).
    public static var names: [String] { allCases.map(\.rawValue) }
}
