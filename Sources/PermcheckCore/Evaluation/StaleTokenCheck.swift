import Foundation

/// Flags grant changes the token cannot reflect: changes after the token's `iat` (get a new token, not a new grant),
/// and changes younger than the rule's propagation window for the token's cloud (wait, with the time left).
enum StaleTokenCheck {
    /// A grant change with its time and the evidence kind it belongs to.
    struct Change {
        let what: String
        let at: Date
        let evidence: String
    }

    static func hints(_ rule: APIRule, _ input: EvaluationInput) -> [Hint] {
        let changes = relevantChanges(input)
        guard !changes.isEmpty else { return [] }
        var hints: [Hint] = []
        for change in changes {
            if let issued = input.token.claims.issuedAt, issued < change.at {
                hints.append(Hint(
                    id: "stale-token",
                    text: "The token was issued at \(ISO8601.format(issued)), before \(change.what) changed at \(ISO8601.format(change.at)): it cannot carry that change. Get a new token (sign in again or clear the token cache) before granting anything more.",
                    sources: ["https://learn.microsoft.com/en-us/entra/identity-platform/access-token-claims-reference"],
                    confidence: .documented))
            }
            let cloud = input.token.cloud.cloud
            let windows = rule.propagation.filter {
                ($0.evidence == change.evidence || change.evidence == "any") && ($0.clouds.isEmpty || cloud.map($0.clouds.contains) == true)
            }
            if let window = windows.max(by: { $0.hours < $1.hours }) {
                let end = change.at.addingTimeInterval(window.hours * 3600)
                if input.at < end {
                    let age = Duration.describe(input.at.timeIntervalSince(change.at))
                    let left = Duration.describe(end.timeIntervalSince(input.at))
                    hints.append(Hint(
                        id: "propagation-window",
                        text: "\(change.what.prefix(1).uppercased() + change.what.dropFirst()) changed \(age) before \(ISO8601.format(input.at)); such changes are \(window.confidence == .documented ? "documented" : "reported") to take up to \(Duration.describe(window.hours * 3600)) to reach this API\(cloud.map { " in \($0.displayName)" } ?? ""). \(left) left (until \(ISO8601.format(end))).",
                        sources: window.sources, confidence: window.confidence))
                }
            }
        }
        return hints
    }

    /// Changes that touch the principal: `--changed-at`, role groups they belong to, their case-membership entries.
    static func relevantChanges(_ input: EvaluationInput) -> [Change] {
        let principal = input.token.principal
        var changes: [Change] = []
        if let at = input.evidence.changedAt {
            changes.append(Change(what: "the grant you named (--changed-at)", at: at, evidence: "any"))
        }
        for group in input.evidence.roleGroups ?? [] {
            guard let at = group.changedAt, principal.membership(in: group, evidence: input.evidence) != .none else { continue }
            changes.append(Change(what: "role group '\(group.displayName ?? group.name)'", at: at, evidence: "roleGroups"))
        }
        for member in input.evidence.caseMembers?.members ?? [] {
            guard let at = member.changedAt, principal.match(member) != nil else { continue }
            changes.append(Change(what: "the case membership of \(member.label)", at: at, evidence: "caseMembership"))
        }
        for assignment in input.evidence.purview?.assignments ?? [] {
            guard let at = assignment.changedAt, principal.holds(assignment) else { continue }
            changes.append(Change(what: "the \(assignment.role) assignment on collection '\(assignment.collection)'", at: at, evidence: "collectionRoles"))
        }
        return changes
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
