import Foundation

/// The second layer of a delegated call: the signed-in user's own directory role. Evidence, strongest first: role
/// assignments and PIM eligibilities (`--directory-roles`), then the token's `wids`; neither → unknown.
extension RequirementChecker {
    /// Role ids that carry every directory permission, and the default member-user role (no admin role), from
    /// `rules/data/graph-catalogue-rule.json`.
    static let directoryRoleData: (everything: [String], member: String?) = {
        let section = GraphCatalogRule.template["directoryRole"]
        return ((section?["rolesWithEveryDirectoryAction"]?.arrayValue ?? []).compactMap(\.stringValue),
                section?["defaultMemberRoleID"]?.stringValue)
    }()

    static func roleName(_ id: String) -> String {
        GraphRoleTable.embedded.roleName(id) ?? KnownIDs.directoryRoleName(id) ?? id
    }

    func directoryRole(_ need: DirectoryRoleNeed) -> CheckResult {
        switch need.access {
        case .selfAccess:
            return result(outcome: .met, message: "No directory role needed: the call acts on the signed-in user's own object or resources (/me).")
        case .anyMember:
            return result(outcome: .met, message: "No directory role needed: any member user may do this (default user permissions; guests may get less).")
        case .otherRoles:
            return result(outcome: .unknown,
                         message: "The docs name \(need.otherRoles.joined(separator: ", ")) for this operation: roles of another system (Microsoft Purview), not Entra roles, which the token does not show.",
                         collect: "Check the caller's Purview role groups (Get-RoleGroup | ConvertTo-Json -Depth 5); permcheck's hand-written eDiscovery rules check them with --role-groups.")
        case .roles, .targetResource, .unmapped:
            break
        }
        if need.access == .targetResource, requestNamesCaller() {
            return result(outcome: .met, message: "No directory role needed: the request names the signed-in user's own object (its 'oid' or username).")
        }
        if let evidence = input.evidence.directoryRoles { return fromAssignments(need, evidence) }
        guard let wids = claims.directoryRoleIDs else {
            return result(outcome: .unknown,
                         message: "The token has no 'wids' claim and no role assignments were given, so permcheck cannot see the signed-in user's directory roles; the operation needs \(needed(need)).",
                         hint: "Apps receive 'wids' only when the app registration's optional claims (groupMembershipClaims) include directory roles.",
                         collect: EvidenceKind.directoryRoles.exportInstruction(caseName: nil, principal: principal.objectID))
        }
        if let id = wids.first(where: { qualifies(need, builtIn: $0) }) {
            return result(outcome: .met, message: "'wids' includes \(Self.roleName(id)) (active when the token was issued).")
        }
        let held = wids.filter { !$0.equalsIgnoringCase(Self.directoryRoleData.member ?? "") }.map(Self.roleName)
        return lacking(need, held: held.isEmpty ? "no admin role ('wids' shows only the default member role)" : "'wids' has " + held.joined(separator: ", "),
                       hint: "'wids' lists only built-in roles assigned tenant-wide and active at sign-in: custom roles, administrative-unit-scoped roles and roles activated later are not in it; pass --directory-roles to check them.")
    }

    /// The roles (and actions) a need names, for messages.
    func needed(_ need: DirectoryRoleNeed) -> String {
        var text = need.anyOf.isEmpty ? "a directory role permcheck has no documented mapping for"
            : (need.anyOf.count == 1 ? need.anyOf[0].name : "one of " + need.anyOf.map(\.name).joined(separator: ", ") + " (least privileged first)")
        if !need.actions.isEmpty { text += ", or a custom role granting " + need.actions.joined(separator: " or ") }
        return text
    }

    func qualifies(_ need: DirectoryRoleNeed, builtIn id: String) -> Bool {
        need.anyOf.contains { $0.id.equalsIgnoringCase(id) } || Self.directoryRoleData.everything.contains { $0.equalsIgnoringCase(id) }
    }

    func qualifies(_ need: DirectoryRoleNeed, _ entry: DirectoryRoleAssignment) -> Bool {
        qualifies(need, builtIn: entry.roleID) || need.actions.contains(where: entry.grants)
    }

    /// No qualifying role: denied when the docs' list is the whole story, otherwise unknown (owner, reviewer, unmapped …).
    func lacking(_ need: DirectoryRoleNeed, held: String, hint: String?) -> CheckResult {
        if need.access == .targetResource, need.anyOf.isEmpty {
            let what = need.otherRoles.first ?? "access to the target resource"
            return result(outcome: .unknown,
                         message: "The call works on another user's or group's content: it depends on \(what) (mailbox permission, sharing, group or team membership), which permcheck cannot see; no directory role grants it by itself.",
                         collect: "Check that the signed-in user was given access to that resource, or call the /me/… form for the caller's own.")
        }
        let base = "The signed-in user holds \(held), but the operation needs \(needed(need))"
        switch need.access {
        case .roles where need.otherRoles.isEmpty:
            return result(outcome: .unmet, message: base + ".", hint: hint)
        case .unmapped:
            return result(outcome: .unknown, message: base + "; no documented role mapping exists for it, so other roles may also allow it.",
                         hint: hint, collect: "Check the operation's page on learn.microsoft.com for the roles it accepts.")
        default:
            let other = need.otherRoles.isEmpty ? "the caller's access to the target (owner, member, mailbox or site permission)" : need.otherRoles.joined(separator: "; ")
            return result(outcome: .unknown, message: base + "; without one it depends on \(other), which permcheck cannot see.",
                         hint: hint, collect: "Check the caller's relation to the target (e.g. GET /groups/{id}/owners), or give the user one of the roles.")
        }
    }

    func fromAssignments(_ need: DirectoryRoleNeed, _ evidence: DirectoryRoleAssignments) -> CheckResult {
        guard let oid = principal.objectID else {
            return result(outcome: .unknown, message: "The token has no 'oid' claim, so the role assignments cannot be matched to the caller.")
        }
        let mine = evidence.held(by: oid)
        if mine.isEmpty, !evidence.assignments.isEmpty {
            let others = Set(evidence.assignments.compactMap(\.principalID)).sorted().joined(separator: ", ")
            return result(outcome: .unknown, message: "The role assignments are for principal \(others), not the caller (oid \(oid)).",
                         collect: EvidenceKind.directoryRoles.exportInstruction(caseName: nil, principal: oid))
        }
        func label(_ entry: DirectoryRoleAssignment) -> String {
            (entry.roleName ?? Self.roleName(entry.roleID)) + (entry.memberType?.lowercased() == "group" || entry.principalID?.equalsIgnoringCase(oid) == false ? " (through a group)" : "")
        }
        let qualifying = mine.filter { qualifies(need, $0) }
        let active = qualifying.filter { !$0.isEligible }
        if let entry = active.first(where: \.isTenantWide) {
            if let issued = claims.issuedAt, let started = entry.startedAt, started > issued,
               !active.contains(where: { $0.isTenantWide && ($0.startedAt.map { $0 <= issued } ?? true) }) {
                return result(outcome: .unknown,
                             message: "\(label(entry)) was assigned or activated at \(ISO8601.format(started)), after the token was issued at \(ISO8601.format(issued)): this token predates the role.",
                             collect: "Get a new token (sign in again or clear the client's token cache) and retry.")
            }
            let how = entry.isBuiltIn == false || !qualifies(need, builtIn: entry.roleID) ? " (custom role granting \(need.actions.first(where: entry.grants) ?? "the action"))" : ""
            return result(outcome: .met, message: "Role assignment: \(label(entry))\(how), tenant-wide.")
        }
        if let entry = active.first {
            let place = entry.administrativeUnit.map { "administrative unit \($0)" } ?? "the object \(entry.scope)"
            return result(outcome: .unknown,
                         message: "\(label(entry)) is assigned only for \(place): the call is allowed only for objects in that \(entry.administrativeUnit == nil ? "scope" : "administrative unit").",
                         collect: entry.administrativeUnit.map { "Check that the target is a member: GET /directory/administrativeUnits/\($0)/members/<target id>." } ?? "Check that the request targets \(entry.scope).")
        }
        if let entry = qualifying.first {
            return result(outcome: .unmet,
                         message: "\(label(entry)) is eligible through Privileged Identity Management, not active: activate it, then get a new token.")
        }
        if let custom = mine.first(where: { $0.actions == nil && GraphRoleTable.embedded.roleName($0.roleID) == nil }), !need.actions.isEmpty {
            return result(outcome: .unknown, message: "Role \(custom.roleID) is not a built-in role and its definition was not exported, so its actions are unknown.",
                         collect: EvidenceKind.directoryRoles.exportInstruction(caseName: nil, principal: oid))
        }
        let held = mine.map { label($0) + ($0.isEligible ? " (eligible)" : "") }
        return lacking(need, held: held.isEmpty ? "no directory role assignment" : "only " + held.joined(separator: ", "), hint: nil)
    }

    /// Whether the request's `/users/{x}/…` names the caller (its `oid` or username).
    func requestNamesCaller() -> Bool {
        guard let url = input.request.url, let range = url.range(of: "/users/", options: .caseInsensitive) else { return false }
        var rest = url[range.upperBound...]
        if rest.hasPrefix("(") { rest = rest.dropFirst() }
        let id = String(rest.prefix { $0 != "/" && $0 != "?" && $0 != ")" }).replacingOccurrences(of: "'", with: "").removingPercentEncoding ?? ""
        return [principal.objectID, principal.username].contains { $0?.equalsIgnoringCase(id) == true }
    }
}
