import Foundation

/// Evidence checks for Unified Catalog (new Purview portal) roles: catalog-level roles count everywhere, governance
/// domain roles only on the domain the call targets.
extension RequirementChecker {
    /// Role keys assigned at catalog level (the rest are governance-domain roles).
    static let catalogLevelGovernanceRoles: Set<String> = ["datagovernance-administrator", "global-catalog-reader", "business-domain-creator",
                                                           "data-health-owner", "data-health-reader", "global-asset-curator"]

    func governanceRole(_ roles: [String]) -> CheckResult {
        let wanted = roles.map(GovernanceEvidenceReader.roleKey)
        let wantedText = roles.joined(separator: " or ")
        guard let access = input.evidence.governance else {
            return result(outcome: .unknown, message: "Unified Catalog role assignments were not given; the call needs \(wantedText).",
                          collect: EvidenceKind.governancePolicies.exportInstruction(caseName: nil))
        }
        let held = access.assignments.filter { wanted.contains(GovernanceEvidenceReader.roleKey($0.role)) && principal.holds($0) }
        if let hit = held.first(where: { $0.collection == GovernanceAccess.catalogScope }) {
            return result(outcome: .met, message: "\(who) holds \(hit.role) at catalog level.")
        }
        // The URL names the domain for domain calls; for calls that carry it in the body, --collection gives it.
        let target = (GovernanceDomainTarget.fromURL(input.request.url) ?? input.evidence.collectionName)?.lowercased()
        if let target, let hit = held.first(where: { $0.collection == target }) {
            return result(outcome: .met, message: "\(who) holds \(hit.role) on governance domain \(target).")
        }
        let catalogWanted = wanted.contains(where: Self.catalogLevelGovernanceRoles.contains)
        if catalogWanted && !access.catalogExported {
            return result(outcome: .unknown, message: "Whether \(who) holds \(wantedText) at catalog level is unknown: the export has no catalog-level policy (dgpolicy_datagovernanceapp_*).",
                          collect: EvidenceKind.governancePolicies.exportInstruction(caseName: nil))
        }
        let domainWanted = wanted.contains { !Self.catalogLevelGovernanceRoles.contains($0) }
        if domainWanted, let target, !access.domains.contains(target) {
            return result(outcome: .unknown, message: "Whether \(who) holds \(wantedText) on governance domain \(target) is unknown: that domain's policy is not in the export.",
                          collect: EvidenceKind.governancePolicies.exportInstruction(caseName: nil))
        }
        if domainWanted, target == nil, let elsewhere = held.first {
            return result(outcome: .unknown,
                          message: "\(who) holds \(elsewhere.role) on governance domain \(elsewhere.collection), but the request URL does not name the domain it acts on (it is in the request body), so whether the role reaches it is unknown.",
                          hint: "Domain roles count only in their own governance domain.",
                          collect: "Pass --collection <governance domain id> (the domain id in the request body; here \(Set(held.map(\.collection)).sorted().joined(separator: " or ")) would do).")
        }
        if principal.kind == .application, let appID = principal.appID, principal.objectID?.caseInsensitiveCompare(appID) != .orderedSame,
           access.assignments.contains(where: { wanted.contains(GovernanceEvidenceReader.roleKey($0.role)) && $0.principalIDs.contains { $0.equalsIgnoringCase(appID) } }) {
            return result(outcome: .unmet,
                          message: "\(who) holds no \(wantedText): an assignment lists the application (client) id \(appID), but Unified Catalog roles match the service principal's object id ('oid').",
                          hint: "Assign the role to the service principal's object id (Enterprise applications → the app → Object ID).")
        }
        let groupsHidden = principal.groupIDs.isEmpty || principal.hasGroupsOverage
        let groupAssigned = access.assignments.contains { wanted.contains(GovernanceEvidenceReader.roleKey($0.role)) && !$0.groupIDs.isEmpty }
        let scopeText = target.map { "at catalog level or on governance domain \($0)" } ?? (domainWanted ? "at catalog level or on any governance domain in the export" : "at catalog level")
        if groupsHidden && groupAssigned {
            return result(outcome: .unknown,
                          message: "\(who) holds no \(wantedText) \(scopeText) by object id; some assignments go to groups and the token has \(principal.hasGroupsOverage ? "a groups overage marker" : "no 'groups' claim"), so membership through them was not checked.",
                          collect: "Use a token with a 'groups' claim, or list the principal's groups (Get-MgUserMemberOf).")
        }
        return result(outcome: .unmet, message: "\(who) holds no \(wantedText) \(scopeText).")
    }
}

/// Where a Unified Catalog request URL names its governance domain: the segment after `businessdomains`, or a
/// `domainId` query parameter.
enum GovernanceDomainTarget {
    static func fromURL(_ url: String?) -> String? {
        guard let url, let components = URLComponents(string: url) else { return nil }
        for item in components.queryItems ?? [] where ["domainid", "businessdomainid"].contains(item.name.lowercased()) {
            if let value = item.value, !value.isEmpty { return value }
        }
        let segments = components.path.split(separator: "/").map(String.init)
        if let index = segments.lastIndex(where: { $0.lowercased() == "businessdomains" }), index + 1 < segments.count {
            return segments[index + 1]
        }
        return nil
    }
}
