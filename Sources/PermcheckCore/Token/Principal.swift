/// Who the token speaks for.
public enum PrincipalKind: String, Sendable, Equatable, Codable, CaseIterable {
    /// A signed-in user (delegated permissions in `scp`).
    case user
    /// An application acting as itself (app-only; application permissions in `roles`).
    case application
    /// Nothing in the token tells.
    case unknown
}

/// The caller as far as the token shows it: kind, ids and names used to match evidence.
public struct Principal: Sendable, Equatable {
    /// User or application.
    public let kind: PrincipalKind
    /// `oid`: the user's or service principal's object id.
    public let objectID: String?
    /// The sign-in name (UPN, unique_name, preferred_username or email).
    public let username: String?
    /// Display name (`name`), or for apps the app id.
    public let displayName: String?
    /// The client app id (`appid`/`azp`).
    public let appID: String?
    /// Group object ids from the `groups` claim.
    public let groupIDs: [String]
    /// `true` when the `groups` claim was replaced by an overage marker, so group membership is not visible.
    public let hasGroupsOverage: Bool
    /// A personal Microsoft account (consumer tenant).
    public let isPersonalAccount: Bool
    /// A managed identity (`xms_mirid` present).
    public let isManagedIdentity: Bool
    /// Why permcheck decided the kind, e.g. "idtyp is 'app'".
    public let kindBasis: String
    /// Every sign-in name and address the token carries (`upn`, `unique_name` without `live.com#`,
    /// `preferred_username`, `email`), lower-cased, with a guest's home address beside its `#EXT#` name.
    public let signInKeys: [String]

    /// Derives the principal from claims: `idtyp` first, then `scp`, then `roles` without user claims.
    public init(claims: Claims) {
        let hasUserClaims = claims.username != nil || claims.displayName != nil
        let (kind, basis): (PrincipalKind, String) = {
            switch claims.identityType?.lowercased() {
            case "app": return (.application, "idtyp is 'app'")
            case "user": return (.user, "idtyp is 'user'")
            default: break
            }
            if claims.scopes != nil { return (.user, "the token has delegated scopes (scp)") }
            if claims.roles != nil && !hasUserClaims { return (.application, "the token has roles and no user claims") }
            if hasUserClaims { return (.user, "the token names a user") }
            return (.unknown, "the token has neither scp, roles nor user claims")
        }()
        self.kind = kind
        kindBasis = basis
        objectID = claims.objectID
        username = claims.username
        displayName = kind == .application ? (claims.displayName ?? claims.appID) : claims.displayName
        appID = claims.appID
        groupIDs = claims.groups ?? []
        hasGroupsOverage = claims.hasGroupsOverage
        isPersonalAccount = claims.tenantID?.equalsIgnoringCase(Claims.personalAccountTenantID) ?? false
        isManagedIdentity = claims.managedIdentityResourceID != nil
        var keys: [String] = []
        keys.reserveCapacity(4)
        for case let text? in [claims.upn, claims.uniqueName, claims.preferredUsername, claims.email] {
            for form in Identifier.signInForms(text) where !keys.contains(form) { keys.append(form) }
        }
        if keys.isEmpty, let username = claims.username { keys = Identifier.signInForms(username) }
        signInKeys = keys
    }

    /// The best single identifier for display: username, else object id, else app id.
    public var bestIdentifier: String? { username ?? objectID ?? appID }
}
