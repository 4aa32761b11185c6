import Foundation

/// One Entra directory role assignment or PIM eligibility of a principal (`--directory-roles`).
public struct DirectoryRoleAssignment: Sendable, Equatable {
    /// `principalId`: the user, or the role-assignable group the role is assigned to.
    public var principalID: String?
    /// The role's template id (the `wids` value) for built-in roles, else the custom role definition's id.
    public var roleID: String
    /// `roleDefinition.displayName`, when expanded.
    public var roleName: String?
    /// `roleDefinition.isBuiltIn`; `nil` when the definition was not expanded.
    public var isBuiltIn: Bool?
    /// `roleDefinition.rolePermissions[].allowedResourceActions`; `nil` when the definition was not expanded.
    public var actions: [String]?
    /// `directoryScopeId`: `/` tenant-wide, `/administrativeUnits/<id>`, or `/<object id>`.
    public var scope: String
    /// PIM eligibility (must be activated first), not an active assignment.
    public var isEligible: Bool
    /// `memberType`: `Direct`, `Group`, `Inherited` (schedules only).
    public var memberType: String?
    /// When the assignment, activation or eligibility began (`startDateTime`, `scheduleInfo.startDateTime`, `createdDateTime`).
    public var startedAt: Date?

    public init(principalID: String?, roleID: String, roleName: String? = nil, isBuiltIn: Bool? = nil, actions: [String]? = nil,
                scope: String = "/", isEligible: Bool = false, memberType: String? = nil, startedAt: Date? = nil) {
        self.principalID = principalID
        self.roleID = roleID
        self.roleName = roleName
        self.isBuiltIn = isBuiltIn
        self.actions = actions
        self.scope = scope
        self.isEligible = isEligible
        self.memberType = memberType
        self.startedAt = startedAt
    }

    /// Whether the assignment applies tenant-wide.
    public var isTenantWide: Bool { scope == "/" || scope.isEmpty }

    /// The administrative unit id of an AU-scoped assignment.
    public var administrativeUnit: String? {
        let prefix = "/administrativeunits/"
        guard scope.lowercased().hasPrefix(prefix) else { return nil }
        return String(scope.dropFirst(prefix.count))
    }

    /// Whether the role grants `action`: exactly, or through `…/allProperties/allTasks`, `…/allTasks` or
    /// `…/allProperties/<verb>` on the same entity (the role-definition wildcards).
    public func grants(_ action: String) -> Bool {
        let wanted = action.lowercased()
        return (actions ?? []).contains { granted in
            let have = granted.lowercased()
            if have == wanted { return true }
            for wildcard in ["/allproperties/alltasks", "/alltasks"] where have.hasSuffix(wildcard) {
                if wanted.hasPrefix(String(have.dropLast(wildcard.count)) + "/") { return true }
            }
            if let range = have.range(of: "/allproperties/") {
                let entity = have[..<range.lowerBound], verb = have[range.upperBound...]
                if wanted.hasPrefix(entity + "/"), wanted.hasSuffix("/" + verb) { return true }
            }
            return false
        }
    }
}

/// The directory role assignments and eligibilities of `--directory-roles`.
public struct DirectoryRoleAssignments: Sendable, Equatable {
    public var assignments: [DirectoryRoleAssignment]
    /// The export lists transitive assignments (`transitiveRoleAssignments`): a group's principal id counts for its members.
    public var isTransitive: Bool

    public init(assignments: [DirectoryRoleAssignment], isTransitive: Bool = false) {
        self.assignments = assignments
        self.isTransitive = isTransitive
    }

    /// The entries that are the caller's: its own principal id, a group-based schedule entry, or any entry of a transitive export.
    public func held(by objectID: String) -> [DirectoryRoleAssignment] {
        assignments.filter { entry in
            entry.principalID?.equalsIgnoringCase(objectID) == true || isTransitive
                || ["group", "inherited"].contains(entry.memberType?.lowercased() ?? "")
        }
    }
}
