import Foundation

/// One grant on a SharePoint/OneDrive resource (`GET /sites/{site}/permissions` entry or a `Get-MgSitePermission` object).
public struct ResourceGrant: Sendable, Equatable {
    /// The permission id (for `GET …/permissions/{id}`).
    public var id: String?
    /// `roles` (`read`, `write`, `manage`, `owner`, `fullcontrol`); `nil` when the export left them out.
    public var roles: [String]?
    /// Application ids the grant is for (`grantedToIdentitiesV2`/`grantedToV2`/`grantedTo…` `.application.id`).
    public var applicationIDs: [String] = []
    /// Application display names, for output.
    public var applicationNames: [String] = []
    /// User object ids or sign-in names the grant is for (sharing), if any.
    public var users: [String] = []

    public init() {}
}

/// The grants on one resource, as exported.
public struct ResourceGrants: Sendable, Equatable {
    /// The resource the export is for, as a canonical Graph path (`/sites/<site id>`, `/sites/<s>/lists/<l>`),
    /// from `@odata.context` or the `{"resource": …}` wrapper; `nil` when the file does not say.
    public var resource: String?
    /// The grants.
    public var grants: [ResourceGrant]

    public init(resource: String? = nil, grants: [ResourceGrant]) {
        self.resource = resource
        self.grants = grants
    }
}

/// One Exchange application access policy (`Get-ApplicationAccessPolicy`).
public struct AppAccessPolicy: Sendable, Equatable {
    /// `Identity`, for output.
    public var identity: String?
    /// `AppId` (one or several).
    public var appIDs: [String]
    /// `RestrictAccess` or `DenyAccess`.
    public var accessRight: String
    /// `ScopeName` (the group's display name).
    public var scopeName: String?
    /// The scope group's object id: the part after `;` in `ScopeIdentityRaw`, or `PolicyScopeGroupId`.
    public var scopeGroup: String?

    public init(identity: String? = nil, appIDs: [String], accessRight: String, scopeName: String? = nil, scopeGroup: String? = nil) {
        self.identity = identity
        self.appIDs = appIDs
        self.accessRight = accessRight
        self.scopeName = scopeName
        self.scopeGroup = scopeGroup
    }

    /// A short label: the scope name or group, else the identity.
    public var label: String { scopeName ?? scopeGroup ?? identity ?? "(unnamed policy)" }
}

/// One `Test-ApplicationAccessPolicy` result.
public struct AppAccessTest: Sendable, Equatable {
    public var appID: String
    /// `Mailbox` (alias or name).
    public var mailbox: String?
    /// `MailboxId`.
    public var mailboxID: String?
    /// `AccessCheckResult` is `Granted`.
    public var granted: Bool
}

/// What `--app-access-policies` gave: policies, test results, or both.
public struct AppAccessEvidence: Sendable, Equatable {
    public var policies: [AppAccessPolicy] = []
    public var tests: [AppAccessTest] = []
    public init(policies: [AppAccessPolicy] = [], tests: [AppAccessTest] = []) {
        self.policies = policies
        self.tests = tests
    }
}

/// Members of a group (`Get-MgGroupMember`, `Get-DistributionGroupMember`, Graph `/groups/{id}/members`).
public struct GroupMembers: Sendable, Equatable {
    /// The group (object id, address or name) when the file says it (`{"group": …, "members": […]}`).
    public var group: String?
    public var members: [DirectoryEntry]
    public init(group: String? = nil, members: [DirectoryEntry]) {
        self.group = group
        self.members = members
    }
}

/// One Exchange management role assignment to a service principal (RBAC for Applications).
public struct ExchangeRoleAssignment: Sendable, Equatable {
    public var name: String?
    /// `Role`, e.g. `Application Mail.Read`.
    public var role: String
    /// `RoleAssignee` / `App`: the service principal (object id or name).
    public var assignees: [String]
    /// `RoleAssigneeType`, e.g. `ServicePrincipal`.
    public var assigneeType: String?
    /// `Enabled` (absent counts as enabled).
    public var enabled: Bool
    /// `RecipientWriteScope`: `Organization`, `CustomRecipientScope`, `AdministrativeUnit`, `Group`, …
    public var scopeType: String?
    /// `CustomResourceScope` (or the group/administrative unit named by the scope).
    public var scope: String?
}

/// One `Test-ServicePrincipalAuthorization` row.
public struct ServicePrincipalAuthorization: Sendable, Equatable {
    public var roleName: String
    /// `GrantedPermissions` (e.g. `Mail.Read`).
    public var permissions: [String]
    public var scope: String?
    public var inScope: Bool
}

/// What `--exchange-role-assignments` gave.
public struct ExchangeRoleEvidence: Sendable, Equatable {
    public var assignments: [ExchangeRoleAssignment] = []
    public var tests: [ServicePrincipalAuthorization] = []
}

/// One mailbox or folder permission (`Get-MailboxPermission`, `Get-MailboxFolderPermission`).
public struct MailboxPermission: Sendable, Equatable {
    /// The mailbox (the `Identity` before `:\`), when exported.
    public var mailbox: String?
    /// `FolderName`; `nil` for a mailbox-level permission.
    public var folder: String?
    /// Who holds it.
    public var user: DirectoryEntry
    /// `AccessRights`, e.g. `FullAccess` or `Reviewer`.
    public var rights: [String]
    /// `Deny`.
    public var deny: Bool
}
