import Foundation

/// A Purview role group: its roles and members (`Get-RoleGroup`, `Get-RoleGroupMember`, or the plain form).
public struct RoleGroup: Sendable, Equatable {
    /// `Name`, e.g. `eDiscoveryManager`.
    public var name: String
    /// `DisplayName`, e.g. `eDiscovery Manager`.
    public var displayName: String?
    /// Role names, e.g. `Export`, `Case Management`.
    public var roles: [String] { didSet { roleKeys = Set(roles.map(RoleGroup.key)) } }
    /// Members: users, mail-enabled security groups, service principals.
    public var members: [DirectoryEntry] { didSet { memberIndex = DirectoryIndex(members) } }
    /// `WhenChangedUTC` (or `WhenCreatedUTC`), when exported.
    public var changedAt: Date?
    /// `false` when the export has no `Roles` key (e.g. `Select-Object Name, Members`): its roles are unknown.
    public var rolesExported: Bool
    /// `false` when the export has no `Members` key, or it is null: its members are unknown.
    public var membersExported: Bool
    private(set) var roleKeys: Set<String>
    private(set) var memberIndex: DirectoryIndex

    /// Creates a role group.
    public init(name: String, displayName: String? = nil, roles: [String], members: [DirectoryEntry], changedAt: Date? = nil,
                rolesExported: Bool = true, membersExported: Bool = true) {
        self.name = name
        self.displayName = displayName
        self.roles = roles
        self.members = members
        self.changedAt = changedAt
        self.rolesExported = rolesExported
        self.membersExported = membersExported
        roleKeys = Set(roles.map(RoleGroup.key))
        memberIndex = DirectoryIndex(members)
    }

    /// Whether `text` names this group (Name or DisplayName, case-insensitive, spaces ignored).
    public func isNamed(_ text: String) -> Bool {
        let key = RoleGroup.key(text)
        return RoleGroup.key(name) == key || displayName.map(RoleGroup.key) == key
    }

    /// Whether the group carries `role` (case-insensitive, spaces ignored).
    public func hasRole(_ role: String) -> Bool { roleKeys.contains(RoleGroup.key(role)) }

    /// The label shown in messages.
    public var label: String { displayName ?? name }

    static func key(_ text: String) -> String {
        text.lowercased().filter { $0 != " " && $0 != "-" && $0 != "_" }
    }
}

/// Role groups by normalised `Name` and `DisplayName`, built once when the export is read.
public struct RoleGroupIndex: Sendable, Equatable {
    private var positions: [String: Int] = [:]

    public static func == (lhs: RoleGroupIndex, rhs: RoleGroupIndex) -> Bool { true }  // derived from the groups

    init(_ groups: [RoleGroup]) {
        for (position, group) in groups.enumerated() {
            for key in [group.name, group.displayName].compactMap({ $0.map(RoleGroup.key) }) where positions[key] == nil {
                positions[key] = position
            }
        }
    }

    /// The group a case member entry names (by `Name` or `DisplayName`).
    func group(for entry: DirectoryEntry, in groups: [RoleGroup]) -> RoleGroup? {
        for text in [entry.name, entry.displayName].compactMap({ $0 }) {
            if let position = positions[RoleGroup.key(text)] { return groups[position] }
        }
        return nil
    }
}

/// Members of one eDiscovery case (`Get-ComplianceCaseMember -Case NAME`, or Graph's `caseMembers`).
public struct CaseMembers: Sendable, Equatable {
    /// The case the list is for: named in the file (`{"case": …}`), else the case given with it (`--case`).
    public var caseName: String?
    /// The members: users and role groups.
    public var members: [DirectoryEntry] { didSet { index = DirectoryIndex(members) } }
    /// `true` when neither the file nor `--case` says which case the list is for while batch lines name cases:
    /// the list cannot be applied to any of them.
    public var caseUnstated = false
    private(set) var index: DirectoryIndex

    /// Creates a member list.
    public init(caseName: String? = nil, members: [DirectoryEntry]) {
        self.caseName = caseName
        self.members = members
        index = DirectoryIndex(members)
    }

    /// Whether the list is for `target` (names compared case-insensitively, surrounding spaces ignored).
    public func isFor(_ target: String) -> Bool {
        guard let caseName else { return true }
        return caseName.trimmingCharacters(in: .whitespaces).caseInsensitiveCompare(target.trimmingCharacters(in: .whitespaces)) == .orderedSame
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
    public var roleGroups: [RoleGroup]? { didSet { roleGroupIndex = RoleGroupIndex(roleGroups ?? []) } }
    /// `roleGroups` by name.
    private(set) var roleGroupIndex = RoleGroupIndex([])
    /// eDiscovery Administrators (`--case-admins`).
    public var caseAdmins: [DirectoryEntry]?
    /// Purview collection role assignments (`--purview-policies`, `--collections`).
    public var purview: PurviewAccess?
    /// The Purview collection the call targets (`--collection`).
    public var collectionName: String?
    /// Entra directory role assignments and eligibilities (`--directory-roles`).
    public var directoryRoles: DirectoryRoleAssignments?
    /// App grants on the target site, list, item or file (`--site-permissions`).
    public var resourceGrants: ResourceGrants?
    /// Exchange application access policies and/or their test results (`--app-access-policies`).
    public var appAccess: AppAccessEvidence?
    /// Exchange RBAC for Applications role assignments and/or test results (`--exchange-role-assignments`).
    public var exchangeRoles: ExchangeRoleEvidence?
    /// Group members (`--group-members`), e.g. an access policy's scope group.
    public var groupMembers: GroupMembers?
    /// Mailbox and folder permissions (`--mailbox-permissions`).
    public var mailboxPermissions: [MailboxPermission]?
    /// What each evidence file contributed, by evidence kind key (`caseMembers`, …), for the report.
    public var read: [String: EvidenceRead] = [:]
    /// The tenant's subscribed SKUs (`--subscriptions`).
    public var subscriptions: [SubscribedSku]?
    /// Unified Catalog role assignments (`--governance-policies`).
    public var governance: GovernanceAccess?
    /// "I changed the grant at…" (`--changed-at`).
    public var changedAt: Date?

    /// No evidence.
    public init() {}
}
