/// The evidence table: one row per kind of export permcheck reads. Everything that names an evidence kind — the
/// command-line option (``optionName``), the pre-flight plan, batch and MCP key and the rule-example key (``key``),
/// the reader, the command that exports it, what the "evidence read" report counts and warns about, and the personal
/// data `--redact` replaces — comes from this row.
///
/// Adding an evidence kind: one row in ``all``, its reader (``read``), a stored property on ``Evidence`` for what the
/// reader produces, and the requirement checker that uses it.
public struct EvidenceKind: Sendable {
    /// The key in plans, batch lines, MCP calls and rule examples, e.g. `caseMembers`. The option is derived from it.
    public let key: String
    /// What the file holds, for help texts and messages, e.g. "eDiscovery case members".
    public let summary: String
    /// Where the export runs, e.g. "Security & Compliance PowerShell (Connect-IPPSSession)"; `nil` for a plain shell.
    public let environment: String?
    /// The export command; `{case}` stands for the target case.
    public let command: String
    /// The file the export command writes.
    public let fileName: String
    /// The requirement kinds whose checks read this evidence.
    public let readBy: Set<RequirementKind>
    /// Reads one parsed file into the evidence; `path` names it in errors.
    let read: @Sendable (JSONValue, String, inout Evidence) throws(PermcheckError) -> Void
    /// How many entries this kind put into the evidence (for the "evidence read" report).
    let entryCount: @Sendable (Evidence) -> Int
    /// The personal data this kind put into the evidence, as (value, placeholder kind) for `--redact`.
    let personalData: @Sendable (Evidence) -> [(value: String?, kind: String)]
    /// What the file left undecided, for the "evidence read" report (the shape detected is passed in); counts only.
    var warnings: @Sendable (Evidence, EvidenceShape) -> [String] = { _, _ in [] }

    /// The command-line option: the key in kebab case (`caseMembers` → `--case-members`).
    public var optionName: String {
        var name = "--"
        for character in key {
            if character.isUppercase { name += "-" + character.lowercased() } else { name.append(character) }
        }
        return name
    }

    /// The one-line instruction shown when this evidence is missing: where to run what, and how to pass the result.
    /// `{principal}` in the command becomes `principal` (the token's `oid`) or `<object id>`.
    public func exportInstruction(caseName: String?, principal: String? = nil) -> String {
        let command = command.replacingOccurrences(of: "{case}", with: caseName ?? "<case name>")
            .replacingOccurrences(of: "{principal}", with: principal ?? "<object id>")
        let place = environment.map { "Run in \($0): " } ?? "Run: "
        return place + command + ", then pass \(optionName) \(fileName)"
    }

    /// The row for a key, if any.
    public static func named(_ key: String) -> EvidenceKind? { all.first { $0.key == key } }

    /// The keys, in table order.
    public static var keys: [String] { all.map(\.key) }

    /// Every evidence kind, in the order the pipeline reads them (a later row may build on an earlier one:
    /// Purview policies on the collections' hierarchy).
    public static let all: [EvidenceKind] = [caseMembers, roleGroups, caseAdmins, collections, purviewPolicies,
                                             sitePermissions, appAccessPolicies, exchangeRoleAssignments, groupMembers, mailboxPermissions,
                                             directoryRoles, subscriptions, governancePolicies]

    public static let caseMembers = EvidenceKind(
        key: "caseMembers", summary: "eDiscovery case members",
        environment: EvidenceKind.compliancePowerShell,
        command: "Get-ComplianceCaseMember -Case \"{case}\" | ConvertTo-Json -Depth 5 | Out-File case-members.json",
        fileName: "case-members.json",
        readBy: [.caseMembership],
        read: { value, path, evidence throws(PermcheckError) in
            let members = try EvidenceReader.caseMembers(value, path: path)
            evidence.caseMembers = members
            if evidence.caseName == nil { evidence.caseName = members.caseName }
        },
        entryCount: { $0.caseMembers?.members.count ?? 0 },
        personalData: { evidence in (evidence.caseMembers?.members ?? []).flatMap(\.personalData) },
        warnings: { evidence, _ in
            let caseless = evidence.caseMembers?.caseName == nil && evidence.caseName == nil
            return (caseless ? ["neither the file nor --case names the case: the list is taken to be for the case checked"] : [])
                + EvidenceRead.entriesWithoutIDs(evidence.caseMembers?.members ?? [])
        })

    public static let roleGroups = EvidenceKind(
        key: "roleGroups", summary: "Purview role groups with their roles and members",
        environment: EvidenceKind.compliancePowerShell,
        command: "Get-RoleGroup | ConvertTo-Json -Depth 5 | Out-File role-groups.json",
        fileName: "role-groups.json",
        readBy: [.purviewRole, .caseMembership],
        read: { value, path, evidence throws(PermcheckError) in evidence.roleGroups = try EvidenceReader.roleGroups(value, path: path) },
        entryCount: { $0.roleGroups?.count ?? 0 },
        personalData: { evidence in (evidence.roleGroups ?? []).flatMap(\.members).flatMap(\.personalData) },
        warnings: { evidence, _ in
            let groups = evidence.roleGroups ?? []
            var warnings = groups.isEmpty ? ["no role groups: the export is incomplete (built-in role groups always exist)"] : []
            let noRoles = groups.filter { !$0.rolesExported }.count, noMembers = groups.filter { !$0.membersExported }.count
            if noRoles > 0 { warnings.append("\(noRoles) role group(s) without 'Roles': their roles are unknown") }
            if noMembers > 0 { warnings.append("\(noMembers) role group(s) without 'Members': their members are unknown") }
            return warnings
        })

    public static let caseAdmins = EvidenceKind(
        key: "caseAdmins", summary: "eDiscovery Administrators",
        environment: EvidenceKind.compliancePowerShell,
        command: "Get-eDiscoveryCaseAdmin | ConvertTo-Json -Depth 5 | Out-File case-admins.json",
        fileName: "case-admins.json",
        readBy: [.caseMembership, .caseAdmin],
        read: { value, path, evidence throws(PermcheckError) in evidence.caseAdmins = try EvidenceReader.caseAdmins(value, path: path) },
        entryCount: { $0.caseAdmins?.count ?? 0 },
        personalData: { evidence in (evidence.caseAdmins ?? []).flatMap(\.personalData) },
        warnings: { evidence, shape in
            let ambiguous = shape == .recipients || shape == .names
            return (ambiguous ? ["a user list cannot be told apart from Get-ComplianceCaseMember output; make sure it is Get-eDiscoveryCaseAdmin"] : [])
                + EvidenceRead.entriesWithoutIDs(evidence.caseAdmins ?? [])
        })

    public static let collections = EvidenceKind(
        key: "collections", summary: "Purview collections (the hierarchy roles inherit through)",
        environment: nil,
        command: "az rest --method get --resource https://purview.azure.net --url \"https://<account>.purview.azure.com/account/collections?api-version=2019-11-01-preview\" > collections.json",
        fileName: "collections.json",
        readBy: [.collectionRole],
        read: { value, path, evidence throws(PermcheckError) in
            var access = evidence.purview ?? PurviewAccess()
            try PurviewEvidenceReader.readCollections(value, path: path, into: &access)
            evidence.purview = access
        },
        entryCount: { $0.purview?.collections.values.filter(\.listed).count ?? 0 },
        personalData: { _ in [] })

    public static let purviewPolicies = EvidenceKind(
        key: "purviewPolicies", summary: "Purview metadata policies (collection role assignments)",
        environment: nil,
        command: "az rest --method get --resource https://purview.azure.net --url \"https://<account>.purview.azure.com/policystore/metadataPolicies?api-version=2021-07-01\" > policies.json",
        fileName: "policies.json",
        readBy: [.collectionRole],
        read: { value, path, evidence throws(PermcheckError) in
            var access = evidence.purview ?? PurviewAccess()
            try PurviewEvidenceReader.readPolicies(value, path: path, into: &access)
            evidence.purview = access
        },
        entryCount: { $0.purview?.collections.values.filter(\.policyExported).count ?? 0 },
        personalData: { evidence in
            (evidence.purview?.assignments ?? []).flatMap { ($0.principalIDs + $0.groupIDs).map { (value: $0, kind: "id") } }
        },
        warnings: { evidence, _ in
            let collections = evidence.purview?.collections.values ?? [:].values
            let missing = Set(collections.compactMap { $0.parentName?.lowercased() }).filter { evidence.purview?.collections[$0]?.policyExported != true }
            return missing.isEmpty ? [] : ["no policy for parent collection(s) \(missing.sorted().joined(separator: ", ")): roles inherited through them are unknown"]
        })

    public static let sitePermissions = EvidenceKind(
        key: "sitePermissions", summary: "per-site grants of *.Selected apps (GET /sites/{id}/permissions)",
        environment: nil,
        command: "az rest --method get --url \"https://graph.microsoft.com/v1.0/sites/<site-id>/permissions\" > site-permissions.json (or Get-MgSitePermission -SiteId <site-id> | ConvertTo-Json -Depth 5 | Out-File site-permissions.json)",
        fileName: "site-permissions.json",
        readBy: [.resourceGrant],
        read: { value, path, evidence throws(PermcheckError) in evidence.resourceGrants = try ResourceGrantReaders.sitePermissions(value, path: path) },
        entryCount: { $0.resourceGrants?.grants.count ?? 0 },
        personalData: { evidence in (evidence.resourceGrants?.grants ?? []).flatMap { $0.users.map { (value: $0, kind: "user") } } })

    public static let appAccessPolicies = EvidenceKind(
        key: "appAccessPolicies", summary: "Exchange application access policies, or Test-ApplicationAccessPolicy output",
        environment: EvidenceKind.exchangePowerShell,
        command: "Get-ApplicationAccessPolicy | ConvertTo-Json -Depth 5 | Out-File app-access-policies.json",
        fileName: "app-access-policies.json",
        readBy: [.mailboxAccessPolicy],
        read: { value, path, evidence throws(PermcheckError) in evidence.appAccess = try ResourceGrantReaders.appAccessPolicies(value, path: path) },
        entryCount: { ($0.appAccess?.policies.count ?? 0) + ($0.appAccess?.tests.count ?? 0) },
        personalData: { evidence in (evidence.appAccess?.tests ?? []).flatMap { [(value: $0.mailbox, kind: "user"), (value: $0.mailboxID, kind: "id")] } })

    public static let exchangeRoleAssignments = EvidenceKind(
        key: "exchangeRoleAssignments", summary: "Exchange RBAC for Applications role assignments",
        environment: EvidenceKind.exchangePowerShell,
        command: "Get-ManagementRoleAssignment -RoleAssigneeType ServicePrincipal | ConvertTo-Json -Depth 5 | Out-File exchange-role-assignments.json",
        fileName: "exchange-role-assignments.json",
        readBy: [.mailboxAppRole, .mailboxAccessPolicy],
        read: { value, path, evidence throws(PermcheckError) in evidence.exchangeRoles = try ResourceGrantReaders.exchangeRoleAssignments(value, path: path) },
        entryCount: { ($0.exchangeRoles?.assignments.count ?? 0) + ($0.exchangeRoles?.tests.count ?? 0) },
        personalData: { _ in [] })

    public static let groupMembers = EvidenceKind(
        key: "groupMembers", summary: "members of the group an access policy is scoped to",
        environment: nil,
        command: "Get-MgGroupMember -GroupId <group-id> -All | ConvertTo-Json -Depth 5 | Out-File group-members.json (or Get-DistributionGroupMember -Identity <group> | ConvertTo-Json -Depth 5)",
        fileName: "group-members.json",
        readBy: [.mailboxAccessPolicy],
        read: { value, path, evidence throws(PermcheckError) in evidence.groupMembers = try ResourceGrantReaders.groupMembers(value, path: path) },
        entryCount: { $0.groupMembers?.members.count ?? 0 },
        personalData: { evidence in (evidence.groupMembers?.members ?? []).flatMap(\.personalData) })

    public static let mailboxPermissions = EvidenceKind(
        key: "mailboxPermissions", summary: "mailbox and folder permissions (Get-MailboxPermission, Get-MailboxFolderPermission)",
        environment: EvidenceKind.exchangePowerShell,
        command: "Get-MailboxPermission -Identity <user> | ConvertTo-Json -Depth 5 | Out-File mailbox-permissions.json",
        fileName: "mailbox-permissions.json",
        readBy: [.mailboxDelegation],
        read: { value, path, evidence throws(PermcheckError) in evidence.mailboxPermissions = try ResourceGrantReaders.mailboxPermissions(value, path: path) },
        entryCount: { $0.mailboxPermissions?.count ?? 0 },
        personalData: { evidence in (evidence.mailboxPermissions ?? []).flatMap { $0.user.personalData + [(value: $0.mailbox, kind: "user")] } })

    public static let directoryRoles = EvidenceKind(
        key: "directoryRoles", summary: "Entra directory role assignments or PIM eligibilities of the signed-in user",
        environment: "Microsoft Graph PowerShell (Connect-MgGraph -Scopes RoleManagement.Read.Directory)",
        command: "Get-MgRoleManagementDirectoryRoleAssignment -Filter \"principalId eq '{principal}'\" -ExpandProperty RoleDefinition | ConvertTo-Json -Depth 5 | Out-File directory-roles.json",
        fileName: "directory-roles.json",
        readBy: [.directoryRole],
        read: { value, path, evidence throws(PermcheckError) in evidence.directoryRoles = try DirectoryRoleEvidenceReader.read(value, path: path) },
        entryCount: { $0.directoryRoles?.assignments.count ?? 0 },
        personalData: { evidence in (evidence.directoryRoles?.assignments ?? []).map { (value: $0.principalID, kind: "id") } },
        warnings: { evidence, _ in
            let undefined = (evidence.directoryRoles?.assignments ?? []).filter { $0.actions == nil && GraphRoleTable.embedded.roleName($0.roleID) == nil }.count
            return undefined > 0 ? ["\(undefined) custom role(s) without their definition (-ExpandProperty RoleDefinition): their actions are unknown"] : []
        })

    static let compliancePowerShell = "Security & Compliance PowerShell (Connect-IPPSSession)"
    static let exchangePowerShell = "Exchange Online PowerShell (Connect-ExchangeOnline)"
}

extension DirectoryEntry {
    /// The personal data of one entry, for `--redact` (role-group names are not personal).
    var personalData: [(value: String?, kind: String)] {
        var values: [(value: String?, kind: String)] = [(windowsLiveID, "user"), (primarySmtpAddress, "user"), (objectID, "id")]
        if !isRoleGroup { values += [(displayName, "name"), (name, "name"), (alias, "name")] }
        return values
    }
}
