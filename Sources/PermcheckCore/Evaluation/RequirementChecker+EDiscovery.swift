import Foundation

/// Evidence checks for Purview eDiscovery: case membership, roles through role groups, eDiscovery Administrators.
extension RequirementChecker {
    var who: String { principal.bestIdentifier.map { "'\($0)'" } ?? "the caller" }
    var caseLabel: String { input.evidence.caseName.map { "'\($0)'" } ?? "the case" }

    func matchNote(_ match: PrincipalMatch) -> String? {
        match.isStrong ? nil : "Matched by \(match.field) only (the sign-in name's local part); confirm it is the same person."
    }

    /// An eDiscovery Administrator listed in `--case-admins`, or `nil`.
    var listedAdmin: PrincipalMatch? { input.evidence.caseAdmins.flatMap { principal.isListed(in: $0) } }

    func adminResult(_ match: PrincipalMatch, checkedMembers: Bool) -> CheckResult {
        let message = checkedMembers
            ? "\(who) is not a case member but is an eDiscovery Administrator (matched by \(match.field)), who can access every case."
            : "\(who) is an eDiscovery Administrator (matched by \(match.field)), who can access every case, so membership of \(caseLabel) is not needed."
        return result(outcome: .met, message: message,
                     hint: "Older documentation says administrators must add themselves as a case member to manage a case; if management calls fail, add them.")
    }

    func caseMembership(admitsCaseAdmins: Bool) -> CheckResult {
        let evidence = input.evidence
        guard let caseMembers = evidence.caseMembers else {
            if admitsCaseAdmins, let match = listedAdmin { return adminResult(match, checkedMembers: false) }
            return result(outcome: .unknown, message: "Case membership of \(caseLabel) was not given.",
                         collect: EvidenceKind.caseMembers.exportInstruction(caseName: evidence.caseName))
        }
        if let target = evidence.caseName, !caseMembers.isFor(target) {
            if admitsCaseAdmins, let match = listedAdmin { return adminResult(match, checkedMembers: false) }
            return result(outcome: .unknown,
                         message: "The case-member file is for case '\(caseMembers.caseName ?? "")', not \(caseLabel); membership of \(caseLabel) is unknown.",
                         collect: EvidenceKind.caseMembers.exportInstruction(caseName: target))
        }
        if caseMembers.caseUnstated {
            if admitsCaseAdmins, let match = listedAdmin { return adminResult(match, checkedMembers: false) }
            return result(outcome: .unknown,
                         message: "The case-member file does not say which case it lists, so it cannot stand for \(caseLabel).",
                         collect: "Pass --case with the case the members were exported for, or wrap the export as {\"case\": \"<case>\", \"members\": [...]}.")
        }
        var undecided: [String] = []
        var collect: [String] = []
        switch principal.lookup(in: caseMembers.members, index: caseMembers.index) {
        case .listed(let match):
            return result(outcome: .met, message: "\(who) is a member of case \(caseLabel) (matched by \(match.field)).", hint: matchNote(match))
        case .cannotTell(let count):
            undecided.append("\(count) member(s) listed without an object id (the token carries only 'oid')")
            collect.append("Export the members with ExternalDirectoryObjectId: Get-ComplianceCaseMember -Case \"\(evidence.caseName ?? "<case>")\" | ConvertTo-Json -Depth 5.")
        case .notListed:
            break
        }
        let groups = evidence.roleGroups ?? []
        for member in caseMembers.members where member.isRoleGroup || !groups.isEmpty && !member.isSecurityGroup {
            guard let group = evidence.roleGroupIndex.group(for: member, in: groups) else {
                if member.isRoleGroup {
                    undecided.append("role group '\(member.label)'")
                    collect.append(evidence.roleGroups == nil ? EvidenceKind.roleGroups.exportInstruction(caseName: nil) : "Export role group '\(member.label)': Get-RoleGroup -Identity \"\(member.name ?? member.label)\" | ConvertTo-Json -Depth 5.")
                }
                continue
            }
            switch principal.membership(in: group, evidence: evidence) {
            case .direct, .viaGroup:
                return result(outcome: .met, message: "\(who) is in role group '\(group.label)', which is a member of case \(caseLabel).")
            case .undecidable(let why):
                undecided.append("role group '\(group.label)' (\(why.why))")
                collect.append(why.collect)
            case .none:
                continue
            }
        }
        if admitsCaseAdmins, let match = listedAdmin { return adminResult(match, checkedMembers: undecided.isEmpty) }
        if !undecided.isEmpty {
            return result(outcome: .unknown,
                         message: "\(who) is not a direct member of case \(caseLabel); membership through \(undecided.joined(separator: ", ")) could not be decided.",
                         collect: Array(NSOrderedSet(array: collect)).compactMap { $0 as? String }.joined(separator: " "))
        }
        if admitsCaseAdmins && evidence.caseAdmins == nil {
            return result(outcome: .unknown,
                         message: "\(who) is not a member of case \(caseLabel); whether they are an eDiscovery Administrator (who can access all cases) is unknown.",
                         collect: EvidenceKind.caseAdmins.exportInstruction(caseName: nil))
        }
        return result(outcome: .unmet, message: "\(who) is not a member of case \(caseLabel), directly or through a role group\(admitsCaseAdmins ? ", and is not an eDiscovery Administrator" : "").")
    }

    func purviewRole(_ roles: [String]) -> CheckResult {
        let evidence = input.evidence
        var wanted: String { roles.joined(separator: " or ") }
        guard let groups = evidence.roleGroups else {
            return result(outcome: .unknown, message: "Role groups were not given; the call needs the \(wanted) role.",
                         collect: EvidenceKind.roleGroups.exportInstruction(caseName: nil))
        }
        guard !groups.isEmpty else {
            return result(outcome: .unknown, message: "The role-group export lists no role groups; built-in role groups always exist, so the export is incomplete and who holds \(wanted) is unknown.",
                         collect: EvidenceKind.roleGroups.exportInstruction(caseName: nil))
        }
        let holding = groups.filter { group in roles.contains(where: group.hasRole) }
        var undecided: [String] = []
        var collect: [String] = []
        for group in holding {
            let role = roles.first(where: group.hasRole)!
            switch principal.membership(in: group, evidence: evidence) {
            case .direct(let match):
                return result(outcome: .met, message: "\(who) holds \(role) through role group '\(group.label)' (matched by \(match.field)).", hint: matchNote(match))
            case .viaGroup(let via):
                return result(outcome: .met, message: "\(who) holds \(role) through role group '\(group.label)' via group '\(via)'.")
            case .undecidable(let why):
                undecided.append("'\(group.label)' (\(why.why))")
                collect.append(why.collect)
            case .none:
                continue
            }
        }
        if listedAdmin != nil, let managers = holding.first(where: { $0.isNamed("eDiscoveryManager") }) {
            return result(outcome: .met,
                         message: "\(who) is an eDiscovery Administrator, a subgroup of '\(managers.label)', which holds \(wanted).",
                         hint: "Inferred: administrators are added to the eDiscovery Manager role group before Add-eDiscoveryCaseAdmin.")
        }
        // Groups exported without their roles could carry the role: unknown when the principal may be in one.
        for group in groups where !group.rolesExported {
            switch principal.membership(in: group, evidence: evidence) {
            case .none: continue
            default:
                undecided.append("'\(group.label)' (its export has no 'Roles')")
                collect.append("Run Get-RoleGroup | ConvertTo-Json -Depth 5 without Select-Object, so that Roles is included.")
            }
        }
        if !undecided.isEmpty {
            return result(outcome: .unknown, message: "\(who) may hold \(wanted) through \(undecided.joined(separator: ", ")); the evidence cannot decide.",
                         collect: Array(NSOrderedSet(array: collect)).compactMap { $0 as? String }.joined(separator: " "))
        }
        // Texts for the message only: built when the evaluation writes it.
        var held: String {
            let mine = groups.filter { principal.membership(in: $0, evidence: evidence) != .none }
            return mine.isEmpty ? "are in none of the exported role groups"
                : "are in " + mine.map { "'\($0.label)' (\($0.roles.joined(separator: ", ")))" }.joined(separator: "; ")
        }
        var withRole: String { holding.isEmpty ? "no exported role group has it" : "role groups with it: " + holding.map(\.label).joined(separator: ", ") }
        return result(outcome: .unmet, message: "\(who) does not hold \(wanted): they \(held); \(withRole).")
    }

    func caseAdmin() -> CheckResult {
        guard let admins = input.evidence.caseAdmins else {
            return result(outcome: .unknown, message: "The eDiscovery Administrator list was not given.",
                         collect: EvidenceKind.caseAdmins.exportInstruction(caseName: nil))
        }
        switch principal.lookup(in: admins) {
        case .listed(let match):
            return result(outcome: .met, message: "\(who) is an eDiscovery Administrator (matched by \(match.field)).", hint: matchNote(match))
        case .cannotTell(let count):
            return result(outcome: .unknown, message: "\(count) eDiscovery Administrator(s) are listed without an object id and the token carries only 'oid'; whether \(who) is one is unknown.",
                         collect: EvidenceKind.caseAdmins.exportInstruction(caseName: nil))
        case .notListed:
            break
        }
        return result(outcome: .unmet, message: "\(who) is not an eDiscovery Administrator.")
    }
}
