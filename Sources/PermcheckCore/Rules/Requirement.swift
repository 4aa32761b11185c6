/// How sure permcheck's sources are of a fact.
public enum Confidence: String, Sendable, Equatable, CaseIterable {
    /// Read in Microsoft documentation.
    case documented
    /// Seen only in forums, issue threads or third-party code ("community-reported").
    case reported
    /// permcheck's own reasoning from documented facts.
    case inferred

    /// The label shown next to findings.
    public var label: String {
        switch self {
        case .documented: "documented"
        case .reported: "community-reported, unverified"
        case .inferred: "inferred"
        }
    }
}

/// A directory role that satisfies a `directoryRole` requirement.
public struct DirectoryRoleRef: Sendable, Equatable {
    /// The role template id, as it appears in `wids`.
    public let id: String
    /// The role's name, e.g. `Global Administrator`.
    public let name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// What a `directoryRole` requirement asks of the signed-in user: one of `anyOf` (least privileged first), or a custom
/// role granting one of `actions`; `access` says what lacking them means (see ``GraphRoleRequirement/Access``).
public struct DirectoryRoleNeed: Sendable, Equatable {
    /// Built-in roles that qualify, least privileged first (may be empty for `self`/`any-member`).
    public var anyOf: [DirectoryRoleRef]
    /// Directory actions a custom role may grant instead, e.g. `microsoft.directory/users/create`.
    public var actions: [String]
    /// `roles`: without a qualifying role the call is denied; `target-resource`/`unmapped`: unknown; `self`/`any-member`:
    /// no role needed; `other-roles`: another system's roles, unknown.
    public var access: GraphRoleRequirement.Access
    /// Non-Entra ways to qualify the docs name (owner of the group, reviewer …): without a role, unknown, not unmet.
    public var otherRoles: [String]

    public init(anyOf: [DirectoryRoleRef], actions: [String] = [], access: GraphRoleRequirement.Access = .roles, otherRoles: [String] = []) {
        self.anyOf = anyOf
        self.actions = actions
        self.access = access
        self.otherRoles = otherRoles
    }
}

/// What a requirement checks. Each case reads either the token, the request, or evidence.
public enum RequirementCheck: Sendable, Equatable {
    /// `aud` is one of these (GUID or URI; trailing slash and case ignored).
    case audience(anyOf: [String])
    /// `scp` holds one of these delegated scopes (least privileged first).
    case scope(anyOf: [String])
    /// `roles` holds one of these application permissions (least privileged first).
    case appRole(anyOf: [String])
    /// The caller is one of these kinds; personal Microsoft accounts only if allowed.
    case identity(allowed: [PrincipalKind], personalAccounts: Bool)
    /// The signed-in user holds one of these directory roles: role assignments (`--directory-roles`) first, else the
    /// token's `wids`; neither → unknown.
    case directoryRole(DirectoryRoleNeed)
    /// The principal is a member of the case, directly or through a role group that is a member;
    /// eDiscovery Administrators pass when `admitsCaseAdmins`.
    case caseMembership(admitsCaseAdmins: Bool)
    /// The principal holds one of these Purview roles through a role group.
    case purviewRole(anyOf: [String])
    /// The principal is an eDiscovery Administrator (`Get-eDiscoveryCaseAdmin`).
    case caseAdmin
    /// The principal holds one of these collection roles on the target collection (inheritance applies).
    case collectionRole(anyOf: [String])
    /// The request carries this header (with this value, case-insensitive, when given).
    case header(name: String, value: String?)
    /// The token is within its lifetime at the evaluation time.
    case tokenLifetime
    /// The token's cloud is one of these (and matches the target endpoint's cloud).
    case cloud(available: [Cloud])
    /// The endpoint is deprecated or retired (`since`: when, as a phrase; `replacement`: what to call instead): never met, always *unknown*, so the
    /// verdict is indeterminate and the user is told what to call instead.
    case deprecated(since: String, replacement: String)
    /// The tenant has one of these service plans (name or id) provisioned in a working subscription; `alternative`
    /// names what else satisfies it that the subscription export cannot show (then no plan → unknown, not unmet).
    case license(anyOf: [String], alternative: String?)
    /// The principal holds one of these Unified Catalog roles at catalog level or on the target governance domain
    /// (`--governance-policies`).
    case governanceRole(anyOf: [String])
    /// A `*.Selected` scope's per-resource grant covers the call (`--site-permissions`). Catalogue rules only.
    case resourceGrant(ResourceGrantSpec)
    /// `roles` holds one of these, or an Exchange RBAC for Applications assignment grants one (`--exchange-role-assignments`).
    case mailboxAppRole(anyOf: [String], rbacRoles: [String: [String]])
    /// No Exchange application access policy or RBAC scope keeps the app from the mailbox. Catalogue rules only.
    case mailboxAccessPolicy(MailboxAccessSpec)
    /// Another user's mailbox needs a `.Shared` scope (not needed for the caller's own). Catalogue rules only.
    case sharedScope(MailboxDelegationSpec)
    /// The signed-in user may open the other user's mailbox or folder (`--mailbox-permissions`). Catalogue rules only.
    case mailboxDelegation(MailboxDelegationSpec)

    /// The requirement kind, as rule files name it.
    public var kind: RequirementKind {
        switch self {
        case .audience: .audience
        case .scope: .scope
        case .appRole: .appRole
        case .identity: .identity
        case .directoryRole: .directoryRole
        case .caseMembership: .caseMembership
        case .purviewRole: .purviewRole
        case .caseAdmin: .caseAdmin
        case .collectionRole: .collectionRole
        case .header: .header
        case .tokenLifetime: .tokenLifetime
        case .cloud: .cloud
        case .deprecated: .deprecated
        case .license: .license
        case .governanceRole: .governanceRole
        case .resourceGrant: .resourceGrant
        case .mailboxAppRole: .mailboxAppRole
        case .mailboxAccessPolicy: .mailboxAccessPolicy
        case .sharedScope: .sharedScope
        case .mailboxDelegation: .mailboxDelegation
        }
    }
}

/// A fix, possibly different for users and applications.
public struct Fix: Sendable, Equatable {
    /// The fix for delegated (user) calls, or for everyone.
    public let forUser: String
    /// The fix for app-only calls.
    public let forApplication: String

    /// The fix text for a principal kind.
    public func text(for kind: PrincipalKind) -> String {
        kind == .application ? forApplication : forUser
    }
}

/// One condition an API places on a call, with what its failure means and how to fix it.
public struct Requirement: Sendable, Equatable {
    /// Stable id within the API, e.g. `proxy-audience`.
    public let id: String
    /// What is checked.
    public let check: RequirementCheck
    /// One line: what the requirement is.
    public let description: String
    /// 401 or 403 (402 for a licence): the status a call gets when this requirement fails.
    public let status: Int
    /// The least-privileged fix.
    public let fix: Fix
    /// URLs the requirement rests on.
    public let sources: [String]
    /// How sure the sources are.
    public let confidence: Confidence
    /// Only evaluated for these principal kinds (empty: always).
    public let appliesTo: [PrincipalKind]
    /// Extra context shown with an unmet or unknown outcome.
    public let hint: String?

    /// Whether the requirement applies to a principal of this kind.
    public func applies(to kind: PrincipalKind) -> Bool {
        appliesTo.isEmpty || appliesTo.contains(kind) || kind == .unknown
    }
}
