extension EvidenceKind {
    /// The tenant's subscribed SKUs and their service plans, for `license` requirements.
    public static let subscriptions = EvidenceKind(
        key: "subscriptions", summary: "the tenant's subscribed SKUs and their service plans (licences)",
        environment: "Microsoft Graph PowerShell (Connect-MgGraph -Scopes Organization.Read.All)",
        command: "Get-MgSubscribedSku | ConvertTo-Json -Depth 5 | Out-File subscriptions.json (or GET https://graph.microsoft.com/v1.0/subscribedSkus)",
        fileName: "subscriptions.json",
        readBy: [.license],
        read: { value, path, evidence throws(PermcheckError) in evidence.subscriptions = try EvidenceReader.subscriptions(value, path: path) },
        entryCount: { $0.subscriptions?.count ?? 0 },
        personalData: { _ in [] },
        warnings: { evidence, _ in
            let skus = evidence.subscriptions ?? []
            var warnings: [String] = []
            let inactive = skus.filter { !$0.isActive }.count
            if inactive > 0 { warnings.append("\(inactive) subscription(s) not Enabled or Warning (suspended, deleted or locked out): their plans do not count") }
            let noStatus = skus.filter { $0.capabilityStatus == nil }.count
            if noStatus > 0 { warnings.append("\(noStatus) subscription(s) without 'CapabilityStatus': taken to be working") }
            let pending = skus.flatMap(\.servicePlans).filter { $0.provisioningStatus?.lowercased().hasPrefix("pending") == true }.count
            if pending > 0 { warnings.append("\(pending) service plan(s) still pending provisioning: re-export later") }
            return warnings
        })
}
