/// The evidence files permcheck reads, each with the exact command that exports it.
public enum EvidenceSource: String, Sendable, CaseIterable {
    case caseMembers = "--case-members"
    case roleGroups = "--role-groups"
    case caseAdmins = "--case-admins"
    case purviewPolicies = "--purview-policies"
    case collections = "--collections"

    /// A one-line instruction: the command to run and the option to pass its output to.
    public func command(caseName: String?) -> String {
        switch self {
        case .caseMembers:
            let name = caseName ?? "<case name>"
            return "Run in Security & Compliance PowerShell (Connect-IPPSSession): Get-ComplianceCaseMember -Case \"\(name)\" | ConvertTo-Json -Depth 5 | Out-File case-members.json, then pass --case-members case-members.json"
        case .roleGroups:
            return "Run in Security & Compliance PowerShell (Connect-IPPSSession): Get-RoleGroup | ConvertTo-Json -Depth 5 | Out-File role-groups.json, then pass --role-groups role-groups.json"
        case .caseAdmins:
            return "Run in Security & Compliance PowerShell (Connect-IPPSSession): Get-eDiscoveryCaseAdmin | ConvertTo-Json -Depth 5 | Out-File case-admins.json, then pass --case-admins case-admins.json"
        case .purviewPolicies:
            return "Run: az rest --method get --resource https://purview.azure.net --url \"https://<account>.purview.azure.com/policystore/metadataPolicies?api-version=2021-07-01\" > policies.json, then pass --purview-policies policies.json"
        case .collections:
            return "Run: az rest --method get --resource https://purview.azure.net --url \"https://<account>.purview.azure.com/account/collections?api-version=2019-11-01-preview\" > collections.json, then pass --collections collections.json"
        }
    }
}
