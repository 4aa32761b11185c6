import Foundation

/// Adds per-resource grant requirements to a synthesized Graph rule, driven by `rules/data/resource-grants.json`:
/// `*.Selected` scopes and their site/list/item/file grants, Exchange mailbox scoping for app-only mail/calendar/
/// contacts calls, and delegated access to another user's mailbox or drive. No API knowledge lives here: which
/// operations, permissions, roles and texts apply all come from the data file.
enum ResourceGrantRules {
    /// What the catalogue rule builder should change for one request.
    struct Additions {
        /// Selected scopes to list first (least privileged) among the delegated / application permissions.
        var delegatedFirst: [String] = []
        var applicationFirst: [String] = []
        /// When set, the app-role requirement also accepts Exchange RBAC for Applications grants.
        var rbacRoles: [String: [String]]?
        /// Requirements to append after the permission requirements (all 403).
        var requirements: [Requirement] = []
    }

    static func additions(for operation: GraphOperation, target: RequestTarget?) -> Additions {
        var result = Additions()
        guard let target else { return result }
        let delegated = operation.delegatedWork, application = operation.application
        let data = self.data
        let request: [String] = target.canonicalSegments.map { String($0) }
        let requestPath = "/" + request.joined(separator: "/")
        let template = segments(operation.pathTemplate)

        // 1. Selected scopes.
        if let selected = data["selectedScopes"], let coverage = selected["coverage"] {
            let substitutes = strings(coverage["substitutes"])
            let all = delegated + application
            if all.contains(where: { p in substitutes.contains { $0.equalsIgnoringCase(p) } }) {
                var options: [(SelectedScopeOption, [String])] = []
                for scope in selected["scopes"]?.arrayValue ?? [] {
                    if let option = selectedOption(scope, template: template, request: request) { options.append(option) }
                }
                options.sort { $0.0.resource.count > $1.0.resource.count }
                if !options.isEmpty {
                    let roleData = selected["roleNeeded"]
                    var role = roleData?["byMethod"]?[operation.method]?.stringValue ?? "write"
                    let ranks = Dictionary((selected["roles"]?.arrayValue ?? []).compactMap { r -> (String, Int)? in
                        guard let name = r["name"]?.stringValue, case .number(let n)? = r["rank"] else { return nil }
                        return (name, Int(n.int64 ?? 0))
                    }, uniquingKeysWith: max)
                    let least = operation.leastPrivileged(for: .application).isEmpty ? operation.leastPrivileged(for: .delegatedWork) : operation.leastPrivileged(for: .application)
                    let raised = least.compactMap { roleData?["byLeastPermission"]?[$0]?.stringValue }
                    if !least.isEmpty, raised.count == least.count, let highest = raised.max(by: { (ranks[$0] ?? 0) < (ranks[$1] ?? 0) }) { role = highest }
                    let texts = selected["texts"]
                    let first = options[0].0
                    let spec = ResourceGrantSpec(
                        options: options.map(\.0), tenantWide: all.filter { p in !options.contains { $0.0.scope.equalsIgnoringCase(p) } },
                        role: role, ranks: ranks, method: operation.method, requestPath: requestPath,
                        fixTemplate: texts?["fix"]?.stringValue ?? "", exportTemplate: texts?["export"]?.stringValue ?? "",
                        listOmitsRoles: selected["listOmitsRoles"]?["text"]?.stringValue ?? "",
                        tenantWideNote: selected["tenantWideBypass"]?["text"]?.stringValue ?? "")
                    let description = (texts?["description"]?.stringValue ?? "").filling(
                        ["scope": options.map(\.0.scope).joined(separator: " / "), "noun": first.noun, "method": operation.method, "role": role])
                    let fix = spec.fixTemplate.filling(["role": role, "noun": first.noun, "endpoint": first.endpoint, "app": "<app id>",
                                                        "appName": "<app name>", "grantNeeds": first.grantNeeds])
                    let scopes = options.map(\.0.scope)
                    if !delegated.isEmpty { result.delegatedFirst = scopes }
                    if !application.isEmpty { result.applicationFirst = scopes }
                    result.requirements.append(Requirement(
                        id: "selected-grant", check: .resourceGrant(spec), description: description, status: 403,
                        fix: Fix(forUser: fix, forApplication: fix), sources: unique(options.flatMap(\.1) + strings(selected["roleSources"])),
                        confidence: .documented, appliesTo: [], hint: nil))
                }
            }
        }

        // 2. App-only mailbox scoping (application access policies, RBAC for Applications).
        if let mailbox = data["mailboxAccess"], !application.isEmpty,
           let values = capture(segments(mailbox["mailboxTemplate"]?.stringValue ?? ""), template: template, request: request),
           let captured = values.last, !captured.equalsIgnoringCase("me") {
            let user = captured.hasPrefix("{") ? "<mailbox>" : captured
            let supported = strings(mailbox["permissions"])
            let covered = application.filter { p in supported.contains { $0.equalsIgnoringCase(p) } }
            if !covered.isEmpty {
                let aap = mailbox["applicationAccessPolicy"], rbac = mailbox["rbacForApplications"]
                let roles = Dictionary((rbac?["roles"]?.arrayValue ?? []).compactMap { r -> (String, [String])? in
                    r["name"]?.stringValue.map { ($0, strings(r["permissions"])) }
                }, uniquingKeysWith: { a, _ in a })
                result.rbacRoles = roles
                let text = { (section: JSONValue?, key: String) in section?["texts"]?[key]?.stringValue ?? "" }
                let spec = MailboxAccessSpec(
                    mailbox: user, permissions: application, rbacRoles: roles,
                    policyExport: text(aap, "export"), policyTest: text(aap, "test"), fixRestrict: text(aap, "fixRestrict"),
                    fixDeny: text(aap, "fixDeny"), rbacExport: text(rbac, "export"), rbacTest: text(rbac, "test"), rbacFix: text(rbac, "fix"),
                    additive: rbac?["additive"]?.stringValue ?? "", propagation: aap?["propagation"]?.stringValue ?? "")
                let fix = spec.fixRestrict.filling(["mailbox": user, "group": "<scope group>", "policy": "<policy>"])
                result.requirements.append(Requirement(
                    id: "mailbox-access-policy", check: .mailboxAccessPolicy(spec),
                    description: text(aap, "description").filling(["mailbox": user]), status: 403,
                    fix: Fix(forUser: fix, forApplication: fix),
                    sources: unique(strings(mailbox["sources"]) + strings(aap?["sources"]) + strings(rbac?["sources"])),
                    confidence: .documented, appliesTo: [.application], hint: nil))
            }
        }

        // 3. Delegated access to another user's mailbox or drive.
        if let access = data["delegatedAccess"], !delegated.isEmpty,
           let values = capture(segments(access["userTemplate"]?.stringValue ?? ""), template: template, request: request),
           let captured = values.last, !captured.equalsIgnoringCase("me"),
           let kind = (access["kinds"]?.arrayValue ?? []).first(where: { kind in
               strings(kind["permissionPrefixes"]).contains { prefix in delegated.contains { $0.hasPrefix(prefix) } }
           }) {
            let user = captured.hasPrefix("{") ? "<user>" : captured
            let mode = operation.method == "GET" ? "read" : (delegated.contains { $0.hasPrefix("Mail.Send") } ? "send" : "write")
            let shared = strings(kind["shared"]?[mode])
            let texts = access["texts"]
            let folder = kind["folder"]?.stringValue
            let roles = (access["folderRoles"]?.objectValue ?? [:]).mapValues { strings($0) }
            let kindName = kind["kind"]?.stringValue ?? "mailbox"
            let grantFix = folder == nil ? (kindName == "drive" ? "driveFix" : "grantFixNoFolder") : "grantFix"
            let spec = MailboxDelegationSpec(
                user: user, kind: kindName, sharedScopes: shared, folder: folder,
                folderRights: strings(kind["folderRights"]?[mode == "send" ? "write" : mode]), folderRoles: roles,
                mailboxRights: strings(access["mailboxRights"]?["full"]),
                sharedFix: texts?["sharedFix"]?.stringValue ?? "", grantFix: texts?[grantFix]?.stringValue ?? "",
                export: texts?[kindName == "drive" ? "driveExport" : folder == nil ? "exportMailbox" : "export"]?.stringValue ?? "")
            let sources = unique(strings(kind["sources"]) + strings(access["rightsSources"]))
            let confidence = Confidence(rawValue: kind["confidence"]?.stringValue ?? "") ?? .inferred
            let fills = ["user": user, "kind": kindName, "folder": folder ?? kindName, "rights": spec.folderRights.joined(separator: "/"),
                         "caller": "<signed-in user>", "role": "Reviewer", "scope": shared.first ?? "", "scopes": shared.joined(separator: " or ")]
            if !shared.isEmpty {
                result.requirements.append(Requirement(
                    id: "shared-scope", check: .sharedScope(spec), description: (texts?["sharedDescription"]?.stringValue ?? "").filling(fills),
                    status: 403, fix: Fix(forUser: spec.sharedFix.filling(fills), forApplication: spec.sharedFix.filling(fills)),
                    sources: sources, confidence: .documented, appliesTo: [.user], hint: nil))
            }
            result.requirements.append(Requirement(
                id: "mailbox-delegation", check: .mailboxDelegation(spec), description: (texts?["grantDescription"]?.stringValue ?? "").filling(fills),
                status: 403, fix: Fix(forUser: spec.grantFix.filling(fills), forApplication: spec.grantFix.filling(fills)),
                sources: sources, confidence: confidence, appliesTo: [.user], hint: nil))
        }
        return result
    }

    /// One Selected scope's option for the request, when its level template is a prefix of the operation's.
    static func selectedOption(_ scope: JSONValue, template: [String], request: [String]) -> (SelectedScopeOption, [String])? {
        let level = segments(scope["levelTemplate"]?.stringValue ?? "")
        guard !level.isEmpty, let values = capture(level, template: template, request: request) else { return nil }
        let resource = "/" + values.joined(separator: "/")
        var ids: [String] = []
        for (index, part) in level.enumerated() where part == "{id}" { ids.append(values[index]) }
        var fills: [String: String] = [:]
        if level.first == "drives" {
            fills["drive"] = ids.first ?? ""
            fills["item"] = ids.count > 1 ? ids[1] : ""
        } else {
            for (name, id) in zip(["site", "list", "item"], ids) { fills[name] = id }
        }
        let endpoint: String = (scope["grantEndpoint"]?.stringValue ?? "").filling(fills)
        let option = SelectedScopeOption(scope: scope["permission"]?.stringValue ?? "", noun: scope["noun"]?.stringValue ?? "resource",
                                         resource: resource, endpoint: endpoint, grantNeeds: scope["grantNeeds"]?.stringValue ?? "")
        return (option, strings(scope["sources"]))
    }

    /// The values at `level`'s `{id}` positions, when `template` starts with `level` and the request's literal segments agree.
    static func capture(_ level: [String], template: [String], request: [String]) -> [String]? {
        guard !level.isEmpty, template.count >= level.count, request.count >= level.count else { return nil }
        var values: [String] = []
        for (index, part) in level.enumerated() {
            guard template[index] == part else { return nil }
            if part == "{id}" { values.append(request[index]) } else {
                guard request[index].equalsIgnoringCase(part) else { return nil }
                values.append(part)
            }
        }
        return values
    }

    static func segments(_ path: String) -> [String] { path.split(separator: "/").map(String.init) }
    static func strings(_ value: JSONValue?) -> [String] { value?.arrayValue?.compactMap(\.stringValue) ?? [] }
    static func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }

    /// The embedded data file, read strictly once (see ``DataFiles``).
    static let data: JSONValue = DataFiles.embedded(DataFiles.resourceGrants, readData)

    /// Checks `resource-grants.json`'s top level: exactly its three sections, each an object.
    /// (The sections' inner fields are still read leniently by the rules above.)
    static func readData(_ root: RuleObject) throws(PermcheckError) -> JSONValue {
        let sections = ["selectedScopes", "mailboxAccess", "delegatedAccess"]
        try root.onlyKeys(["$comment"] + sections)
        for section in sections where try root.requiredChild(section).object.isEmpty {
            throw root.fail(section, "'\(section)' must not be empty")
        }
        return .object(root.object)
    }
}
