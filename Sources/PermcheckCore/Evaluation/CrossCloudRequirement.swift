/// The generic cross-cloud check: a token from one cloud's token service sent to another cloud's endpoint is
/// rejected with 401 whatever the API. Rules with their own `cloud` requirement use theirs; for every other rule
/// the evaluator adds this one (text from `rules/data/cross-cloud.json`) when both clouds are known, so a
/// mismatch is never missed and an unknown token cloud never makes a verdict indeterminate.
enum CrossCloudRequirement {
    /// The requirement from the embedded data file; `nil` only if the file is missing (a test checks it is not).
    static let shared: Requirement? = {
        guard let file = EmbeddedRules.dataFiles.first(where: { $0.path.hasSuffix("cross-cloud.json") }),
              let value = try? JSONParser.parse(file.content),
              let id = value["id"]?.stringValue, let description = value["description"]?.stringValue,
              let status = value["status"]?.numberValue?.int64, let fix = value["fix"]?.stringValue else { return nil }
        return Requirement(id: id, check: .cloud(available: Cloud.allCases), description: description, status: Int(status),
                           fix: Fix(forUser: fix, forApplication: fix),
                           sources: value["sources"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                           confidence: value["confidence"]?.stringValue.flatMap(Confidence.init(rawValue:)) ?? .documented,
                           appliesTo: [], hint: nil)
    }()

    /// The rule's requirements, with the generic cloud check added after the lifetime check when it applies.
    static func requirements(of rule: APIRule, _ input: EvaluationInput) -> [Requirement] {
        guard input.targetCloud != nil, input.token.cloud.cloud != nil, let generic = shared,
              !rule.requirements.contains(where: { $0.check.kind == .cloud }) else { return rule.requirements }
        var requirements = rule.requirements
        let position = (requirements.firstIndex { $0.check.kind == .tokenLifetime }).map { $0 + 1 } ?? 0
        requirements.insert(generic, at: position)
        return requirements
    }
}
