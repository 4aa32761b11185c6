import Foundation

/// A Purview (data governance) collection and its place in the hierarchy.
public struct PurviewCollection: Sendable, Equatable {
    /// The generated collection name used by the APIs (often 6 characters).
    public var name: String
    /// The name shown in the portal.
    public var friendlyName: String?
    /// The parent collection's `name`, `nil` for the root.
    public var parentName: String?
    /// Whether the collection restricts inheritance of roles from its parent.
    public var restrictsInheritance: Bool
    /// Whether this collection's own metadata policy (or its plain-form entry) was exported: only then are its role
    /// assignments and its inheritance setting known.
    public var policyExported = true
    /// Whether the collections list (`--collections`) lists it: then its parent is known even without its policy.
    public var listed = false

    /// Whether the parent is known (from the policy or the collections list); `parentName == nil` then means root.
    public var parentKnown: Bool { policyExported || listed }

    /// Creates a collection.
    public init(name: String, friendlyName: String? = nil, parentName: String? = nil, restrictsInheritance: Bool = false) {
        self.name = name
        self.friendlyName = friendlyName
        self.parentName = parentName
        self.restrictsInheritance = restrictsInheritance
    }
}

/// One role on one collection, held by principals (object ids) and groups (group object ids).
public struct PurviewRoleAssignment: Sendable, Equatable {
    /// The collection `name`.
    public var collection: String
    /// The role key without prefix, e.g. `data-curator`, `collection-administrator`.
    public var role: String
    /// User or service principal object ids.
    public var principalIDs: [String]
    /// Group object ids.
    public var groupIDs: [String]
    /// When the policy last changed (`systemData.lastModifiedAt`), when exported.
    public var changedAt: Date?

    /// Creates an assignment.
    public init(collection: String, role: String, principalIDs: [String], groupIDs: [String] = [], changedAt: Date? = nil) {
        self.collection = collection
        self.role = role
        self.principalIDs = principalIDs
        self.groupIDs = groupIDs
        self.changedAt = changedAt
    }
}

/// Collection role assignments of a Purview account plus its collection tree.
public struct PurviewAccess: Sendable, Equatable {
    /// Collections by `name` (lower-cased key).
    public var collections: [String: PurviewCollection]
    /// Role assignments as exported.
    public var assignments: [PurviewRoleAssignment]

    /// Creates the evidence.
    public init(collections: [String: PurviewCollection] = [:], assignments: [PurviewRoleAssignment] = []) {
        self.collections = collections
        self.assignments = assignments
    }
}
