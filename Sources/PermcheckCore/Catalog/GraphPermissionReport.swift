/// `permcheck permissions SCOPE [--for "METHOD URL"]`: what one Graph permission grants, and — for one
/// operation — whether it is accepted and which permissions are the least-privileged alternatives.
public struct GraphPermissionReport: Sendable {
    /// The permission as the user typed it.
    public let permission: String
    /// Every operation it grants (catalogue order: by path, then method).
    public let grants: [GraphPermissionGrant]
    /// The operation asked about with `--for`, if any.
    public let operation: GraphOperation?
    /// The hand-written rules whose scope/appRole requirements name it (also permissions of APIs other than Graph).
    public let ruleUses: [RulePermissionUse]

    /// The directory-role layer of ``operation`` for delegated work/school calls, if the role table has it.
    public let directoryRole: GraphRoleRequirement?

    /// Looks `permission` up in the catalogue and in `rules`; with `operation`, also answers for that operation.
    public init(permission: String, catalog: GraphCatalog, operation: GraphOperation? = nil, roles: GraphRoleTable = .embedded,
                rules: RuleSet? = nil) {
        self.permission = permission
        grants = catalog.operations(grantedBy: permission)
        self.operation = operation
        directoryRole = operation.flatMap { $0.supports(.delegatedWork) ? roles.requirement(for: $0) : nil }
        ruleUses = rules.map { RulePermissionUse.uses(of: permission, in: $0) } ?? []
    }

    /// The schemes under which `permission` is accepted for ``operation`` (empty when it is not).
    public var schemesForOperation: [GraphPermissionScheme] {
        guard let operation else { return [] }
        return GraphPermissionScheme.allCases.filter { scheme in
            operation.permissions(for: scheme).contains { $0.caseInsensitiveCompare(permission) == .orderedSame }
        }
    }

    /// Text: the `--for` answer first when asked, then the grants grouped by resource.
    public func text() -> String {
        var lines: [String] = []
        if let operation {
            let name = "\(operation.method) \(operation.displayTemplate)"
            let schemes = schemesForOperation
            if schemes.isEmpty {
                lines.append("\(permission) does NOT allow \(name).")
            } else {
                let how = schemes.map { scheme in
                    let least = operation.leastPrivileged(for: scheme).contains { $0.caseInsensitiveCompare(permission) == .orderedSame }
                    return "\(CanReport.label(scheme).dropLast())\(least ? ", least privileged" : ", not least privileged")"
                }
                lines.append("\(permission) allows \(name) as " + how.joined(separator: "; ") + ".")
            }
            lines.append("Accepted permissions for \(name) (least privileged first):")
            for scheme in GraphPermissionScheme.allCases {
                lines.append("  \(CanReport.label(scheme).padding(toLength: 30, withPad: " ", startingAt: 0)) \(CanReport.permissionList(operation, scheme))")
            }
            if let role = directoryRole {
                lines.append("Delegated (work or school) calls also need the signed-in user's own privileges:")
                lines.append("  directory role                 \(role.summary)")
                lines.append("  source                         \(role.source)")
            } else if operation.supports(.delegatedWork) {
                lines.append("Delegated calls: permcheck has no directory-role data for this operation (outside the Entra admin surface).")
            }
            lines.append("")
        }
        if grants.isEmpty && !ruleUses.isEmpty {
            lines.append("\(permission) is not a Microsoft Graph permission in the catalogue; the hand-written rules below use it.")
        } else {
            lines.append("\(permission) grants \(grants.count) Microsoft Graph operation\(grants.count == 1 ? "" : "s")\(grants.isEmpty ? "." : ":")")
        }
        var resource: String?
        let width = grants.map(\.operation.displayTemplate.count).max() ?? 0
        for grant in grants {
            let first = Self.resource(grant.operation)
            if first != resource {
                resource = first
                lines.append("")
                lines.append(first)
            }
            let schemes = grant.schemes.map { Self.shortName($0) }.joined(separator: ", ")
            lines.append("  \(grant.operation.method.padding(toLength: 7, withPad: " ", startingAt: 0)) "
                         + "\(grant.operation.displayTemplate.padding(toLength: width, withPad: " ", startingAt: 0))  "
                         + "\(schemes)\(grant.isLeastPrivileged ? " · least privileged" : "")")
        }
        if !ruleUses.isEmpty {
            lines.append("")
            lines.append("Hand-written rules that accept \(permission) (permcheck --api RULE checks the rest of what they need):")
            let width = ruleUses.map(\.ruleID.count).max() ?? 0
            for use in ruleUses {
                let token = use.audience.map { " · token for \($0)" } ?? ""
                let label = use.confidence == .documented ? "" : " [\(use.confidence.label)]"
                lines.append("  \(use.ruleID.padding(toLength: width, withPad: " ", startingAt: 0))  \(use.schemes.map(Self.shortName).joined(separator: ", "))\(use.isLeastPrivileged ? " · least privileged" : "")\(token)\(label)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// JSON: `{permission, count, operations: [...], for: {...} | null, rules: [...]}`.
    public func json() -> JSONValue {
        func schemes(_ list: [GraphPermissionScheme]) -> JSONValue { .array(list.map { .string($0.rawValue) }) }
        var forValue: JSONValue = .null
        if let operation {
            var accepted: [String: JSONValue] = [:]
            var least: [String: JSONValue] = [:]
            for scheme in GraphPermissionScheme.allCases {
                accepted[scheme.rawValue] = .array(operation.permissions(for: scheme).map(JSONValue.string))
                least[scheme.rawValue] = .array(operation.leastPrivileged(for: scheme).map(JSONValue.string))
            }
            forValue = .object(["method": .string(operation.method), "path": .string(operation.displayTemplate),
                                "allowedAs": schemes(schemesForOperation), "accepted": .object(accepted), "leastPrivileged": .object(least),
                                "directoryRole": directoryRole?.json ?? .null])
        }
        return .object([
            "permission": .string(permission),
            "count": .number(JSONNumber(grants.count)),
            "operations": .array(grants.map { grant in
                .object(["method": .string(grant.operation.method), "path": .string(grant.operation.displayTemplate),
                         "resource": .string(Self.resource(grant.operation)), "schemes": schemes(grant.schemes),
                         "leastPrivileged": .bool(grant.isLeastPrivileged)])
            }),
            "for": forValue,
            "rules": .array(ruleUses.map { use in
                .object(["id": .string(use.ruleID), "title": .string(use.title), "schemes": .array(use.schemes.map { .string($0.rawValue) }),
                         "audience": use.audience.map(JSONValue.string) ?? .null, "leastPrivileged": .bool(use.isLeastPrivileged),
                         "sources": .array(use.sources.map(JSONValue.string)), "confidence": .string(use.confidence.rawValue)])
            }),
        ])
    }

    /// The first path segment without an OData key.
    static func resource(_ operation: GraphOperation) -> String {
        operation.displayTemplate.split(separator: "/").first.map { String($0.prefix { $0 != "(" }) } ?? "/"
    }

    /// `delegated`, `application`, `personal`.
    static func shortName(_ scheme: GraphPermissionScheme) -> String {
        switch scheme {
        case .delegatedWork: "delegated"
        case .application: "application"
        case .delegatedPersonal: "personal"
        }
    }
}

extension GraphCatalog {
    /// Every permission name the catalogue mentions, sorted (parses every line: for error messages only).
    public var permissionNames: [String] {
        var names: Set<String> = []
        for operation in operations {
            for scheme in GraphPermissionScheme.allCases { names.formUnion(operation.permissions(for: scheme)) }
        }
        return names.sorted()
    }
}
