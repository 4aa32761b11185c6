/// `permcheck can TOKEN --list`: every Graph operation the token's permissions allow — delegated `scp` for
/// users (personal-account permissions for personal accounts), application `roles` for apps — grouped by
/// resource (first path segment), like `kubectl auth can-i --list`. Only permissions are considered; the
/// token's audience and lifetime are reported separately.
public struct GraphAccessList: Sendable {
    /// One allowed operation.
    public struct Entry: Sendable, Equatable {
        /// `GET`, `POST`, …
        public let method: String
        /// The template as upstream spells it.
        public let path: String
        /// The first path segment, e.g. `users`.
        public let resource: String
        /// The token's permissions that allow it, in the token's order.
        public let grantedBy: [String]
        /// Whether one of them is marked least privileged for the operation.
        public let leastPrivileged: Bool
        /// Delegated work/school tokens: the directory role the call also needs and the token does not show
        /// (see ``GraphRoleRequirement/missing(wids:)``); `nil` when none is needed or `wids` shows it.
        public var directoryRole: String? = nil
    }

    /// The scheme the token's permissions were read under.
    public let scheme: GraphPermissionScheme?
    /// The permissions considered (`scp` or `roles`).
    public let permissions: [String]
    /// Allowed operations, sorted by resource, path, method.
    public let entries: [Entry]
    /// The catalogue size, for "N of M".
    public let catalogueCount: Int
    /// The filter, if any, and how many operations the permissions allow before it ("N of M match 'X'").
    public let grep: String?
    public let allowedCount: Int

    /// Builds the list for a token; `grep` keeps entries whose `METHOD path` contains it (case-insensitive).
    public init(token: AccessToken, catalog: GraphCatalog, grep: String? = nil, roles: GraphRoleTable = .embedded) {
        let principal = token.principal
        let scheme: GraphPermissionScheme?
        let permissions: [String]
        switch principal.kind {
        case .application: (scheme, permissions) = (.application, token.claims.roles ?? [])
        case .user: (scheme, permissions) = (principal.isPersonalAccount ? .delegatedPersonal : .delegatedWork, token.claims.scopes ?? [])
        case .unknown:
            if let roles = token.claims.roles, !roles.isEmpty { (scheme, permissions) = (.application, roles) }
            else if let scopes = token.claims.scopes { (scheme, permissions) = (.delegatedWork, scopes) }
            else { (scheme, permissions) = (nil, []) }
        }
        var found: [String: (GraphOperation, [String], Bool)] = [:]
        if let scheme {
            for permission in permissions {
                for grant in catalog.operations(grantedBy: permission) where grant.schemes.contains(scheme) {
                    let key = grant.operation.pathTemplate + "\t" + grant.operation.method
                    let least = grant.operation.leastPrivileged(for: scheme).contains { $0.caseInsensitiveCompare(permission) == .orderedSame }
                    var current = found[key] ?? (grant.operation, [], false)
                    current.1.append(permission)
                    current.2 = current.2 || least
                    found[key] = current
                }
            }
        }
        let needle = grep?.lowercased()
        self.grep = grep
        allowedCount = found.count
        entries = found.values.map { operation, granted, least in
            let resource = operation.displayTemplate.split(separator: "/").first.map { String($0.prefix { $0 != "(" }) } ?? "/"
            var entry = Entry(method: operation.method, path: operation.displayTemplate, resource: resource, grantedBy: granted, leastPrivileged: least)
            if scheme == .delegatedWork {
                entry.directoryRole = roles.requirement(for: operation)?.missing(wids: token.claims.directoryRoleIDs)
            }
            return entry
        }
        .filter { needle == nil || "\($0.method) \($0.path)".lowercased().contains(needle!) }
        .sorted { ($0.resource.lowercased(), $0.path.lowercased(), $0.method) < ($1.resource.lowercased(), $1.path.lowercased(), $1.method) }
        self.scheme = scheme
        self.permissions = permissions
        catalogueCount = catalog.count
    }

    /// Text: a header line, then one block per resource.
    public func text() -> String {
        guard let scheme else {
            return "The token has neither 'scp' nor 'roles': Microsoft Graph allows no operation with it (\"Either scp or roles claim need to be present in the token\", 403).\n"
        }
        let kind = switch scheme {
        case .application: "application permissions (roles)"
        case .delegatedWork: "delegated permissions (scp)"
        case .delegatedPersonal: "delegated permissions of a personal account (scp)"
        }
        let granted = permissions.isEmpty ? "(none)" : permissions.joined(separator: " ")
        var lines = [grep.map { "\(entries.count) of \(allowedCount) operations allowed by the \(kind) match '\($0)' (\(catalogueCount) Microsoft Graph operations in the catalogue): \(granted)" }
                     ?? "\(entries.count) of \(catalogueCount) Microsoft Graph operations allowed by the \(kind): \(granted)"]
        let roleBound = entries.filter { $0.directoryRole != nil }.count
        if roleBound > 0 {
            lines.append("\(roleBound) of them also need a directory role (or access to the target) the token does not show: marked '⚠'. A delegated call needs the scope and the signed-in user's own privileges.")
        }
        var resource: String?
        let width = entries.map(\.path.count).max() ?? 0
        for entry in entries {
            if entry.resource != resource {
                resource = entry.resource
                lines.append("")
                lines.append("\(entry.resource) (\(entries.filter { $0.resource == entry.resource }.count))")
            }
            let via = entry.grantedBy.joined(separator: ", ") + (entry.leastPrivileged ? " (least privileged)" : "")
            lines.append("  \(entry.method.padding(toLength: 7, withPad: " ", startingAt: 0)) \(entry.path.padding(toLength: width, withPad: " ", startingAt: 0))  \(via)"
                         + (entry.directoryRole.map { "  ⚠ " + $0 } ?? ""))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// JSON: `{scheme, permissions, count, catalogueOperations, operations: [{method, path, resource, grantedBy, leastPrivileged, directoryRole}]}`.
    public func json() -> JSONValue {
        var object: [String: JSONValue] = [
            "scheme": scheme.map { .string($0.rawValue) } ?? .null,
            "permissions": .array(permissions.map(JSONValue.string)),
            "count": .number(JSONNumber(entries.count)),
            "catalogueOperations": .number(JSONNumber(catalogueCount)),
            "operations": .array(entries.map { entry in
                .object(["method": .string(entry.method), "path": .string(entry.path), "resource": .string(entry.resource),
                         "grantedBy": .array(entry.grantedBy.map(JSONValue.string)), "leastPrivileged": .bool(entry.leastPrivileged),
                         "directoryRole": entry.directoryRole.map(JSONValue.string) ?? .null])
            }),
        ]
        if let grep {
            object["grep"] = .string(grep)
            object["allowedOperations"] = .number(JSONNumber(allowedCount))
        }
        return .object(object)
    }
}
