/// What a per-resource grant requirement needs, filled in from `rules/data/resource-grants.json` and the request.

/// One Selected scope that can reach the target, with the resource its grant must be on.
public struct SelectedScopeOption: Sendable, Equatable {
    /// E.g. `Sites.Selected`.
    public let scope: String
    /// `site`, `list`, `list item`, `file`.
    public let noun: String
    /// The resource at the scope's level, canonical (`/sites/<site id>`).
    public let resource: String
    /// The grant endpoint, filled (`/sites/<site id>/permissions`).
    public let endpoint: String
    /// Who may call the endpoint.
    public let grantNeeds: String
}

/// A `*.Selected` scope needs the app to hold a role on the resource (`POST /sites/{id}/permissions`).
public struct ResourceGrantSpec: Sendable, Equatable {
    /// Selected scopes that reach the target, narrowest resource first.
    public let options: [SelectedScopeOption]
    /// The permissions that reach the target without any grant (the catalogue's tenant-wide list for the scheme).
    public let tenantWide: [String]
    /// The role the call needs (`read`, `write`, `manage`, `fullcontrol`).
    public let role: String
    /// Role names and their rank (a higher rank covers a lower one).
    public let ranks: [String: Int]
    /// The HTTP method, for messages.
    public let method: String
    /// The full request path (canonical), to check the export's resource is the target or a parent of it.
    public let requestPath: String
    /// Fix, export and note templates from the data file.
    public let fixTemplate: String
    public let exportTemplate: String
    public let listOmitsRoles: String
    public let tenantWideNote: String
}

/// App-only access to a mailbox can be limited by an application access policy or scoped by RBAC for Applications.
public struct MailboxAccessSpec: Sendable, Equatable {
    /// The mailbox the request targets (`{id}` of `/users/{id}/…`).
    public let mailbox: String
    /// The operation's application permissions (catalogue), which a policy can restrict.
    public let permissions: [String]
    /// Exchange application roles and the Graph permissions each one grants.
    public let rbacRoles: [String: [String]]
    /// Text templates from the data file (`{mailbox}`, `{app}`, `{group}`, `{policy}`, `{role}`).
    public let policyExport: String
    public let policyTest: String
    public let fixRestrict: String
    public let fixDeny: String
    public let rbacExport: String
    public let rbacTest: String
    public let rbacFix: String
    public let additive: String
    public let propagation: String
}

/// Delegated access to another user's mailbox or drive.
public struct MailboxDelegationSpec: Sendable, Equatable {
    /// `{id}` of `/users/{id}/…` (`me` for `/me/…`).
    public let user: String
    /// `mail`, `calendar`, `contacts`, `mailboxSettings`, `drive`.
    public let kind: String
    /// The `.Shared` scopes that reach another user's data for this call (empty: none exists).
    public let sharedScopes: [String]
    /// The folder a folder-level share must be on (`Inbox`, `Calendar`, `Contacts`), if folder sharing applies.
    public let folder: String?
    /// Folder rights the call needs (any one), e.g. `ReadItems`.
    public let folderRights: [String]
    /// Folder roles and the rights each one carries.
    public let folderRoles: [String: [String]]
    /// Mailbox-level rights that cover everything (`FullAccess`).
    public let mailboxRights: [String]
    /// Text templates from the data file.
    public let sharedFix: String
    public let grantFix: String
    public let export: String
}
