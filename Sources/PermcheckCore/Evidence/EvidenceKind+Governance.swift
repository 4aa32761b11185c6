extension EvidenceKind {
    /// Unified Catalog role assignments (catalog level and per governance domain), for `governanceRole` requirements.
    public static let governancePolicies = EvidenceKind(
        key: "governancePolicies", summary: "Unified Catalog policies (catalog and governance-domain role assignments)",
        environment: nil,
        command: "az rest --method get --resource https://purview.azure.net --url \"https://api.purview-service.microsoft.com/datagovernance/catalog/policies?api-version=2025-09-15-preview\" > governance-policies.json (as a Data Governance Administrator; follow skipToken)",
        fileName: "governance-policies.json",
        readBy: [.governanceRole],
        read: { value, path, evidence throws(PermcheckError) in evidence.governance = try GovernanceEvidenceReader.read(value, path: path) },
        entryCount: { $0.governance?.policyCount ?? 0 },
        personalData: { evidence in
            (evidence.governance?.assignments ?? []).flatMap { ($0.principalIDs + $0.groupIDs).map { (value: $0, kind: "id") } }
        },
        warnings: { evidence, _ in
            evidence.governance?.catalogExported == false
                ? ["no catalog-level policy (dgpolicy_datagovernanceapp_*): catalog roles (Data Governance Administrator, Global Catalog Reader, Governance Domain Creator) are unknown"]
                : []
        })
}
