/// Hand-written rules against the Microsoft Graph permission catalogue: a rule wins over the catalogue for the
/// requests it covers, so it must never silently contradict it. For every Graph URL template of a rule that
/// matches a catalogue operation, this reports:
/// - a `scope` (or `appRole`) permission the catalogue does not accept for that operation under the
///   delegated (or application) scheme — worded more strongly for the rule's least-privileged (first) one;
/// - an `identity` requirement that forbids a scheme the catalogue supports.
/// Extra requirements the catalogue cannot express (directory roles, case membership, headers) are not conflicts.
extension RuleLinter {
    /// Conflicts between `rules` and `catalog`. `fileText(path)` returns a rule file's text so problems can
    /// carry the requirement's line; the default reads the embedded copies of the built-in rules.
    public static func catalogueConflicts(
        _ rules: [APIRule], catalog: GraphCatalog = .embedded, fileText: (String) -> String? = embeddedText
    ) -> [Problem] {
        var problems: [Problem] = []
        for rule in rules {
            let text = fileText(rule.file)
            func line(_ requirementID: String) -> Int { text.map { lineOfID(requirementID, in: $0) } ?? 0 }
            for (method, operation) in catalogueOperations(for: rule, catalog: catalog) {
                let name = "\(method) \(operation.displayTemplate)"
                let delegated = operation.delegatedWork + operation.delegatedPersonal
                for requirement in rule.requirements {
                    switch requirement.check {
                    case .scope(let anyOf) where requirement.applies(to: .user):
                        problems += permissionConflicts(rule, requirement, anyOf, accepted: delegated, scheme: "delegated",
                                                        operation: name, line: line(requirement.id))
                    case .appRole(let anyOf) where requirement.applies(to: .application):
                        problems += permissionConflicts(rule, requirement, anyOf, accepted: operation.application, scheme: "application",
                                                        operation: name, line: line(requirement.id))
                    case .identity(let allowed, _):
                        for (kind, supported, scheme) in [(PrincipalKind.user, !delegated.isEmpty, "delegated (user)"),
                                                          (.application, !operation.application.isEmpty, "application (app-only)")]
                        where supported && !allowed.contains(kind) && requirement.applies(to: kind) {
                            problems.append(Problem(file: rule.file, line: line(requirement.id), message:
                                "rule '\(rule.id)': identity requirement '\(requirement.id)' forbids \(scheme) calls, but the Graph permissions table supports them for \(name); cite the source for the restriction or allow them"))
                        }
                    default: break
                    }
                }
            }
        }
        return problems
    }

    /// The distinct catalogue operations a rule's Graph URL templates stand for.
    static func catalogueOperations(for rule: APIRule, catalog: GraphCatalog) -> [(String, GraphOperation)] {
        var seen: Set<String> = []
        var result: [(String, GraphOperation)] = []
        for pattern in rule.requests {
            for template in pattern.urlTemplates {
                guard let url = URLTemplate(template), RequestTarget.isGraphHost(url.host) else { continue }
                var segments = url.segments
                if let first = segments.first, first.hasPrefix("{") || first == "v1.0" || first == "beta" { segments.removeFirst() }
                guard !segments.contains(where: { $0.hasSuffix("*}") }) else { continue }
                let path = "/" + segments.map { $0.hasPrefix("{") && $0.hasSuffix("}") ? "{id}" : $0 }.joined(separator: "/")
                let target = RequestTarget(method: pattern.method, host: url.host, rawPath: path)
                guard let match = catalog.match(target) else { continue }
                if seen.insert(pattern.method + " " + match.operation.pathTemplate).inserted { result.append((pattern.method, match.operation)) }
            }
        }
        return result
    }

    static func permissionConflicts(_ rule: APIRule, _ requirement: Requirement, _ anyOf: [String], accepted: [String],
                                    scheme: String, operation: String, line: Int) -> [Problem] {
        guard !accepted.isEmpty else {
            return [Problem(file: rule.file, line: line, message:
                "rule '\(rule.id)': requirement '\(requirement.id)' asks for \(scheme) permissions, but the Graph permissions table supports no \(scheme) permission for \(operation)")]
        }
        let shown = accepted.joined(separator: ", ")
        return anyOf.enumerated().compactMap { index, permission in
            guard !accepted.contains(where: { $0.caseInsensitiveCompare(permission) == .orderedSame }) else { return nil }
            let role = index == 0 ? "its least-privileged permission" : "permission"
            return Problem(file: rule.file, line: line, message:
                "rule '\(rule.id)': requirement '\(requirement.id)' lists \(role) '\(permission)', which the Graph permissions table does not accept (\(scheme)) for \(operation); accepted: \(shown)")
        }
    }

    /// The 1-based line of the first `"id": "<id>"` in `text`, or 0.
    static func lineOfID(_ id: String, in text: String) -> Int {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let compact = line.replacingOccurrences(of: " ", with: "")
            if compact.contains("\"id\":\"\(id)\"") { return index + 1 }
        }
        return 0
    }

    /// The embedded text of a built-in rule file.
    public static func embeddedText(_ path: String) -> String? {
        EmbeddedRules.files.first { $0.path == path }?.content
    }
}
