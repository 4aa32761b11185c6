import Foundation

extension String {
    /// Every `{key}` replaced by its value (keys without a value are left as they are).
    func filling(_ values: [String: String]) -> String {
        var text = self
        for (key, value) in values { text = text.replacingOccurrences(of: "{\(key)}", with: value) }
        return text
    }
}

/// Per-resource grants: `*.Selected` site/list/item/file grants and delegated access to another user's mailbox.
/// Pure: reads the token, the evidence and the spec the catalogue rule built from `rules/data/resource-grants.json`.
extension RequirementChecker {
    /// The permissions the token holds for its kind (`scp` for users, `roles` for apps).
    var heldPermissions: [String] { (principal.kind == .application ? claims.roles : claims.scopes) ?? [] }

    func holds(_ permission: String) -> Bool { heldPermissions.contains { $0.equalsIgnoringCase(permission) } }

    func resourceGrant(_ spec: ResourceGrantSpec) -> CheckResult {
        if let wide = spec.tenantWide.first(where: holds) {
            return result(outcome: .met, message: "No per-resource grant is needed: the token holds \(wide), which reaches every \(spec.options.first?.noun ?? "site") (Selected scoping does not restrict it).",
                         hint: spec.tenantWideNote)
        }
        let held = spec.options.filter { holds($0.scope) }
        let option = held.first ?? spec.options[0]
        let appID = principal.appID ?? "<app id>"
        let fix = spec.fixTemplate.filling(["role": spec.role, "noun": option.noun, "endpoint": option.endpoint,
                                            "app": appID, "appName": "<app name>", "grantNeeds": option.grantNeeds])
        let export = spec.exportTemplate.filling(["noun": option.noun, "endpointGet": option.endpoint,
                                                  "site": siteID(option.resource) ?? "<site id>"])
        let needs = "'\(spec.role)' (or higher) on the \(option.noun) for \(spec.method)"
        guard let evidence = input.evidence.resourceGrants else {
            return result(outcome: .unknown,
                         message: "With \(option.scope) the app needs a grant on the \(option.noun) '\(displayResource(option.resource))' with role \(needs); the token cannot show it.",
                         collect: export, fix: fix)
        }
        if let resource = evidence.resource, !covers(resource, spec.requestPath, level: option.resource) {
            return result(outcome: .unknown,
                         message: "The --site-permissions export is for '\(displayResource(resource))', not for the \(option.noun) '\(displayResource(option.resource))' (or a parent of it) that this call targets.",
                         collect: export, fix: fix)
        }
        let assumed = evidence.resource == nil ? " (the export does not name its resource; assumed to be '\(displayResource(option.resource))')" : ""
        let mine = evidence.grants.filter { grant in grant.applicationIDs.contains { $0.equalsIgnoringCase(appID) } }
        guard !mine.isEmpty else {
            let others = evidence.grants.flatMap(\.applicationNames)
            return result(outcome: .unmet,
                         message: "The \(option.noun) grants no role to this app (\(appID))\(assumed)\(others.isEmpty ? "" : "; it has grants for \(others.joined(separator: ", "))"). \(option.scope) alone reaches nothing until a grant exists.",
                         fix: fix)
        }
        let needed = spec.ranks[spec.role.lowercased()] ?? Int.max
        let roles = mine.compactMap(\.roles).flatMap { $0 }
        if let best = roles.max(by: { (spec.ranks[$0.lowercased()] ?? 0) < (spec.ranks[$1.lowercased()] ?? 0) }),
           (spec.ranks[best.lowercased()] ?? 0) >= needed {
            let scopeNote = held.isEmpty ? " (the token still needs \(option.scope) or a tenant-wide permission)" : ""
            return result(outcome: .met, message: "The app holds '\(best)' on the \(option.noun)\(assumed), which covers \(spec.method) (needs '\(spec.role)')\(scopeNote).")
        }
        if mine.contains(where: { $0.roles == nil }) {
            let ids = mine.compactMap(\.id).map { "GET …/permissions/\($0)" }.joined(separator: ", ")
            return result(outcome: .unknown,
                         message: "The \(option.noun) has a grant for this app\(assumed), but the export does not show its roles; the call needs \(needs).",
                         hint: spec.listOmitsRoles, collect: "Fetch the grant with its roles: \(ids.isEmpty ? "GET …/permissions/{permission-id}" : ids), and pass that as --site-permissions.", fix: fix)
        }
        return result(outcome: .unmet,
                     message: "The app holds only '\(roles.joined(separator: ", "))' on the \(option.noun)\(assumed); \(spec.method) needs '\(spec.role)' or higher.",
                     fix: fix)
    }

    /// The site id in `/sites/<id>/…`.
    func siteID(_ resource: String) -> String? {
        let parts = resource.split(separator: "/")
        return parts.count >= 2 && parts[0] == "sites" ? String(parts[1]) : nil
    }

    func displayResource(_ resource: String) -> String { resource }

    /// Whether a grant on `grantResource` reaches `requestPath`: the same resource or a parent, no higher than `level`
    /// allows ("lower scopes can never provide access to higher-level resources"). Site ids compare by any shared GUID.
    func covers(_ grantResource: String, _ requestPath: String, level: String) -> Bool {
        let grant = grantResource.split(separator: "/").map { $0.lowercased() }
        let request = requestPath.split(separator: "/").map { $0.lowercased() }
        let minimum = level.split(separator: "/").count
        guard grant.count <= request.count, grant.count >= min(minimum, 2) else { return false }
        for (index, part) in grant.enumerated() where part != request[index] {
            guard index == 1, grant[0] == "sites" else { return false }
            let a = Set(part.split(separator: ",").dropFirst()), b = Set(request[index].split(separator: ",").dropFirst())
            if a.isDisjoint(with: b) { return false }
        }
        return true
    }

    // MARK: delegated access to another user's mailbox

    /// Whether `/users/{user}` is the signed-in user: `true`, `false`, or `nil` when the token cannot tell.
    func isCaller(_ user: String) -> Bool? {
        if user.equalsIgnoringCase("me") { return true }
        let looksLikeID = user.count == 36 && user.filter({ $0 == "-" }).count == 4
        if looksLikeID, let oid = principal.objectID { return user.equalsIgnoringCase(oid) }
        if user.contains("@"), let name = principal.username { return user.equalsIgnoringCase(name) }
        if let oid = principal.objectID, user.equalsIgnoringCase(oid) { return true }
        if let name = principal.username, user.equalsIgnoringCase(name) { return true }
        return nil
    }

    func sharedScope(_ spec: MailboxDelegationSpec) -> CheckResult {
        switch isCaller(spec.user) {
        case true?:
            return result(outcome: .met, message: "The call targets the signed-in user's own \(spec.kind); no .Shared scope is needed.")
        case nil:
            return result(outcome: .unknown, message: "Cannot tell whether '\(spec.user)' is the signed-in user (the token has no matching oid/upn); another user's \(spec.kind) needs \(spec.sharedScopes.joined(separator: " or ")).")
        case false?:
            if let hit = spec.sharedScopes.first(where: holds) {
                return result(outcome: .met, message: "'scp' includes \(hit), which reaches \(spec.kind) other users share with the caller.")
            }
            return result(outcome: .unmet,
                         message: "'\(spec.user)' is another user; 'scp' has \(heldPermissions.sorted().joined(separator: " ")), but not \(spec.sharedScopes.joined(separator: " or ")): plain scopes reach only the caller's own mailbox.",
                         fix: spec.sharedFix.filling(["scope": spec.sharedScopes[0], "kind": spec.kind]))
        }
    }

    func mailboxDelegation(_ spec: MailboxDelegationSpec) -> CheckResult {
        let caller = principal.username ?? principal.objectID ?? "<you>"
        let role = spec.folderRoles.keys.sorted().first { (spec.folderRoles[$0] ?? []).contains { spec.folderRights.contains($0) } && $0 == "Reviewer" }
            ?? spec.folderRoles.keys.sorted().first { (spec.folderRoles[$0] ?? []).contains(where: spec.folderRights.contains) } ?? "Reviewer"
        let values = ["user": spec.user, "caller": caller, "folder": spec.folder ?? "", "role": role, "kind": spec.kind]
        let fix = spec.grantFix.filling(values), export = spec.export.filling(values)
        switch isCaller(spec.user) {
        case true?:
            return result(outcome: .met, message: "The call targets the signed-in user's own \(spec.kind); no mailbox permission or sharing is needed.")
        case nil:
            return result(outcome: .unknown, message: "Cannot tell whether '\(spec.user)' is the signed-in user; if not, the caller needs access to that \(spec.kind).", collect: export, fix: fix)
        case false?:
            break
        }
        guard spec.kind != "drive" else {
            return result(outcome: .unknown, message: "'\(spec.user)' is another user: the scope reaches their drive only where a file or folder is shared with the caller, which the token cannot show.",
                         collect: export, fix: fix)
        }
        guard let permissions = input.evidence.mailboxPermissions else {
            return result(outcome: .unknown, message: "'\(spec.user)' is another user: the scope is necessary but not sufficient; the caller also needs \(spec.folder.map { "FullAccess to that mailbox or a share of its \($0) folder" } ?? "FullAccess to that mailbox"), which the token cannot show.",
                         collect: export, fix: fix)
        }
        let relevant = permissions.filter { entry in
            guard !entry.deny, principal.match(entry.user) != nil || matchesDisplay(entry.user) else { return false }
            return entry.mailbox.map { mailboxMatches($0, spec.user) } ?? true
        }
        if let full = relevant.first(where: { $0.folder == nil && $0.rights.contains { r in spec.mailboxRights.contains { $0.equalsIgnoringCase(r) } } }) {
            return result(outcome: .met, message: "'\(full.user.label)' holds \(full.rights.joined(separator: ", ")) on \(full.mailbox ?? spec.user)'s mailbox.")
        }
        if let folder = spec.folder, let share = relevant.first(where: { entry in
            guard let name = entry.folder, name.equalsIgnoringCase(folder) else { return false }
            let rights = entry.rights.flatMap { spec.folderRoles[$0] ?? [$0] }
            return rights.contains { r in spec.folderRights.contains { $0.equalsIgnoringCase(r) } }
        }) {
            return result(outcome: .met, message: "'\(share.user.label)' holds \(share.rights.joined(separator: ", ")) on \(spec.user)'s \(folder) folder, which covers this call.")
        }
        let held = relevant.map { "\($0.rights.joined(separator: ",")) on \($0.folder ?? "the mailbox")" }
        return result(outcome: .unmet,
                     message: "The export shows \(held.isEmpty ? "no permission for the caller" : "only " + held.joined(separator: "; ")) on \(spec.user)'s mailbox; the call needs FullAccess\(spec.folder.map { " or \(spec.folderRights.joined(separator: "/")) on \($0)" } ?? ""). Exchange answers 403 ErrorAccessDenied.",
                     fix: fix)
    }

    func matchesDisplay(_ entry: DirectoryEntry) -> Bool {
        guard let name = principal.displayName else { return false }
        return entry.name?.equalsIgnoringCase(name) == true || entry.displayName?.equalsIgnoringCase(name) == true
    }

    /// Whether an export's mailbox (`Identity`, alias or address) names `/users/{user}`.
    func mailboxMatches(_ mailbox: String, _ user: String) -> Bool {
        if mailbox.equalsIgnoringCase(user) { return true }
        let local = { (text: String) in text.split(separator: "@").first.map(String.init) ?? text }
        return local(mailbox).equalsIgnoringCase(local(user))
    }
}
