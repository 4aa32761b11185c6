import Foundation

extension ResourceGrantReaders {
    /// The per-resource grant exports, each with the option that reads it and the keys that give it away.
    enum Shape: CaseIterable {
        case sitePermissions, appAccessPolicies, exchangeRoleAssignments, groupMembers, mailboxPermissions

        var option: String {
            switch self {
            case .sitePermissions: "--site-permissions"
            case .appAccessPolicies: "--app-access-policies"
            case .exchangeRoleAssignments: "--exchange-role-assignments"
            case .groupMembers: "--group-members"
            case .mailboxPermissions: "--mailbox-permissions"
            }
        }

        var export: String {
            switch self {
            case .sitePermissions: "GET /sites/{site}/permissions or Get-MgSitePermission"
            case .appAccessPolicies: "Get-ApplicationAccessPolicy or Test-ApplicationAccessPolicy"
            case .exchangeRoleAssignments: "Get-ManagementRoleAssignment or Test-ServicePrincipalAuthorization"
            case .groupMembers: "Get-MgGroupMember or Get-DistributionGroupMember"
            case .mailboxPermissions: "Get-MailboxPermission or Get-MailboxFolderPermission"
            }
        }

        /// Keys only this export has (any one suffices).
        var telltales: [String] {
            switch self {
            case .sitePermissions: ["grantedToIdentitiesV2", "GrantedToIdentitiesV2", "grantedToV2", "GrantedToV2", "grantedToIdentities", "GrantedToIdentities"]
            case .appAccessPolicies: ["AccessCheckResult", "ScopeIdentityRaw", "PolicyScopeGroupId", "AccessRight"]
            case .exchangeRoleAssignments: ["RoleAssigneeType", "RoleAssignee", "InScope", "GrantedPermissions"]
            case .groupMembers: []
            case .mailboxPermissions: ["AccessRights", "FolderName"]
            }
        }

        /// Other evidence kinds permcheck reads elsewhere, recognised so the error names the right option.
        static let elsewhere: [(keys: [String], what: String)] = [
            (["Roles", "Members", "RoleGroupType"], "Get-RoleGroup output (--role-groups)"),
            (["CaseId", "ComplianceCaseMember"], "a case export (--case-members)"),
        ]
    }

    /// Throws when `object` is clearly another export than `kind` (its telltale keys belong to another option).
    static func expect(_ object: [String: JSONValue], kind: Shape, reader: EvidenceJSON, at location: String) throws(PermcheckError) {
        if kind.telltales.contains(where: { object[$0] != nil }) { return }
        if case .array(let items)? = object["value"], case .object(let first)? = items.first {
            return try expect(first, kind: kind, reader: reader, at: "\(location).value[0]")
        }
        for other in Shape.allCases where other != kind && other.telltales.contains(where: { object[$0] != nil }) {
            throw reader.fail(location, "this looks like \(other.export) output; pass it with \(other.option), not \(kind.option)")
        }
        if kind == .groupMembers || kind == .sitePermissions && (object["roles"] != nil || object["Roles"] != nil) { return }
        throw reader.fail(location, "expected \(kind.export) output (none of \(kind.telltales.prefix(3).joined(separator: ", ")) found)")
    }

    /// PowerShell writes an object or array nested deeper than `ConvertTo-Json -Depth` (default 2) as its type name
    /// (`System.Object[]`, `Microsoft.Graph.PowerShell.Models.…`) or as `@{…}`: such a file cannot be read reliably.
    static func refuseTruncated(_ value: JSONValue, reader: EvidenceJSON, at location: String) throws(PermcheckError) {
        switch value {
        case .null where location == "$":
            throw reader.fail(location, "the file holds null (the command returned nothing?)")
        case .string(let text) where isDepthMarker(text):
            throw reader.fail(location, "'\(text.prefix(60))' is a type name, not data: the export was cut off by ConvertTo-Json's depth limit; export again with '| ConvertTo-Json -Depth 5'")
        case .array(let items):
            for (index, item) in items.enumerated() { try refuseTruncated(item, reader: reader, at: "\(location)[\(index)]") }
        case .object(let object):
            for key in object.keys.sorted() { try refuseTruncated(object[key]!, reader: reader, at: "\(location).\(key)") }
        default:
            break
        }
    }

    static func isDepthMarker(_ text: String) -> Bool {
        if text == "System.Object[]" || text.hasPrefix("@{") && text.hasSuffix("}") { return true }
        guard !text.contains(" "), text.hasPrefix("System.") || text.hasPrefix("Microsoft.Graph.") || text.hasPrefix("Microsoft.Exchange.") else { return false }
        return text.split(separator: ".").count >= 3
    }

    /// A string, or an enum PowerShell wrote as its number (kept as text so the checker can say it cannot read it).
    static func textOrNumber(_ value: JSONValue?) throws(PermcheckError) -> String? {
        switch value {
        case .string(let text)?: text
        case .number(let number)?: "#\(number.int64.map(String.init) ?? "?")"
        default: nil
        }
    }

    /// `https://graph.microsoft.com/v1.0/$metadata#sites('a%2Cb%2Cc')/lists('l')/permissions` → `/sites/a,b,c/lists/l`.
    static func resourcePath(fromContext context: String) -> String? {
        guard let hash = context.firstIndex(of: "#") else { return nil }
        var parts: [String] = []
        for segment in context[context.index(after: hash)...].split(separator: "/") {
            guard let open = segment.firstIndex(of: "(") else {
                if segment != "permissions", segment != "$entity" { parts.append(String(segment)) }
                continue
            }
            parts.append(String(segment[..<open]))
            let inner = segment[segment.index(after: open)...].trimmingCharacters(in: CharacterSet(charactersIn: "')"))
            parts.append(inner.removingPercentEncoding ?? inner)
        }
        return parts.isEmpty ? nil : "/" + parts.joined(separator: "/").lowercased()
    }
}
