/// An API rule as JSON: what `permcheck explain` prints as text (requirements in check order, fixes, confidence,
/// sources, least privilege, notes), for the MCP `explain` tool.
public enum RuleJSON {
    public static func value(_ rule: APIRule) -> JSONValue {
        func strings(_ list: [String]) -> JSONValue { .array(list.map(JSONValue.string)) }
        var least: [String: JSONValue] = [:]
        let identity = rule.requirements.compactMap { requirement -> [PrincipalKind]? in
            if case .identity(let allowed, _) = requirement.check { return allowed }
            return nil
        }.first
        for kind in [PrincipalKind.user, .application] where identity?.contains(kind) ?? true {
            least[kind.rawValue] = strings(RuleReport.leastPrivilege(rule, for: kind))
        }
        return .object([
            "id": .string(rule.id),
            "title": .string(rule.title),
            "family": .string(rule.family),
            "summary": .string(rule.summary),
            "aliases": strings(rule.aliases),
            "requests": .array(rule.requests.map { ["method": .string($0.method), "urlTemplates": strings($0.urlTemplates)] }),
            "success": rule.success.map(JSONValue.string) ?? .null,
            "requirements": .array(rule.requirements.map { requirement in
                .object([
                    "id": .string(requirement.id),
                    "kind": .string(requirement.check.kind.rawValue),
                    "appliesTo": strings(requirement.appliesTo.map(\.rawValue)),
                    "status": .number(JSONNumber(requirement.status)),
                    "description": .string(requirement.description),
                    "fix": ["user": .string(requirement.fix.forUser), "application": .string(requirement.fix.forApplication)],
                    "hint": requirement.hint.map(JSONValue.string) ?? .null,
                    "sources": strings(requirement.sources),
                    "confidence": .string(requirement.confidence.rawValue),
                ])
            }),
            "leastPrivilege": .object(least),
            "notes": .array(rule.notes.map { note in
                ["id": .string(note.id), "text": .string(note.text), "status": note.status.map { .number(JSONNumber($0)) } ?? .null,
                 "sources": strings(note.sources), "confidence": .string(note.confidence.rawValue)]
            }),
        ])
    }
}
