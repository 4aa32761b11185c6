import Foundation

/// Flags grant changes the call may not see yet:
/// - a change after the token's `iat`: the token (or the session it belongs to) predates the grant, so the fix is a
///   new token, not a new grant;
/// - a change younger than the rule's propagation window: the service may not have picked it up yet; reports the time
///   left until the window ends, relative to the evaluation time (`--at`).
///
/// Only changes that matter to the rule are considered: role groups the principal is in when the rule checks Purview
/// roles or case membership, case-member and eDiscovery Administrator entries naming the principal, collection role
/// assignments the principal holds, and `--changed-at`. Changes after the evaluation time are ignored (a replayed
/// ticket cannot be explained by a later change).
enum StaleTokenCheck {
    /// A grant change with its time and the evidence kind it belongs to (`any` for `--changed-at`).
    struct Change: Equatable {
        /// What changed, as a noun phrase, e.g. `role group 'eDiscovery Manager' (which the caller is in)`.
        let what: String
        let at: Date
        let evidence: String
    }

    /// Where "a token reflects grants at issue time" is documented.
    static let tokenSnapshotSources = [
        "https://learn.microsoft.com/en-us/security/zero-trust/develop/configure-tokens-group-claims-app-roles",
        "https://learn.microsoft.com/en-us/entra/identity-platform/access-token-claims-reference",
    ]

    static func hints(_ rule: APIRule, _ input: EvaluationInput) -> [Hint] {
        var hints: [Hint] = []
        for change in relevantChanges(rule, input) {
            if let issued = input.token.claims.issuedAt, issued < change.at {
                hints.append(staleTokenHint(change, issued: issued))
            }
            if let hint = propagationHint(rule, input, change), !hints.contains(hint) { hints.append(hint) }
        }
        return hints
    }

    static func staleTokenHint(_ change: Change, issued: Date) -> Hint {
        let newToken = "the fix is a new token, not a new grant: sign in again (or clear the client's token cache) and retry"
        if change.evidence == "any" {
            return Hint(
                id: "stale-token",
                text: "The token was issued at \(ISO8601.format(issued)), before \(change.what) at \(ISO8601.format(change.at)). A token carries the scopes, app roles, directory roles and groups of the moment it was issued, so if that change was a consent, permission, app role, directory role or group membership, this token cannot contain it — \(newToken).",
                sources: tokenSnapshotSources, confidence: .documented)
        }
        return Hint(
            id: "stale-token",
            text: "The token was issued at \(ISO8601.format(issued)), before \(change.what) was last changed at \(ISO8601.format(change.at)). If that change is the grant this call needs, \(newToken) once the change has propagated. (\(serviceSideNote(change.evidence)))",
            sources: tokenSnapshotSources, confidence: .inferred)
    }

    /// Why a new token alone may not be enough for grants the service looks up itself.
    static func serviceSideNote(_ evidence: String) -> String {
        switch evidence {
        case "collectionRoles": "Collection roles are not token claims; the service looks them up, so it may also need time to see the change."
        case "directoryRoles": "Built-in directory roles are token claims ('wids') fixed at sign-in, and a role activated in PIM applies to tokens issued after the activation."
        default: "Purview role groups, case membership and eDiscovery Administrators are not token claims; the service looks them up, so it may also need time to see the change."
        }
    }

    /// The rule's propagation windows that apply to a change (its evidence kind, the token's cloud).
    static func windows(_ rule: APIRule, _ input: EvaluationInput, _ change: Change) -> [PropagationWindow] {
        let cloud = input.token.cloud.cloud
        return rule.propagation.filter {
            ($0.evidence == change.evidence || change.evidence == "any")
                && ($0.clouds.isEmpty || cloud.map($0.clouds.contains) == true)
        }
    }

    /// The longest applicable window and when it ends, if the evaluation time is still inside it.
    static func openWindow(_ rule: APIRule, _ input: EvaluationInput, _ change: Change) -> (window: PropagationWindow, end: Date)? {
        guard let window = windows(rule, input, change).max(by: { $0.hours < $1.hours }) else { return nil }
        let end = change.at.addingTimeInterval(window.hours * 3600)
        return input.at < end ? (window, end) : nil
    }

    /// One sentence for an observed failure the grant changes explain: the latest change the token predates or the
    /// service may not have picked up yet, with the time left in the propagation window. `nil` when none does.
    static func lead(_ rule: APIRule, _ input: EvaluationInput) -> String? {
        let issued = input.token.claims.issuedAt
        for change in relevantChanges(rule, input).sorted(by: { $0.at > $1.at }) {
            let predates = issued.map { $0 < change.at } ?? false
            let open = openWindow(rule, input, change)
            guard predates || open != nil else { continue }
            var text = predates
                ? "The token predates the change: it was issued at \(ISO8601.format(issued!)), before \(change.what) at \(ISO8601.format(change.at)), so it cannot carry that change — get a new token (sign in again or clear the client's token cache)"
                : "A change the service may not see yet: \(change.what) at \(ISO8601.format(change.at))"
            if let (window, end) = open {
                let claim = window.confidence == .documented ? "documented" : "reported"
                text += "; \(Duration.describe(end.timeIntervalSince(input.at))) of the \(claim) \(Duration.describe(window.hours * 3600)) propagation window left (until \(ISO8601.format(end))): retry then before granting anything more"
            }
            return text + "."
        }
        return nil
    }

    static func propagationHint(_ rule: APIRule, _ input: EvaluationInput, _ change: Change) -> Hint? {
        guard let (window, end) = openWindow(rule, input, change) else { return nil }
        let windows = windows(rule, input, change)
        let age = Duration.describe(input.at.timeIntervalSince(change.at))
        let left = Duration.describe(end.timeIntervalSince(input.at))
        let evidenceKinds = change.evidence == "any" ? Set(windows.map(\.evidence)).sorted() : [window.evidence]
        let kinds = evidenceKinds.map(describe).joined(separator: " and ") + " changes"
        let claim = window.confidence == .documented ? "documented" : "reported"
        let scope = window.clouds.isEmpty ? "" : " in \(window.clouds.map(\.displayName).joined(separator: ", "))"
        let subject = change.what.prefix(1).uppercased() + change.what.dropFirst()
        return Hint(
            id: "propagation-window",
            text: "\(subject) \(change.evidence == "any" ? "happened" : "changed") \(age) before \(ISO8601.format(input.at)); \(kinds) are \(claim) to take up to \(Duration.describe(window.hours * 3600)) to reach this API\(scope). \(left) left (until \(ISO8601.format(end))): retry after that with a new token before granting anything more.",
            sources: window.sources, confidence: window.confidence)
    }

    /// A propagation window's evidence kind in words.
    static func describe(_ evidence: String) -> String {
        switch evidence {
        case "roleGroups": "role-group"
        case "caseMembership": "case-membership"
        case "caseAdmins": "eDiscovery Administrator"
        case "collectionRoles": "collection-role"
        case "directoryRoles": "directory-role"
        default: evidence
        }
    }

    /// Changes that touch the principal and matter to the rule, no later than the evaluation time.
    static func relevantChanges(_ rule: APIRule, _ input: EvaluationInput) -> [Change] {
        let principal = input.token.principal
        let evidence = input.evidence
        let kinds = Set(rule.requirements.map(\.check.kind))
        let usesRoleGroups = !kinds.isDisjoint(with: [.purviewRole, .caseMembership])
        let usesCaseAdmins = !kinds.isDisjoint(with: [.purviewRole, .caseMembership, .caseAdmin])
        var changes: [Change] = []
        if let at = evidence.changedAt {
            changes.append(Change(what: "the change you made (--changed-at)", at: at, evidence: "any"))
        }
        if usesRoleGroups {
            for group in evidence.roleGroups ?? [] {
                guard let at = group.changedAt else { continue }
                switch principal.membership(in: group, evidence: evidence) {
                case .direct, .viaGroup:
                    changes.append(Change(what: "role group '\(group.displayName ?? group.name)' (which the caller is in)", at: at, evidence: "roleGroups"))
                case .undecidable, .none:
                    continue
                }
            }
        }
        if kinds.contains(.caseMembership) {
            for member in evidence.caseMembers?.members ?? [] {
                guard let at = member.changedAt, principal.match(member) != nil else { continue }
                changes.append(Change(what: "the caller's case-member entry (\(member.label))", at: at, evidence: "caseMembership"))
            }
        }
        if usesCaseAdmins {
            for admin in evidence.caseAdmins ?? [] {
                guard let at = admin.changedAt, principal.match(admin) != nil else { continue }
                changes.append(Change(what: "the caller's eDiscovery Administrator entry (\(admin.label))", at: at, evidence: "caseAdmins"))
            }
        }
        if kinds.contains(.collectionRole) {
            for assignment in evidence.purview?.assignments ?? [] {
                guard let at = assignment.changedAt, principal.holds(assignment) else { continue }
                changes.append(Change(what: "the \(assignment.role) assignment on collection '\(assignment.collection)'", at: at, evidence: "collectionRoles"))
            }
        }
        if kinds.contains(.directoryRole), let oid = principal.objectID {
            for entry in evidence.directoryRoles?.held(by: oid) ?? [] where !entry.isEligible {
                guard let at = entry.startedAt else { continue }
                let name = entry.roleName ?? RequirementChecker.roleName(entry.roleID)
                changes.append(Change(what: "the \(name) directory role assignment or activation", at: at, evidence: "directoryRoles"))
            }
        }
        return changes.filter { $0.at <= input.at }
    }
}

/// Human durations: "3 h 12 min", "45 s", "2 d 4 h".
public enum Duration {
    /// Describes a non-negative interval in the two largest units.
    public static func describe(_ seconds: TimeInterval) -> String {
        let total = Int(abs(seconds).rounded())
        let days = total / 86_400, hours = (total % 86_400) / 3600, minutes = (total % 3600) / 60, secs = total % 60
        if days > 0 { return hours > 0 ? "\(days) d \(hours) h" : "\(days) d" }
        if hours > 0 { return minutes > 0 ? "\(hours) h \(minutes) min" : "\(hours) h" }
        if minutes > 0 { return "\(minutes) min" }
        return "\(secs) s"
    }
}
