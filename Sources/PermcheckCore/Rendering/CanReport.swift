/// The text of `permcheck can TOKEN "METHOD URL"`: the verdict, the predicted status, which permissions the
/// operation accepts, and the least-privileged fix worded for delegated or app-only callers.
/// (`--format json` prints the standard diagnosis JSON instead.)
public enum CanReport {
    /// Renders the answer for one resolved request.
    /// `passing`: the triage options given to `can` (`--response FILE`, `--changed-at T`), repeated in the
    /// main-check command suggested for hand-written rules.
    public static func text(_ resolved: ResolvedRequest, _ diagnosis: Diagnosis, passing: [String] = [], style: ConsoleStyle = .plain) -> String {
        let target = resolved.target
        var lines: [String] = []
        var head = [DiagnosisSummary.verdictWord(diagnosis.verdict)]
        if let failure = diagnosis.observedFailure {
            head.append("observed HTTP \(failure.status) although no modelled requirement fails")
        } else {
            if diagnosis.verdict == .denied { head.append("predicted HTTP \(diagnosis.predictedStatus.map(String.init) ?? "?")") }
            if diagnosis.verdict == .indeterminate { head.append("evidence missing") }
            if let observed = diagnosis.observedStatus { head.append("observed HTTP \(observed)") }
        }
        head.append("\(target.method) \(target.url)")
        lines.append(style.verdict(head.joined(separator: " · "), diagnosis.verdict))
        if let lead = DiagnosisSummary.lead(diagnosis) { lines.append(lead) }
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
                lines.append("  \(style.mark(finding.outcome)) \(finding.requirementID) (\(finding.status)): \(finding.message)")
            }
        } else if let granted = diagnosis.findings.first(where: { $0.kind == .scope || $0.kind == .appRole || $0.kind == .mailboxAppRole }) {
            lines.append("")
            lines.append("Granted: \(granted.message)")
        }
        if !diagnosis.fixes.isEmpty {
            lines.append("")
            lines.append("To fix, least privilege first:")
            for (index, fix) in diagnosis.fixes.enumerated() { lines.append("  \(index + 1). \(fix)") }
        }
        if let command = mainCheckCommand(resolved, diagnosis, passing: passing) {
            lines.append("")
            lines.append("'can' takes no evidence files; to decide, run the main check with them:")
            lines.append("  " + command)
            for finding in diagnosis.findings where finding.outcome == .unknown {
                if let collect = finding.collect { lines.append("  - \(finding.requirementID): \(collect)") }
            }
        }
        let sources = DiagnosisSummary.sources(diagnosis)
        if !sources.isEmpty, diagnosis.verdict != .allowed {
            lines.append("")
            lines.append("Sources:")
            lines += sources.map { "  \($0)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// For a hand-written rule with requirements only evidence decides: the exact main-check command line, with
    /// the evidence options those requirements read (file names as the export commands write them). `nil` otherwise.
    static func mainCheckCommand(_ resolved: ResolvedRequest, _ diagnosis: Diagnosis, passing: [String]) -> String? {
        guard resolved.source == .handWritten else { return nil }
        let unknown = Set(diagnosis.findings.filter { $0.outcome == .unknown }.map(\.requirementID))
        var options: [String] = []
        func add(_ items: String...) { for item in items where !options.contains(item) { options.append(item) } }
        for requirement in resolved.rule.requirements where unknown.contains(requirement.id) {
            switch requirement.check {
            case .header(let name, let value): add("--header '\(name): \(value ?? "<value>")'")
            case .caseMembership: add("--case \"<case name>\"")
            case .collectionRole: add("--collection <collection>")
            default: break
            }
            for kind in EvidenceKind.all where kind.readBy.contains(requirement.check.kind) { add("\(kind.optionName) \(kind.fileName)") }
        }
        guard !options.isEmpty else { return nil }
        var pairs: [String] = []
        var index = 0
        while index + 1 < passing.count { pairs.append("\(passing[index]) \(shellQuoted(passing[index + 1]))"); index += 2 }
        return (["permcheck TOKEN --request \(shellQuoted("\(resolved.target.method) \(resolved.target.url)"))"] + options + pairs).joined(separator: " ")
    }

    static func shellQuoted(_ text: String) -> String {
        text.allSatisfy { $0.isLetter || $0.isNumber || "-_./:=@".contains($0) } ? text : "\"" + text.replacingOccurrences(of: "\"", with: "\\\"") + "\""
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
