import Foundation

/// A Purview role group: its roles and members (`Get-RoleGroup`, `Get-RoleGroupMember`, or the plain form).
public struct RoleGroup: Sendable, Equatable {
    /// `Name`, e.g. `eDiscoveryManager`.
    public var name: String
    /// `DisplayName`, e.g. `eDiscovery Manager`.
    public var displayName: String?
    /// Role names, e.g. `Export`, `Case Management`.
    public var roles: [String]
    /// Members: users, mail-enabled security groups, service principals.
    public var members: [DirectoryEntry]
    /// `WhenChangedUTC` (or `WhenCreatedUTC`), when exported.
    public var changedAt: Date?

    /// Creates a role group.
    public init(name: String, displayName: String? = nil, roles: [String], members: [DirectoryEntry], changedAt: Date? = nil) {
        self.name = name
        self.displayName = displayName
        self.roles = roles
        self.members = members
        self.changedAt = changedAt
    }

    /// Whether `text` names this group (Name or DisplayName, case-insensitive, spaces ignored).
    public func isNamed(_ text: String) -> Bool {
        let key = RoleGroup.key(text)
        return RoleGroup.key(name) == key || displayName.map(RoleGroup.key) == key
    }

    /// Whether the group carries `role` (case-insensitive, spaces ignored).
    public func hasRole(_ role: String) -> Bool {
        let key = RoleGroup.key(role)
        return roles.contains { RoleGroup.key($0) == key }
    }

    static func key(_ text: String) -> String {
        text.lowercased().filter { $0 != " " && $0 != "-" && $0 != "_" }
    }
}

/// Members of one eDiscovery case (`Get-ComplianceCaseMember -Case NAME`).
public struct CaseMembers: Sendable, Equatable {
    /// The case name, when the file says it.
    public var caseName: String?
    /// The members: users and role groups.
    public var members: [DirectoryEntry]

    /// Creates a member list.
    public init(caseName: String? = nil, members: [DirectoryEntry]) {
        self.caseName = caseName
        self.members = members
    }
}

/// Everything the token cannot show, gathered from exports. Each field is `nil` when not given:
/// requirements that need it then evaluate to *unknown*, never to met.
public struct Evidence: Sendable, Equatable {
    /// The case the call targets (`--case`).
    public var caseName: String?
    /// Case membership (`--case-members`).
    public var caseMembers: CaseMembers?
    /// Role groups (`--role-groups`).
    public var roleGroups: [RoleGroup]?
    /// eDiscovery Administrators (`--case-admins`).
    public var caseAdmins: [DirectoryEntry]?
    /// Purview collection role assignments (`--purview-policies`, `--collections`).
    public var purview: PurviewAccess?
    /// The Purview collection the call targets (`--collection`).
    public var collectionName: String?
    /// Entra directory role assignments and eligibilities (`--directory-roles`).
    public var directoryRoles: DirectoryRoleAssignments?
    /// "I changed the grant at…" (`--changed-at`).
    public var changedAt: Date?

    /// No evidence.
    public init() {}
}
