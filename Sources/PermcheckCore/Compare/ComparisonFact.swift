import Foundation

/// One claim or evidence value as seen for the good and the bad caller, e.g. the audience or the `scp` set.
public struct ComparisonFact: Sendable, Equatable {
    /// Stable id: `audience`, `appId`, `scopes`, `roles`, `directoryRoles`, `version`, `principalKind`, `cloud`,
    /// `expiresAt`, `notBefore`, `groups`, `caseAccess`, `caseAdmin`, `roleGroups`, `purviewRoles`, `collectionRoles`,
    /// and with `--all` also `issuedAt`, `tokenId`, `username`, `displayName`, `objectId`, `tenantId`, `subject`,
    /// `ipAddress` and `claim:<name>` for any other claim.
    public let id: String
    /// What the value is, e.g. `token audience (aud)`.
    public let label: String
    /// The value for the good and the bad caller; `nil` when absent or not given.
    public let good: String?
    public let bad: String?
    /// For set-valued facts (`scp`, `roles`, `wids`, roles through role groups…): members only one side has, sorted.
    public let onlyGood: [String]
    public let onlyBad: [String]
    /// Requirement ids whose different outcome (or different way of being met) this value explains.
    public let requirements: [String]

    /// Whether the value explains a difference; non-decisive facts are only shown with `--all`.
    public var decisive: Bool { !requirements.isEmpty }
}

/// The value of one fact for one caller.
enum FactValue: Equatable {
    case scalar(String?)
    case set([String]?)

    var text: String? {
        switch self {
        case .scalar(let value): value
        case .set(let values): values.map { $0.isEmpty ? "(none)" : $0.joined(separator: " ") }
        }
    }

    var members: [String] {
        if case .set(let values) = self { return values ?? [] }
        return []
    }
}

/// How to read one fact from a token and the shared evidence, and which requirement kinds it can decide.
struct FactReader: Sendable {
    let id: String
    let label: String
    /// Requirement kinds this value can decide; empty: never decisive (shown only with `--all`).
    let kinds: Set<RequirementKind>
    let read: @Sendable (AccessToken, Evidence) -> FactValue

    /// Every modelled fact, in display order: token facts first, then evidence.
    static let all: [FactReader] = [
        FactReader(id: "audience", label: "token audience (aud)", kinds: [.audience]) { token, _ in
            .scalar(token.claims.audience.map(KnownIDs.describeAudience))
        },
        FactReader(id: "version", label: "token version (ver)", kinds: [.audience]) { token, _ in .scalar(token.version) },
        FactReader(id: "appId", label: "client app (appid/azp)", kinds: [.scope, .appRole, .mailboxAppRole, .resourceGrant]) { token, _ in
            .scalar(token.claims.appID.map { id in KnownIDs.application(id).map { "\($0.name) (\(id))" } ?? id })
        },
        FactReader(id: "principalKind", label: "caller kind", kinds: [.identity, .scope, .appRole, .mailboxAppRole]) { token, _ in
            let principal = token.principal
            return .scalar(principal.isPersonalAccount ? "\(principal.kind.rawValue) (personal Microsoft account)" : principal.kind.rawValue)
        },
        FactReader(id: "scopes", label: "delegated scopes (scp)", kinds: [.scope]) { token, _ in .set(token.claims.scopes?.sorted()) },
        FactReader(id: "roles", label: "application permissions (roles)", kinds: [.appRole, .mailboxAppRole]) { token, _ in .set(token.claims.roles?.sorted()) },
        FactReader(id: "directoryRoles", label: "directory roles (wids)", kinds: [.directoryRole]) { token, _ in
            .set(token.claims.directoryRoleIDs?.map { id in KnownIDs.directoryRoleName(id).map { "\($0) (\(id))" } ?? id }.sorted())
        },
        FactReader(id: "cloud", label: "cloud", kinds: [.cloud]) { token, _ in .scalar(token.cloud.cloud?.displayName) },
        FactReader(id: "expiresAt", label: "expires (exp)", kinds: [.tokenLifetime]) { token, _ in .scalar(token.claims.expiresAt.map(ISO8601.format)) },
        FactReader(id: "notBefore", label: "not before (nbf)", kinds: [.tokenLifetime]) { token, _ in .scalar(token.claims.notBefore.map(ISO8601.format)) },
        FactReader(id: "groups", label: "groups claim", kinds: [.collectionRole]) { token, _ in .set(token.claims.groups?.sorted()) },
        FactReader(id: "caseAccess", label: "case access", kinds: [.caseMembership]) { token, evidence in
            .scalar(CaseAccess(token.principal, evidence).map(\.description))
        },
        FactReader(id: "caseAdmin", label: "eDiscovery Administrator", kinds: [.caseMembership, .caseAdmin]) { token, evidence in
            .scalar(evidence.caseAdmins.map { token.principal.isListed(in: $0) != nil ? "yes (can access every case)" : "no" })
        },
        FactReader(id: "roleGroups", label: "role groups the caller is in", kinds: [.purviewRole, .caseMembership]) { token, evidence in
            .set(evidence.roleGroups.map { groups in memberGroups(token.principal, groups, evidence).map { $0.displayName ?? $0.name }.sorted() })
        },
        FactReader(id: "purviewRoles", label: "roles through role groups", kinds: [.purviewRole]) { token, evidence in
            .set(evidence.roleGroups.map { groups in Array(Set(memberGroups(token.principal, groups, evidence).flatMap(\.roles))).sorted() })
        },
        FactReader(id: "collectionRoles", label: "collection roles", kinds: [.collectionRole]) { token, evidence in
            .set(evidence.purview.map { access in
                Array(Set(access.assignments.filter(token.principal.holds).map { "\(RequirementChecker.roleKey($0.role)) on '\($0.collection)'" })).sorted()
            })
        },
        FactReader(id: "issuedAt", label: "issued (iat)", kinds: []) { token, _ in .scalar(token.claims.issuedAt.map(ISO8601.format)) },
        FactReader(id: "tokenId", label: "token id (uti)", kinds: []) { token, _ in .scalar(token.claims.tokenIdentifier) },
        FactReader(id: "username", label: "sign-in name", kinds: []) { token, _ in .scalar(token.claims.username) },
        FactReader(id: "displayName", label: "name", kinds: []) { token, _ in .scalar(token.claims.displayName) },
        FactReader(id: "objectId", label: "object id (oid)", kinds: []) { token, _ in .scalar(token.claims.objectID) },
        FactReader(id: "tenantId", label: "tenant (tid)", kinds: []) { token, _ in .scalar(token.claims.tenantID) },
        FactReader(id: "subject", label: "subject (sub)", kinds: []) { token, _ in .scalar(token.claims.subject) },
        FactReader(id: "ipAddress", label: "sign-in IP (ipaddr)", kinds: []) { token, _ in .scalar(token.claims.ipAddress) },
    ]

    /// Claims the modelled facts already cover; the rest appear as `claim:<name>` with `--all`.
    static let coveredClaims: Set<String> = [
        "aud", "ver", "appid", "azp", "idtyp", "scp", "roles", "wids", "exp", "nbf", "groups", "iat", "uti", "upn",
        "unique_name", "preferred_username", "email", "name", "oid", "tid", "sub", "ipaddr", "iss",
        "tenant_region_scope", "tenant_region_sub_scope",
    ]

    /// A fact for a claim permcheck does not model, compared as compact JSON.
    static func rawClaim(_ name: String) -> FactReader {
        FactReader(id: "claim:\(name)", label: "claim '\(name)'", kinds: []) { token, _ in
            .scalar(token.claims.raw[name].map { value in value.stringValue ?? JSONWriter.write(value) })
        }
    }

    static func memberGroups(_ principal: Principal, _ groups: [RoleGroup], _ evidence: Evidence) -> [RoleGroup] {
        groups.filter { group in
            switch principal.membership(in: group, evidence: evidence) {
            case .direct, .viaGroup: true
            case .undecidable, .none: false
            }
        }
    }
}

/// How the caller reaches a case: the route, without names, so two callers can be compared.
enum CaseAccess: Equatable {
    case directMember
    case throughRoleGroup(String)
    case administrator
    case none

    /// `nil` when case membership was not given.
    init?(_ principal: Principal, _ evidence: Evidence) {
        guard let members = evidence.caseMembers?.members else { return nil }
        if principal.isListed(in: members) != nil { self = .directMember; return }
        let groups = FactReader.memberGroups(principal, evidence.roleGroups ?? [], evidence)
        if let group = groups.first(where: { group in members.contains { [$0.name, $0.displayName].compactMap { $0 }.contains(where: group.isNamed) } }) {
            self = .throughRoleGroup(group.displayName ?? group.name)
            return
        }
        if let admins = evidence.caseAdmins, principal.isListed(in: admins) != nil { self = .administrator; return }
        self = .none
    }

    /// The route category, used to tell "met by both, differently" from "met by both the same way".
    var route: String {
        switch self {
        case .directMember: "member"
        case .throughRoleGroup: "role group"
        case .administrator: "administrator"
        case .none: "none"
        }
    }

    var description: String {
        switch self {
        case .directMember: "case member"
        case .throughRoleGroup(let group): "case member through role group '\(group)'"
        case .administrator: "not a case member; eDiscovery Administrator (tenant-wide access to every case)"
        case .none: "not a case member"
        }
    }
}
