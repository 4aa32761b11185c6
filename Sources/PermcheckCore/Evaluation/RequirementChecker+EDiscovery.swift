/// Evidence checks for Purview eDiscovery: case membership, roles through role groups, eDiscovery Administrators.
extension RequirementChecker {
    var who: String { principal.bestIdentifier.map { "'\($0)'" } ?? "the caller" }
    var caseLabel: String { input.evidence.caseName.map { "'\($0)'" } ?? "the case" }

    func matchNote(_ match: PrincipalMatch) -> String? {
        match.isStrong ? nil : "Matched by \(match.field) only (the sign-in name's local part); confirm it is the same person."
    }

    func caseMembership(admitsCaseAdmins: Bool) -> CheckResult {
        let evidence = input.evidence
        guard let caseMembers = evidence.caseMembers else {
            return CheckResult(outcome: .unknown, message: "Case membership of \(caseLabel) was not given.",
                               collect: EvidenceKind.caseMembers.exportInstruction(caseName: evidence.caseName))
        }
        if let match = principal.isListed(in: caseMembers.members) {
            return CheckResult(outcome: .met, message: "\(who) is a member of case \(caseLabel) (matched by \(match.field)).", hint: matchNote(match))
        }
        var undecided: [String] = []
        let roleGroupMembers = caseMembers.members.filter { member in
            member.isRoleGroup || (evidence.roleGroups ?? []).contains { group in [member.name, member.displayName].compactMap { $0 }.contains(where: group.isNamed) }
        }
        for member in roleGroupMembers {
            guard let group = (evidence.roleGroups ?? []).first(where: { group in [member.name, member.displayName].compactMap { $0 }.contains(where: group.isNamed) }) else {
                undecided.append(member.label)
                continue
            }
            switch principal.membership(in: group, evidence: evidence) {
            case .direct, .viaGroup:
                return CheckResult(outcome: .met, message: "\(who) is in role group '\(group.displayName ?? group.name)', which is a member of case \(caseLabel).")
            case .undecidable(let groups):
                undecided.append("\(group.name) (through \(groups.joined(separator: ", ")))")
            case .none:
                continue
            }
        }
        if admitsCaseAdmins, let admins = evidence.caseAdmins, let match = principal.isListed(in: admins) {
            return CheckResult(outcome: .met,
                               message: "\(who) is not a case member but is an eDiscovery Administrator (matched by \(match.field)), who can access every case.",
                               hint: "Older documentation says administrators must add themselves as a case member to manage a case; if management calls fail, add them.")
        }
        if !undecided.isEmpty {
            return CheckResult(outcome: .unknown,
                               message: "\(who) is not a direct member of case \(caseLabel); membership through \(undecided.joined(separator: ", ")) could not be decided.",
                               collect: evidence.roleGroups == nil ? EvidenceKind.roleGroups.exportInstruction(caseName: nil) : "Export group membership, or use a token with a 'groups' claim.")
        }
        if admitsCaseAdmins && evidence.caseAdmins == nil {
            return CheckResult(outcome: .unknown,
                               message: "\(who) is not a member of case \(caseLabel); whether they are an eDiscovery Administrator (who can access all cases) is unknown.",
                               collect: EvidenceKind.caseAdmins.exportInstruction(caseName: nil))
        }
        return CheckResult(outcome: .unmet, message: "\(who) is not a member of case \(caseLabel), directly or through a role group\(admitsCaseAdmins ? ", and is not an eDiscovery Administrator" : "").")
    }

    func purviewRole(_ roles: [String]) -> CheckResult {
        let evidence = input.evidence
        let wanted = roles.joined(separator: " or ")
        guard let groups = evidence.roleGroups else {
            return CheckResult(outcome: .unknown, message: "Role groups were not given; the call needs the \(wanted) role.",
                               collect: EvidenceKind.roleGroups.exportInstruction(caseName: nil))
        }
        let holding = groups.filter { group in roles.contains(where: group.hasRole) }
        var undecided: [String] = []
        for group in holding {
            let role = roles.first(where: group.hasRole)!
            switch principal.membership(in: group, evidence: evidence) {
            case .direct(let match):
                return CheckResult(outcome: .met, message: "\(who) holds \(role) through role group '\(group.displayName ?? group.name)' (matched by \(match.field)).", hint: matchNote(match))
            case .viaGroup(let via):
                return CheckResult(outcome: .met, message: "\(who) holds \(role) through role group '\(group.displayName ?? group.name)' via group '\(via)'.")
            case .undecidable(let via):
                undecided.append("'\(group.displayName ?? group.name)' (through \(via.joined(separator: ", ")))")
            case .none:
                continue
            }
        }
        if let admins = evidence.caseAdmins, principal.isListed(in: admins) != nil,
           let managers = holding.first(where: { $0.isNamed("eDiscoveryManager") }) {
            return CheckResult(outcome: .met,
                               message: "\(who) is an eDiscovery Administrator, a subgroup of '\(managers.displayName ?? managers.name)', which holds \(wanted).",
                               hint: "Inferred: administrators are added to the eDiscovery Manager role group before Add-eDiscoveryCaseAdmin.")
        }
        if !undecided.isEmpty {
            return CheckResult(outcome: .unknown, message: "\(who) may hold \(wanted) through \(undecided.joined(separator: ", ")), but the token has no usable 'groups' claim.",
                               collect: "Export the security group's members (Get-MgGroupMember -GroupId <id>) or use a token with a 'groups' claim.")
        }
        let mine = groups.filter { principal.membership(in: $0, evidence: evidence) != .none }
        let held = mine.isEmpty ? "are in none of the exported role groups"
            : "are in " + mine.map { "'\($0.displayName ?? $0.name)' (\($0.roles.joined(separator: ", ")))" }.joined(separator: "; ")
        let withRole = holding.isEmpty ? "no exported role group has it" : "role groups with it: " + holding.map { $0.displayName ?? $0.name }.joined(separator: ", ")
        return CheckResult(outcome: .unmet, message: "\(who) does not hold \(wanted): they \(held); \(withRole).")
    }

    func caseAdmin() -> CheckResult {
        guard let admins = input.evidence.caseAdmins else {
            return CheckResult(outcome: .unknown, message: "The eDiscovery Administrator list was not given.",
                               collect: EvidenceKind.caseAdmins.exportInstruction(caseName: nil))
        }
        if let match = principal.isListed(in: admins) {
            return CheckResult(outcome: .met, message: "\(who) is an eDiscovery Administrator (matched by \(match.field)).", hint: matchNote(match))
        }
        return CheckResult(outcome: .unmet, message: "\(who) is not an eDiscovery Administrator.")
    }
}
