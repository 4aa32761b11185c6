/// What an evidence file looks like, judged from its keys alone (pure). Every reader asks this first, so a file passed
/// to the wrong option is refused with the option it belongs to instead of being read as something it is not.
public enum EvidenceShape: String, Sendable, Equatable, CaseIterable {
    /// `Get-RoleGroup`: objects with `Roles` or `RoleGroupType`.
    case roleGroups = "Get-RoleGroup output"
    /// `{"<group>": {"roles": [...], "members": [...]}}`.
    case plainRoleGroups = "the plain role-group form"
    /// `Get-ComplianceCaseMember`: the `{case, members}` wrapper, or recipients that include a role group.
    case caseMembers = "Get-ComplianceCaseMember output"
    /// `GET /security/cases/ediscoveryCases/{id}/caseMembers`: `value[]` with `smtpAddress`/`recipientType`.
    case graphCaseMembers = "Graph caseMembers output"
    /// Users as `Get-ComplianceCaseMember`, `Get-eDiscoveryCaseAdmin` or `Get-RoleGroupMember` list them
    /// (`RecipientType`/`WindowsLiveID`/…): these three cannot be told apart when only users are listed.
    case recipients = "a recipient list"
    /// Plain names (strings).
    case names = "a list of names"
    /// `Get-ComplianceCase`: `CaseType`/`Status`.
    case cases = "Get-ComplianceCase output"
    /// The Metadata Policy API: `decisionRules`/`attributeRules`.
    case purviewPolicies = "a Purview metadata-policy export"
    /// The Unified Catalog policies list: `attributeRules` naming `purviewdatagovernancerole_builtin_*` roles, or
    /// policies of a governance domain (`entity`) or of the catalog (`dgpolicy_*`).
    case governancePolicies = "a Unified Catalog policy export"
    /// `{collection: {role: [ids]}}`.
    case plainPurview = "the plain Purview role form"
    /// `GET /account/collections`: `collectionProvisioningState`/`parentCollection`.
    case collections = "a Purview collections list"
    /// Entra directory role assignments, schedules or eligibilities (`roleDefinitionId` + `principalId`).
    case directoryRoleAssignments = "a directory role assignment export"
    /// `Get-MgSubscribedSku` / `GET /subscribedSkus`: `SkuPartNumber`/`ServicePlans`.
    case subscriptions = "a subscribed-SKU export"
    /// An access token (a JWT, or `az account get-access-token` / token-endpoint JSON).
    case token = "an access token"
    /// Nothing recognisable (the reader then reports the first field it cannot use).
    case unrecognised = "an unrecognised shape"

    /// Where a file of this shape belongs, as advice after "pass it as".
    public var belongsTo: String? {
        switch self {
        case .roleGroups, .plainRoleGroups: "--role-groups"
        case .caseMembers, .graphCaseMembers: "--case-members"
        case .purviewPolicies, .plainPurview: "--purview-policies"
        case .collections: "--collections"
        case .governancePolicies: "--governance-policies"
        case .directoryRoleAssignments: "--directory-roles"
        case .subscriptions: "--subscriptions"
        case .token: "the token argument (permcheck TOKEN or --token-file), not as evidence"
        case .cases: nil
        case .recipients, .names, .unrecognised: nil
        }
    }

    /// The shape of a parsed evidence file.
    public static func detect(_ value: JSONValue) -> EvidenceShape {
        switch value {
        case .string(let text):
            return looksLikeToken(text) ? .token : .names
        case .array(let items):
            if items.contains(where: { $0.stringValue.map(looksLikeToken) == true }) { return .token }
            return classify(records: items.prefix(50).compactMap(\.objectValue), strings: items.contains { $0.stringValue != nil })
        case .object(let object):
            if object["accessToken"] != nil || object["access_token"] != nil
                || object.values.contains(where: { $0.stringValue.map(looksLikeToken) == true }) { return .token }
            if case .array(let items)? = object["values"] { return items.isEmpty ? .purviewPolicies : classify(records: items.prefix(50).compactMap(\.objectValue), strings: false) }
            if case .array(let items)? = object["value"] {
                if let context = object["@odata.context"]?.stringValue?.lowercased(), context.contains("casemembers") { return .graphCaseMembers }
                if object["count"] != nil && items.isEmpty { return .collections }
                return classify(records: items.prefix(50).compactMap(\.objectValue), strings: items.contains { $0.stringValue != nil })
            }
            if object.keys.contains(where: { ["case", "Case"].contains($0) }), object.keys.contains(where: { ["members", "Members"].contains($0) }),
               object["Roles"] == nil, object["RoleGroupType"] == nil { return .caseMembers }
            if !object.isEmpty, object.values.allSatisfy({ $0.objectValue != nil }) {
                let bodies = object.values.compactMap(\.objectValue)
                if bodies.contains(where: { $0["roles"] != nil || $0["Roles"] != nil || $0["members"] != nil || $0["Members"] != nil }) { return .plainRoleGroups }
                let recordShape = classify(records: bodies, strings: false)
                if recordShape != .unrecognised { return recordShape }
                let roleLike = bodies.allSatisfy { body in
                    body.values.allSatisfy { value in
                        switch value {
                        case .array(let ids): ids.allSatisfy { $0.stringValue != nil }
                        case .string, .bool, .null: true
                        default: false
                        }
                    }
                }
                return roleLike ? .plainPurview : .unrecognised
            }
            return classify(records: [object], strings: false)
        default:
            return .unrecognised
        }
    }

    static func classify(records: [[String: JSONValue]], strings: Bool) -> EvidenceShape {
        guard !records.isEmpty else { return strings ? .names : .unrecognised }
        var keys: Set<String> = []
        for record in records {
            keys.formUnion(record.keys)
            if case .object(let properties)? = record["properties"] { keys.formUnion(properties.keys) }
        }
        if keys.contains("decisionRules") || keys.contains("attributeRules") {
            return records.contains(where: isGovernancePolicy) ? .governancePolicies : .purviewPolicies
        }
        if ["roleDefinitionId", "RoleDefinitionId"].contains(where: keys.contains) { return .directoryRoleAssignments }
        if ["SkuPartNumber", "skuPartNumber", "ServicePlans", "servicePlans"].contains(where: keys.contains) { return .subscriptions }
        if keys.contains("collectionProvisioningState") || keys.contains("parentCollection") { return .collections }
        if keys.contains("Roles") || keys.contains("RoleGroupType") { return .roleGroups }
        if keys.contains("CaseType") || keys.contains("Status") && keys.contains("CaseId") { return .cases }
        if keys.contains("smtpAddress") || keys.contains("recipientType") && !keys.contains("RecipientType") { return .graphCaseMembers }
        if ["RecipientType", "RecipientTypeDetails", "WindowsLiveID", "ExternalDirectoryObjectId", "PrimarySmtpAddress"].contains(where: keys.contains) {
            let listsRoleGroup = records.contains { $0["RecipientType"]?.stringValue?.lowercased() == "rolegroup" }
            return listsRoleGroup ? .caseMembers : .recipients
        }
        return strings ? .names : .unrecognised
    }

    /// A Unified Catalog policy: named `dgpolicy_…`, scoped by `properties.entity`, or with data-governance role rules.
    static func isGovernancePolicy(_ record: [String: JSONValue]) -> Bool {
        if record["name"]?.stringValue?.lowercased().hasPrefix("dgpolicy_") == true { return true }
        guard case .object(let properties)? = record["properties"] else { return false }
        if properties["entity"]?.objectValue != nil { return true }
        return properties["attributeRules"]?.arrayValue?.contains {
            ($0["id"]?.stringValue ?? $0["name"]?.stringValue)?.lowercased().hasPrefix(GovernanceEvidenceReader.rolePrefix) == true
        } ?? false
    }

    /// A compact JWT (`eyJ…` with two dots) or a `Bearer` header value.
    public static func looksLikeToken(_ text: String) -> Bool {
        let trimmed = text.drop { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        if trimmed.lowercased().hasPrefix("bearer ey") { return true }
        return trimmed.hasPrefix("eyJ") && trimmed.prefix(16_384).filter { $0 == "." }.count >= 1 && trimmed.count >= 16
    }

    /// Text that is an access token rather than JSON (a `.jwt` file, `Bearer …`): checked before parsing so that no
    /// parser message ever quotes it.
    static func looksLikeTokenText(_ bytes: ArraySlice<UInt8>) -> Bool {
        let start = bytes.drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0x22 }
        let head = String(decoding: start.prefix(7), as: UTF8.self)
        return head.hasPrefix("eyJ") || head.lowercased().hasPrefix("bearer ")
    }
}

/// Which option a reader serves, and which shapes it takes.
enum EvidenceTarget: String {
    case caseMembers = "--case-members"
    case caseAdmins = "--case-admins"
    case roleGroups = "--role-groups"
    case purviewPolicies = "--purview-policies"
    case collections = "--collections"
    case directoryRoles = "--directory-roles"
    case subscriptions = "--subscriptions"
    case governancePolicies = "--governance-policies"

    var accepts: Set<EvidenceShape> {
        switch self {
        case .caseMembers: [.caseMembers, .graphCaseMembers, .recipients, .names, .unrecognised]
        case .caseAdmins: [.recipients, .names, .unrecognised]
        case .roleGroups: [.roleGroups, .plainRoleGroups, .names, .unrecognised]
        case .purviewPolicies: [.purviewPolicies, .plainPurview, .names, .recipients, .unrecognised]
        case .collections: [.collections, .names, .recipients, .unrecognised]
        case .directoryRoles: [.directoryRoleAssignments, .unrecognised]
        case .subscriptions: [.subscriptions, .unrecognised]
        case .governancePolicies: [.governancePolicies, .unrecognised]
        }
    }
}

extension EvidenceShape {
    /// Refuses a value that is clearly another kind of file, a truncated export, or an empty one; returns its shape.
    static func admit(_ value: JSONValue, path: String, as target: EvidenceTarget) throws(PermcheckError) -> EvidenceShape {
        let shape = detect(value)
        if shape == .token {
            throw .evidenceInvalid(path: path, location: "", detail: "this looks like an access token, not an export; pass it as the token argument (its text is not shown)")
        }
        try EvidenceEmptiness.refuse(value, path: path, target: target)
        if !target.accepts.contains(shape) {
            throw .evidenceInvalid(path: path, location: "", detail: wrongKind(shape, target: target))
        }
        if let (location, marker) = PowerShellTruncation.find(in: value, at: "$") {
            throw .evidenceInvalid(path: path, location: location,
                                   detail: "this export was truncated by ConvertTo-Json (\(marker) in place of the value); re-export with `ConvertTo-Json -Depth 5`")
        }
        return shape
    }

    static func wrongKind(_ shape: EvidenceShape, target: EvidenceTarget) -> String {
        switch (shape, target) {
        case (.cases, _):
            return "this looks like Get-ComplianceCase output (a list of cases, not of people); export Get-ComplianceCaseMember -Case \"<case name>\" for \(target.rawValue)"
        case (.recipients, .roleGroups):
            return "this looks like Get-RoleGroupMember output, which does not name its group; use Get-RoleGroup, or wrap it as {\"<group>\": {\"roles\": [...], \"members\": <this>}}"
        case (.caseMembers, .caseAdmins), (.graphCaseMembers, .caseAdmins):
            return "this looks like \(shape.rawValue) (it lists role groups or names a case; eDiscovery Administrators are individual users); pass it as --case-members, and export Get-eDiscoveryCaseAdmin for --case-admins"
        default:
            let advice = shape.belongsTo.map { "; pass it as \($0)" } ?? ""
            return "this looks like \(shape.rawValue), not what \(target.rawValue) reads\(advice)"
        }
    }
}
