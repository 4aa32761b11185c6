/// The generic cross-cloud check: a token from one cloud's token service sent to another cloud's endpoint is
/// rejected with 401 whatever the API. Rules with their own `cloud` requirement use theirs; for every other rule
/// the evaluator adds this one (text from `rules/data/cross-cloud.json`) when both clouds are known, so a
/// mismatch is never missed and an unknown token cloud never makes a verdict indeterminate.
enum CrossCloudRequirement {
    /// The requirement from the embedded data file, read strictly once (see ``DataFiles``).
    static let shared: Requirement = DataFiles.embedded(DataFiles.crossCloud, read)

    /// Reads `cross-cloud.json`: one requirement without a kind (it is always `cloud`, available everywhere).
    static func read(_ root: RuleObject) throws(PermcheckError) -> Requirement {
        try root.onlyKeys(["$comment", "id", "description", "status", "fix", "sources", "confidence"])
        guard let status = try root.int("status") else { throw root.fail(nil, "missing required field 'status'") }
        let fix = try root.requiredString("fix")
        return Requirement(id: try root.requiredString("id"), check: .cloud(available: Cloud.allCases),
                           description: try root.requiredString("description"), status: status,
                           fix: Fix(forUser: fix, forApplication: fix), sources: try root.requiredStrings("sources"),
                           confidence: try root.confidence(), appliesTo: [], hint: nil)
    }

    /// The rule's requirements, with the generic cloud check added after the lifetime check when it applies.
    static func requirements(of rule: APIRule, _ input: EvaluationInput) -> [Requirement] {
        guard input.targetCloud != nil, input.token.cloud.cloud != nil,
              !rule.requirements.contains(where: { $0.check.kind == .cloud }) else { return rule.requirements }
        var requirements = rule.requirements
        let position = (requirements.firstIndex { $0.check.kind == .tokenLifetime }).map { $0 + 1 } ?? 0
        requirements.insert(shared, at: position)
        return requirements
    }
}
