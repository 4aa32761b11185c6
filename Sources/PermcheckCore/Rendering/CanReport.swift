/// The text of `permcheck can TOKEN "METHOD URL"`: the verdict, the predicted status, which permissions the
/// operation accepts, and the least-privileged fix worded for delegated or app-only callers.
/// (`--format json` prints the standard diagnosis JSON instead.)
public enum CanReport {
    /// Renders the answer for one resolved request.
    public static func text(_ resolved: ResolvedRequest, _ diagnosis: Diagnosis) -> String {
        let target = resolved.target
        var lines: [String] = []
        var head = [DiagnosisSummary.verdictWord(diagnosis.verdict)]
        if diagnosis.verdict == .denied { head.append("predicted HTTP \(diagnosis.predictedStatus.map(String.init) ?? "?")") }
        if diagnosis.verdict == .indeterminate { head.append("evidence missing") }
        if let observed = diagnosis.observedStatus { head.append("observed HTTP \(observed)") }
        head.append("\(target.method) \(target.url)")
        lines.append(head.joined(separator: " · "))
        lines.append("rule:    \(diagnosis.apiID) (\(describe(resolved)))")
        if let match = resolved.catalogMatch, !match.isDirect {
            lines.append("matched: " + match.adjustments.map(\.rawValue).joined(separator: ", "))
        }
        lines.append("caller:  \(DiagnosisSummary.caller(diagnosis)) · \(claimSummary(diagnosis.token))")
        if let cloud = target.cloud { lines.append("target:  \(cloud.displayName) (\(target.host ?? ""))") }
        if let operation = resolved.catalogMatch?.operation {
            lines.append("")
            lines.append("Graph permissions table for \(operation.method) \(operation.displayTemplate) (least privileged first):")
            for scheme in GraphPermissionScheme.allCases {
                lines.append("  \(label(scheme).padding(toLength: 30, withPad: " ", startingAt: 0)) \(permissionList(operation, scheme))")
            }
        }
        let open = diagnosis.findings.filter { $0.outcome != .met }
        if !open.isEmpty {
            lines.append("")
            lines.append("Why:")
            for finding in open {
                lines.append("  \(DiagnosisSummary.mark(finding.outcome)) \(finding.requirementID) (\(finding.status)): \(finding.message)")
            }
        } else if let granted = diagnosis.findings.first(where: { $0.kind == .scope || $0.kind == .appRole }) {
            lines.append("")
            lines.append("Granted: \(granted.message)")
        }
        if !diagnosis.fixes.isEmpty {
            lines.append("")
            lines.append("To fix, least privilege first:")
            for (index, fix) in diagnosis.fixes.enumerated() { lines.append("  \(index + 1). \(fix)") }
        }
        let sources = DiagnosisSummary.sources(diagnosis)
        if !sources.isEmpty, diagnosis.verdict != .allowed {
            lines.append("")
            lines.append("Sources:")
            lines += sources.map { "  \($0)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Where the rule came from, in words.
    static func describe(_ resolved: ResolvedRequest) -> String {
        switch resolved.source {
        case .handWritten: "hand-written rule, \(resolved.rule.file)"
        case .catalogue: "Microsoft Graph permissions table, built-in catalogue"
        }
    }

    /// `scp: A B` / `roles: A B` / `no scp or roles`.
    static func claimSummary(_ token: AccessToken) -> String {
        var parts: [String] = []
        if let scopes = token.claims.scopes { parts.append("scp: " + (scopes.isEmpty ? "(empty)" : scopes.joined(separator: " "))) }
        if let roles = token.claims.roles { parts.append("roles: " + (roles.isEmpty ? "(empty)" : roles.joined(separator: " "))) }
        return parts.isEmpty ? "no scp or roles claim" : parts.joined(separator: " · ")
    }

    /// The scheme's name as shown to users.
    public static func label(_ scheme: GraphPermissionScheme) -> String {
        switch scheme {
        case .delegatedWork: "delegated (work or school):"
        case .application: "application (app role):"
        case .delegatedPersonal: "delegated (personal account):"
        }
    }

    /// `A, B (least) · C` or `not supported`.
    static func permissionList(_ operation: GraphOperation, _ scheme: GraphPermissionScheme) -> String {
        let all = operation.permissions(for: scheme)
        guard !all.isEmpty else { return "not supported" }
        let least = operation.leastPrivileged(for: scheme)
        let others = Array(all.dropFirst(least.count))
        var text = least.isEmpty ? "" : least.joined(separator: ", ") + " (least privileged)"
        if !others.isEmpty { text += (text.isEmpty ? "" : "; also ") + others.joined(separator: ", ") }
        return text
    }
}
