import Foundation

/// App-only mailbox access: Exchange application access policies (`--app-access-policies`, `--group-members`) and
/// RBAC for Applications (`--exchange-role-assignments`). Pure.
extension RequirementChecker {
    /// Whether an Exchange role assignment is this app's (service principal object id, app id or name).
    func isMine(_ assignment: ExchangeRoleAssignment) -> Bool {
        let ids = [principal.objectID, principal.appID].compactMap { $0 }
        return assignment.assignees.contains { a in ids.contains { $0.equalsIgnoringCase(a) } }
    }

    /// Enabled RBAC assignments of this app whose role grants one of `permissions`.
    func rbacAssignments(_ permissions: [String], rbacRoles: [String: [String]]) -> [ExchangeRoleAssignment] {
        (input.evidence.exchangeRoles?.assignments ?? []).filter { assignment in
            guard assignment.enabled, isMine(assignment) else { return false }
            let granted = rbacRoles.first { $0.key.equalsIgnoringCase(assignment.role) }?.value ?? []
            return granted.contains { g in permissions.contains { $0.equalsIgnoringCase(g) } }
        }
    }

    /// `Test-ServicePrincipalAuthorization` rows whose permissions include one of `permissions`.
    func relevantAuthorizationTests(_ permissions: [String]) -> [ServicePrincipalAuthorization] {
        (input.evidence.exchangeRoles?.tests ?? []).filter { test in
            test.permissions.contains { p in permissions.contains { $0.equalsIgnoringCase(p) } }
        }
    }

    func mailboxAppRole(_ anyOf: [String], rbacRoles: [String: [String]]) -> CheckResult {
        let token = permission(claims.roles, anyOf, claim: "roles", noun: "application permission")
        guard token.outcome != .met else { return token }
        if let assignment = rbacAssignments(anyOf, rbacRoles: rbacRoles).first {
            return result(outcome: .met, message: "Exchange RBAC for Applications grants it: '\(assignment.role)' is assigned to this app (\(assignment.name ?? "assignment")); the mailbox scope is checked separately.")
        }
        if let test = relevantAuthorizationTests(anyOf).first {
            return result(outcome: .met, message: "Exchange RBAC for Applications grants it: Test-ServicePrincipalAuthorization lists '\(test.roleName)' (\(test.permissions.joined(separator: ", "))); the mailbox scope is checked separately.")
        }
        var withHint = token
        withHint.hint = "App permissions granted in Exchange (RBAC for Applications) do not appear in the token; if you use them, pass --exchange-role-assignments."
        return withHint
    }

    func mailboxAccessPolicy(_ spec: MailboxAccessSpec) -> CheckResult {
        let app = principal.appID ?? "<app id>"
        let values = ["mailbox": spec.mailbox, "app": app]
        if spec.permissions.contains(where: holds) {
            return applicationAccessPolicy(spec, values: values)
        }
        return rbacScope(spec, values: values)
    }

    /// The token holds a tenant-wide Entra permission: only an application access policy can narrow it.
    func applicationAccessPolicy(_ spec: MailboxAccessSpec, values: [String: String]) -> CheckResult {
        let app = values["app"]!
        let test = spec.policyTest.filling(values.merging(["group": "<scope group>"]) { a, _ in a })
        guard let evidence = input.evidence.appAccess else {
            return result(outcome: .unknown,
                         message: "App-only access to mailbox '\(spec.mailbox)' can be limited by an Exchange application access policy, which the token cannot show.",
                         hint: spec.propagation, collect: spec.policyExport + " — or: " + test)
        }
        if let answer = evidence.tests.first(where: { $0.appID.equalsIgnoringCase(app) && testNames($0, spec.mailbox) }) {
            return answer.granted
                ? result(outcome: .met, message: "Test-ApplicationAccessPolicy says Granted for app \(app) on mailbox '\(answer.mailbox ?? spec.mailbox)'.", hint: spec.propagation)
                : result(outcome: .unmet, message: "Test-ApplicationAccessPolicy says Denied for app \(app) on mailbox '\(answer.mailbox ?? spec.mailbox)': Graph answers 403 ErrorAccessDenied ('Access to OData is disabled.').",
                        fix: "An application access policy keeps app \(app) from mailbox '\(spec.mailbox)': add the mailbox to the policy's scope group (RestrictAccess) or take it out (DenyAccess); run Get-ApplicationAccessPolicy | Where-Object AppId -eq '\(app)' to find the policy. Changes can take over an hour to reach Graph.")
        }
        let policies = evidence.policies.filter { $0.appIDs.contains { $0.equalsIgnoringCase(app) } }
        guard !policies.isEmpty else {
            if evidence.policies.isEmpty && !evidence.tests.isEmpty {
                return result(outcome: .unknown, message: "The Test-ApplicationAccessPolicy output is for another app or mailbox, not app \(app) on '\(spec.mailbox)'.", collect: test)
            }
            return result(outcome: .met, message: "No application access policy names app \(app) (\(evidence.policies.count) polic\(evidence.policies.count == 1 ? "y" : "ies") exported), so it reaches every mailbox with its Entra permission.")
        }
        var unknownGroups: [AppAccessPolicy] = []
        var allowedByRestrict = false
        let restricts = policies.filter { $0.accessRight.equalsIgnoringCase("RestrictAccess") }
        for policy in policies {
            let member = isMember(spec.mailbox, of: policy, single: Set(policies.map(\.label)).count == 1)
            let restrict = policy.accessRight.equalsIgnoringCase("RestrictAccess")
            switch member {
            case nil: unknownGroups.append(policy)
            case true? where restrict: allowedByRestrict = true
            case true?:
                return result(outcome: .unmet, message: "Policy '\(policy.label)' (DenyAccess) names app \(app), and mailbox '\(spec.mailbox)' is in its scope group: Graph answers 403 ErrorAccessDenied ('Access to OData is disabled.').",
                             hint: spec.propagation, fix: spec.fixDeny.filling(values.merging(["group": policy.label, "policy": policy.identity ?? policy.label]) { a, _ in a }))
            case false?: continue
            }
        }
        if !restricts.isEmpty && !allowedByRestrict && unknownGroups.isEmpty {
            let policy = restricts[0]
            return result(outcome: .unmet, message: "Policy '\(policy.label)' (RestrictAccess) limits app \(app) to its scope group, and mailbox '\(spec.mailbox)' is not a member: Graph answers 403 ErrorAccessDenied ('Access to OData is disabled.').",
                         hint: spec.propagation, fix: spec.fixRestrict.filling(values.merging(["group": policy.label, "policy": policy.identity ?? policy.label]) { a, _ in a }))
        }
        if !unknownGroups.isEmpty && !(allowedByRestrict && unknownGroups.allSatisfy { $0.accessRight.equalsIgnoringCase("RestrictAccess") }) {
            let policy = unknownGroups[0]
            return result(outcome: .unknown,
                         message: "Policy '\(policy.label)' (\(policy.accessRight)) names app \(app); whether mailbox '\(spec.mailbox)' is in its scope group is not in the evidence.",
                         collect: spec.policyTest.filling(values.merging(["group": policy.scopeGroup ?? policy.label]) { a, _ in a }))
        }
        return result(outcome: .met, message: "Mailbox '\(spec.mailbox)' is within the scope of app \(app)'s access polic\(policies.count == 1 ? "y" : "ies") (\(policies.map { "\($0.label): \($0.accessRight)" }.joined(separator: "; "))).", hint: spec.propagation)
    }

    /// Whether a test result names the mailbox (`Mailbox` alias or `MailboxId`).
    func testNames(_ test: AppAccessTest, _ mailbox: String) -> Bool {
        if let id = test.mailboxID, id.equalsIgnoringCase(mailbox) { return true }
        guard let name = test.mailbox else { return false }
        return mailboxMatches(name, mailbox)
    }

    /// Whether the mailbox is in the policy's scope group per `--group-members`; `nil` when the evidence does not say.
    func isMember(_ mailbox: String, of policy: AppAccessPolicy, single: Bool) -> Bool? {
        guard let group = input.evidence.groupMembers else { return nil }
        if let named = group.group {
            let names = [policy.scopeGroup, policy.scopeName, policy.identity].compactMap { $0 }
            guard names.contains(where: { $0.equalsIgnoringCase(named) }) else { return nil }
        } else if !single {
            return nil
        }
        return group.members.contains { entry in
            [entry.objectID, entry.windowsLiveID, entry.primarySmtpAddress, entry.name, entry.alias].compactMap { $0 }
                .contains { mailboxMatches($0, mailbox) }
        }
    }

    /// The token lacks the Entra permission: an Exchange RBAC for Applications assignment may grant it, within its scope.
    func rbacScope(_ spec: MailboxAccessSpec, values: [String: String]) -> CheckResult {
        guard input.evidence.exchangeRoles != nil else {
            return result(outcome: .unknown, message: "The token holds none of \(spec.permissions.joined(separator: ", ")); an Exchange RBAC for Applications assignment could grant one for mailbox '\(spec.mailbox)', which the token cannot show.",
                         collect: spec.rbacExport)
        }
        let assignments = rbacAssignments(spec.permissions, rbacRoles: spec.rbacRoles)
        // The least-privileged role holding the permission (fewest permissions, then by name): a dictionary's own
        // order differs between instances, so "the first" named a different role from one evaluation to the next.
        let role = spec.rbacRoles.filter { $0.value.contains(spec.permissions.first ?? "") }
            .min { ($0.value.count, $0.key) < ($1.value.count, $1.key) }?.key ?? "Application \(spec.permissions.first ?? "Mail.Read")"
        let fix = spec.rbacFix.filling(values.merging(["role": role]) { a, _ in a })
        let tests = relevantAuthorizationTests(spec.permissions)
        if let hit = tests.first(where: \.inScope) {
            return result(outcome: .met, message: "Test-ServicePrincipalAuthorization: '\(hit.roleName)' is in scope (\(hit.scope ?? "scope")) for the mailbox (the output does not name the mailbox; assumed to be '\(spec.mailbox)').")
        }
        if !tests.isEmpty {
            return result(outcome: .unmet, message: "Test-ServicePrincipalAuthorization: \(tests.map { "'\($0.roleName)' (\($0.scope ?? "scope"))" }.joined(separator: ", ")) not in scope for the mailbox (assumed '\(spec.mailbox)'): Exchange answers 403 ErrorAccessDenied.", fix: fix)
        }
        guard !assignments.isEmpty else {
            return result(outcome: .unmet, message: "No enabled Exchange role assignment gives this app one of \(spec.permissions.joined(separator: ", ")).", fix: fix)
        }
        if let wide = assignments.first(where: { ($0.scopeType ?? "Organization").equalsIgnoringCase("Organization") && $0.scope == nil }) {
            return result(outcome: .met, message: "'\(wide.role)' is assigned to this app organization-wide, so it reaches mailbox '\(spec.mailbox)'.")
        }
        let scoped = assignments[0]
        return result(outcome: .unknown, message: "'\(scoped.role)' is assigned with scope '\(scoped.scope ?? scoped.scopeType ?? "?")'; whether mailbox '\(spec.mailbox)' is in it cannot be told offline.",
                     collect: spec.rbacTest.filling(values))
    }
}
