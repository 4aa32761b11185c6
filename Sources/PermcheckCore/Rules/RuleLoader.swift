import Foundation

/// Turns rule-file JSON into `APIRule`s, strictly: unknown fields, wrong types, unknown requirement kinds,
/// bad statuses and examples naming unknown requirements are errors located by `file:line`.
public enum RuleLoader {
    static let ruleKeys = ["$schema", "id", "aliases", "family", "title", "summary", "request", "requests", "success",
                           "requirements", "notes", "propagation", "examples"]
    static let requirementKeys = ["id", "kind", "description", "status", "fix", "sources", "confidence", "appliesTo",
                                  "hint", "anyOf", "allowed", "personalAccounts", "admitsCaseAdmins", "name", "value", "available",
                                  "since", "replacement", "actions", "access", "otherRoles",
                                  "alternative"]

    /// Loads one rule file.
    /// - Parameters:
    ///   - bytes: the file content.
    ///   - path: the path shown in errors.
    ///   - lineNumbers: whether to record each value's line (``APIRule/lines``, used by `rules lint` and to locate
    ///     errors). The built-in rules parsed for one check skip it: they are known to load and lint clean (tests),
    ///     and recording a JSON Pointer per value is about half the parse time.
    public static func load(_ bytes: [UInt8], path: String, lineNumbers: Bool = true) throws(PermcheckError) -> APIRule {
        guard bytes.count <= InputLimits.fileBytes else {
            throw .inputTooLarge(source: "rule file '\(path)'", limit: "\(InputLimits.fileBytes >> 20) MiB")
        }
        let root = try RuleObject.fileRoot(bytes, path: path, lineNumbers: lineNumbers, kind: "a rule file")
        let object = root.object
        var context = root.context
        let id = try root.requiredString("id")
        context.ruleID = id
        let rule = RuleObject(object: object, pointer: "", context: context)
        try rule.onlyKeys(ruleKeys)

        var requirements: [Requirement] = []
        for child in try rule.children("requirements") {
            let requirement = try readRequirement(child)
            if requirements.contains(where: { $0.id == requirement.id }) {
                throw child.fail("id", "duplicate requirement id '\(requirement.id)'")
            }
            requirements.append(requirement)
        }
        guard !requirements.isEmpty else { throw rule.fail(nil, "a rule needs at least one requirement") }
        let ids = requirements.map(\.id)

        var requests: [RequestPattern] = []
        for child in (try rule.child("request").map { [$0] } ?? []) + (try rule.children("requests")) {
            try child.onlyKeys(["method", "urls"])
            let method = try child.requiredString("method").uppercased()
            guard let urls = try child.strings("urls"), !urls.isEmpty else { throw child.fail(nil, "a request needs 'urls'") }
            for (index, url) in urls.enumerated() where URLTemplate(url) == nil {
                throw child.fail("urls/\(index)", "URL template '\(url)' does not parse (expected https://host/path with {name} or {name*} segments)")
            }
            requests.append(RequestPattern(method: method, urlTemplates: urls))
        }

        var notes: [RuleNote] = []
        for child in try rule.children("notes") {
            try child.onlyKeys(["id", "text", "status", "sources", "confidence"])
            notes.append(RuleNote(id: try child.requiredString("id"), text: try child.requiredString("text"),
                                  status: try child.int("status"), sources: try child.strings("sources") ?? [],
                                  confidence: try child.confidence()))
        }

        var propagation: [PropagationWindow] = []
        for child in try rule.children("propagation") {
            try child.onlyKeys(["evidence", "hours", "clouds", "sources", "confidence"])
            guard let hours = try child.double("hours") else { throw child.fail(nil, "missing 'hours'") }
            propagation.append(PropagationWindow(
                evidence: try child.requiredString("evidence"), hours: hours,
                clouds: try clouds(child, "clouds"), sources: try child.strings("sources") ?? [],
                confidence: try child.confidence()))
        }

        var examples: [RuleExample] = []
        for child in try rule.children("examples") {
            examples.append(try readExample(child, requirementIDs: ids))
        }

        return APIRule(
            id: id, aliases: try rule.strings("aliases") ?? [], family: try rule.requiredString("family"),
            title: try rule.requiredString("title"), summary: try rule.string("summary") ?? "",
            requests: requests, success: try rule.string("success"), requirements: requirements, notes: notes,
            propagation: propagation, examples: examples, file: path, lines: context.lines)
    }

    private static func clouds(_ object: RuleObject, _ key: String) throws(PermcheckError) -> [Cloud] {
        var result: [Cloud] = []
        for name in try object.strings(key) ?? [] {
            guard let cloud = Cloud(rawValue: name) else {
                throw object.fail(key, "unknown cloud '\(name)'; use \(Cloud.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            result.append(cloud)
        }
        return result
    }

    private static func readRequirement(_ object: RuleObject) throws(PermcheckError) -> Requirement {
        try object.onlyKeys(requirementKeys)
        let id = try object.requiredString("id")
        let kindName = try object.requiredString("kind")
        guard let kind = RequirementKind(rawValue: kindName) else {
            let hint = Suggest.closest(to: kindName, in: RequirementKind.ruleFileNames, limit: 1).first.map { "; did you mean '\($0)'?" } ?? ""
            throw object.fail("kind", "unknown requirement kind '\(kindName)'\(hint)")
        }
        let check: RequirementCheck
        func anyOf() throws(PermcheckError) -> [String] {
            guard let list = try object.strings("anyOf"), !list.isEmpty else {
                throw object.fail("anyOf", "requirement '\(id)' of kind '\(kindName)' needs a non-empty 'anyOf'")
            }
            return list
        }
        switch kind {
        case .audience: check = .audience(anyOf: try anyOf())
        case .scope: check = .scope(anyOf: try anyOf())
        case .appRole: check = .appRole(anyOf: try anyOf())
        case .purviewRole: check = .purviewRole(anyOf: try anyOf())
        case .collectionRole: check = .collectionRole(anyOf: try anyOf())
        case .governanceRole: check = .governanceRole(anyOf: try anyOf())
        case .caseAdmin: check = .caseAdmin
        case .tokenLifetime: check = .tokenLifetime
        case .resourceGrant, .mailboxAppRole, .mailboxAccessPolicy, .sharedScope, .mailboxDelegation:
            throw object.fail("kind", "requirement kind '\(kindName)' is generated for Graph catalogue operations only; rule files cannot use it")
        case .deprecated:
            check = .deprecated(since: try object.requiredString("since"), replacement: try object.requiredString("replacement"))
        case .license: check = .license(anyOf: try anyOf(), alternative: try object.string("alternative"))
        case .caseMembership: check = .caseMembership(admitsCaseAdmins: try object.bool("admitsCaseAdmins") ?? true)
        case .header: check = .header(name: try object.requiredString("name"), value: try object.string("value"))
        case .cloud:
            let available = try clouds(object, "available")
            guard !available.isEmpty else { throw object.fail("available", "requirement '\(id)' needs 'available' clouds") }
            check = .cloud(available: available)
        case .identity:
            var kinds: [PrincipalKind] = []
            for name in try object.strings("allowed") ?? [] {
                guard let kind = PrincipalKind(rawValue: name), kind != .unknown else {
                    throw object.fail("allowed", "unknown identity kind '\(name)'; use user or application")
                }
                kinds.append(kind)
            }
            guard !kinds.isEmpty else { throw object.fail("allowed", "requirement '\(id)' needs 'allowed' kinds") }
            check = .identity(allowed: kinds, personalAccounts: try object.bool("personalAccounts") ?? false)
        case .directoryRole:
            var roles: [DirectoryRoleRef] = []
            for role in try object.children("anyOf") {
                try role.onlyKeys(["id", "name"])
                roles.append(DirectoryRoleRef(id: try role.requiredString("id"), name: try role.requiredString("name")))
            }
            guard !roles.isEmpty else { throw object.fail("anyOf", "requirement '\(id)' needs 'anyOf' roles with id and name") }
            var access = GraphRoleRequirement.Access.roles
            if let name = try object.string("access") {
                guard let value = GraphRoleRequirement.Access(rawValue: name) else {
                    throw object.fail("access", "unknown access '\(name)'; use \(GraphRoleRequirement.Access.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                access = value
            }
            check = .directoryRole(DirectoryRoleNeed(anyOf: roles, actions: try object.strings("actions") ?? [], access: access,
                                                     otherRoles: try object.strings("otherRoles") ?? []))
        }
        guard let status = try object.int("status") else {
            throw object.fail("status", "requirement '\(id)' needs 'status' 401 or 403")
        }
        guard status == 401 || status == 403 || (status == 402 && kind == .license) else {
            throw object.fail("status", "requirement '\(id)' has status \(status); a failed requirement means 401 (authentication) or 403 (authorization), or 402 (payment required) for a licence")
        }
        let fix: Fix
        switch object.object["fix"] {
        case .string(let text)?:
            fix = Fix(forUser: text, forApplication: text)
        case .object?:
            let fixObject = try object.child("fix")!
            try fixObject.onlyKeys(["user", "application"])
            fix = Fix(forUser: try fixObject.requiredString("user"), forApplication: try fixObject.requiredString("application"))
        default:
            throw object.fail("fix", "requirement '\(id)' needs a 'fix' (a string, or {\"user\": …, \"application\": …})")
        }
        guard let sources = try object.strings("sources"), !sources.isEmpty else {
            throw object.fail("sources", "requirement '\(id)' needs at least one source URL")
        }
        for source in sources where !source.hasPrefix("https://") {
            throw object.fail("sources", "source '\(source)' of requirement '\(id)' is not an https URL")
        }
        var appliesTo: [PrincipalKind] = []
        for name in try object.strings("appliesTo") ?? [] {
            guard let kind = PrincipalKind(rawValue: name), kind != .unknown else {
                throw object.fail("appliesTo", "unknown identity kind '\(name)' in appliesTo; use user or application")
            }
            appliesTo.append(kind)
        }
        return Requirement(id: id, check: check, description: try object.requiredString("description"), status: status,
                           fix: fix, sources: sources, confidence: try object.confidence(), appliesTo: appliesTo,
                           hint: try object.string("hint"))
    }

    private static func readExample(_ object: RuleObject, requirementIDs: [String]) throws(PermcheckError) -> RuleExample {
        try object.onlyKeys(["name", "claims", "evidence", "case", "collection", "request", "headers", "at", "status", "expect"])
        guard let claims = try object.rawObject("claims") else { throw object.fail(nil, "an example needs 'claims'") }
        var headers: [String: String] = [:]
        if let headerObject = try object.child("headers") {
            for key in headerObject.object.keys { headers[key] = try headerObject.requiredString(key) }
        }
        var at: Date?
        if let text = try object.string("at") {
            guard let date = ISO8601.parseInstant(text) else { throw object.fail("at", "'at' '\(text)' \(ISO8601.instantProblem(text) ?? "is not a time")") }
            at = date
        }
        guard let expect = try object.child("expect") else { throw object.fail(nil, "an example needs 'expect'") }
        try expect.onlyKeys(["verdict", "status", "unmet", "unknown"])
        let verdictText = try expect.requiredString("verdict")
        guard let verdict = Verdict(rawValue: verdictText) else {
            throw expect.fail("verdict", "'verdict' must be allowed, denied or indeterminate, found '\(verdictText)'")
        }
        let unmet = try expect.strings("unmet") ?? []
        let unknown = try expect.strings("unknown") ?? []
        for (key, list) in [("unmet", unmet), ("unknown", unknown)] {
            for (index, id) in list.enumerated() where !requirementIDs.contains(id) {
                let hint = Suggest.closest(to: id, in: requirementIDs, limit: 1).first.map { "; did you mean '\($0)'?" } ?? ""
                throw expect.fail("\(key)/\(index)", "example '\(try object.string("name") ?? "?")' names unknown requirement '\(id)'\(hint)")
            }
        }
        var example = RuleExample(
            name: try object.requiredString("name"), claims: claims, evidence: try object.rawObject("evidence") ?? [:],
            caseName: try object.string("case"), collectionName: try object.string("collection"), headers: headers, at: at,
            observedStatus: try object.int("status"), expectedVerdict: verdict, expectedStatus: try expect.int("status"),
            expectedUnmet: unmet, expectedUnknown: unknown)
        example.request = try object.string("request")
        return example
    }
}
