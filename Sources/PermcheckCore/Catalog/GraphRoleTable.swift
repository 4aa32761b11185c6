/// The directory-role layer of a delegated (work or school) Microsoft Graph operation: what the signed-in user's own
/// privileges must allow besides the app's scope. One line of `rules/graph/directory-roles.tsv`.
public struct GraphRoleRequirement: Sendable, Equatable {
    /// What the docs (or the inference) say about the signed-in user.
    public enum Access: String, Sendable, Equatable, CaseIterable {
        /// The user needs one of ``GraphRoleRequirement/roles`` (or a custom role granting one of the actions).
        case roles
        /// One of the roles suffices; without one it depends on the caller's relation to the target (owner, member,
        /// reviewer, mailbox permission …), which permcheck cannot see: unknown.
        case targetResource = "target-resource"
        /// The caller's own object or resources (`/me/…`): no role needed.
        case selfAccess = "self"
        /// Any member user may call it (default user permissions): no role needed.
        case anyMember = "any-member"
        /// Roles of another system (Microsoft Purview), not Entra roles: unknown here.
        case otherRoles = "other-roles"
        /// No documented mapping: the listed roles (if any) suffice, otherwise unknown.
        case unmapped
    }

    public let access: Access
    public let confidence: Confidence
    /// Entra roles that qualify, least privileged first.
    public let roles: [DirectoryRoleRef]
    /// Directory actions (`microsoft.directory/users/create`) a custom role may grant instead.
    public let actions: [String]
    /// Non-Entra ways to qualify (owner of the group, Purview role groups, reviewer …), as the docs name them.
    public let otherRoles: [String]
    /// The page the fact rests on.
    public let source: String
    /// Why (for inferred lines: the sibling or include it was taken from).
    public let basis: String

    public init(access: Access, confidence: Confidence, roles: [DirectoryRoleRef], actions: [String] = [],
                otherRoles: [String] = [], source: String, basis: String) {
        self.access = access
        self.confidence = confidence
        self.roles = roles
        self.actions = actions
        self.otherRoles = otherRoles
        self.source = source
        self.basis = basis
    }

    /// Whether the call needs no directory role at all.
    public var needsNoRole: Bool { access == .selfAccess || access == .anyMember }
}

/// The generated directory-role table, keyed like the catalogue (method, canonical path), plus the names of the Entra
/// built-in roles. Line format (tab-separated):
///
/// ```
/// METHOD  path  access  confidence  roleIDs  actions  otherRoles  @basis
/// BASIS   number  sourceURL  basisText
/// ROLE    templateID  name  privileged
/// ```
/// `roleIDs` and `actions` are comma-separated, `otherRoles` `;`-separated, `-` when empty; `@n` names BASIS line n.
public struct GraphRoleTable: Sendable {
    public static let columnCount = 8
    let entries: [String: GraphRoleRequirement]
    /// Role template id (lower case) → (name, privileged).
    let roleNames: [String: (name: String, privileged: Bool)]
    /// The header comment lines, without `# `.
    public let header: [String]

    /// The table embedded in the library.
    public static let embedded: GraphRoleTable = {
        do { return try GraphRoleTable(text: GraphRoleData.text) } catch {
            preconditionFailure("embedded directory-role table is malformed: \(error)")
        }
    }()

    /// Reads the table text.
    public init(text: String) throws {
        var entries: [String: GraphRoleRequirement] = [:]
        var names: [String: (String, Bool)] = [:]
        var header: [String] = []
        var bases: [String: (source: String, basis: String)] = [:]
        var pending: [(key: String, columns: [Substring], line: Int)] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
            if line.hasPrefix("#") { header.append(String(line.dropFirst(2))); continue }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            if columns.first == "BASIS" {
                guard columns.count == 4 else { throw GraphCatalogLine.FormatError(line: number + 1, reason: "BASIS line needs 4 columns") }
                bases[String(columns[1])] = (String(columns[2]), String(columns[3]))
                continue
            }
            if columns.first == "ROLE" {
                guard columns.count == 4 else { throw GraphCatalogLine.FormatError(line: number + 1, reason: "ROLE line needs 4 columns") }
                names[columns[1].lowercased()] = (String(columns[2]), columns[3] == "true")
                continue
            }
            guard columns.count == Self.columnCount, columns[1].hasPrefix("/") else {
                throw GraphCatalogLine.FormatError(line: number + 1, reason: "expected \(Self.columnCount) columns")
            }
            pending.append((Self.key(String(columns[0]), String(columns[1])), columns, number + 1))
        }
        for (key, c, line) in pending {
            guard let access = GraphRoleRequirement.Access(rawValue: String(c[2])),
                  let confidence = Confidence(rawValue: String(c[3])) else {
                throw GraphCatalogLine.FormatError(line: line, reason: "unknown access or confidence")
            }
            func list(_ cell: Substring, _ separator: Character) -> [String] {
                cell == "-" ? [] : cell.split(separator: separator).map(String.init)
            }
            let roles = try list(c[4], ",").map { id throws -> DirectoryRoleRef in
                guard let name = names[id.lowercased()]?.0 else {
                    throw GraphCatalogLine.FormatError(line: line, reason: "unknown role id \(id)")
                }
                return DirectoryRoleRef(id: id, name: name)
            }
            guard c[7].hasPrefix("@"), let basis = bases[String(c[7].dropFirst())] else {
                throw GraphCatalogLine.FormatError(line: line, reason: "unknown basis \(c[7])")
            }
            entries[key] = GraphRoleRequirement(
                access: access, confidence: confidence, roles: roles, actions: list(c[5], ","),
                otherRoles: list(c[6], ";"), source: basis.source, basis: basis.basis)
        }
        self.entries = entries
        self.roleNames = names
        self.header = header
    }

    public static func key(_ method: String, _ path: String) -> String { method + " " + path }

    /// The number of operations with a directory-role line.
    public var count: Int { entries.count }

    /// The requirement for a catalogue operation (canonical template), or `nil` when the table has none.
    /// A template with a trailing `/$ref` and one without it share a line when only one form is listed.
    public func requirement(method: String, path: String) -> GraphRoleRequirement? {
        if let hit = entries[Self.key(method, path)] { return hit }
        if path.hasSuffix("/$ref") { return entries[Self.key(method, String(path.dropLast(5)))] }
        return entries[Self.key(method, path + "/$ref")]
    }

    /// The requirement for `operation`.
    public func requirement(for operation: GraphOperation) -> GraphRoleRequirement? {
        requirement(method: operation.method, path: operation.pathTemplate)
    }

    /// The built-in role's name for a template id (as in `wids`).
    public func roleName(_ id: String) -> String? { roleNames[id.lowercased()]?.name }

    /// The template id of a built-in role name (case-insensitive).
    public func roleID(named name: String) -> String? {
        roleNames.first { $0.value.name.equalsIgnoringCase(name) }?.key
    }

    /// Every (method, path) key with its requirement, sorted (for listings and coverage).
    public var all: [(key: String, requirement: GraphRoleRequirement)] {
        entries.keys.sorted(by: GraphCatalogLine.byteOrder).map { ($0, entries[$0]!) }
    }
}

extension GraphRoleRequirement.Access {
    /// Whether roles qualify under this access (no-role and other-system classes list none).
    public var listsRoles: Bool {
        switch self {
        case .roles, .targetResource, .unmapped: true
        case .selfAccess, .anyMember, .otherRoles: false
        }
    }
}
