import Foundation

/// The JSON contract of `permcheck compare --format json`: field names and types are stable; new fields may be added.
/// Documented in docs/compare.md.
public enum ComparisonJSON {
    /// The comparison as a JSON value.
    public static func value(_ comparison: Comparison) -> JSONValue {
        func string(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
        func strings(_ list: [String]) -> JSONValue { .array(list.map(JSONValue.string)) }
        func side(_ diagnosis: Diagnosis) -> JSONValue {
            let principal = diagnosis.token.principal
            return .object([
                "verdict": .string(diagnosis.verdict.rawValue),
                "predictedStatus": diagnosis.predictedStatus.map { .number(JSONNumber($0)) } ?? .null,
                "reasons": strings(diagnosis.reasons),
                "principal": .object([
                    "kind": .string(principal.kind.rawValue),
                    "id": string(principal.objectID ?? principal.appID),
                    "name": string(principal.username ?? principal.displayName),
                ]),
                "fingerprint": .string(diagnosis.token.fingerprint),
            ])
        }
        func finding(_ finding: Finding?) -> JSONValue {
            guard let finding else { return .null }
            return .object(["outcome": .string(finding.outcome.rawValue), "message": .string(finding.message),
                            "confidence": .string(finding.confidence.rawValue)])
        }
        func hints(_ list: [Hint], _ side: String) -> [JSONValue] {
            list.map { hint in
                .object(["side": .string(side), "id": .string(hint.id), "text": .string(hint.text),
                         "sources": strings(hint.sources), "confidence": .string(hint.confidence.rawValue)])
            }
        }
        let requirements: [JSONValue] = comparison.requirements.map { difference in
            .object([
                "requirement": .string(difference.requirementID),
                "kind": .string(difference.requirementKind.rawValue),
                "status": .number(JSONNumber(difference.status)),
                "difference": .string(difference.difference.rawValue),
                "good": finding(difference.good),
                "bad": finding(difference.bad),
                "sources": strings((difference.bad ?? difference.good)?.sources ?? []),
            ])
        }
        let facts: [JSONValue] = comparison.facts.map { fact in
            .object([
                "fact": .string(fact.id),
                "label": .string(fact.label),
                "good": string(fact.good),
                "bad": string(fact.bad),
                "onlyGood": strings(fact.onlyGood),
                "onlyBad": strings(fact.onlyBad),
                "decides": strings(fact.requirements),
            ])
        }
        return .object([
            "api": .string(comparison.good.apiID),
            "apiTitle": .string(comparison.good.apiTitle),
            "sameVerdict": .bool(comparison.sameVerdict),
            "evaluatedAt": .string(ISO8601.format(comparison.good.evaluatedAt)),
            "case": string(comparison.good.caseName),
            "collection": string(comparison.good.collectionName),
            "good": side(comparison.good),
            "bad": side(comparison.bad),
            "requirements": .array(requirements),
            "facts": .array(facts),
            "hiddenFacts": .number(JSONNumber(comparison.hiddenFactCount)),
            "fixes": strings(comparison.fixes),
            "hints": .array(hints(comparison.goodHints, "good") + hints(comparison.badHints, "bad")),
            "all": .bool(comparison.showAll),
        ])
    }

    /// The contract, pretty-printed with sorted keys and a final newline.
    public static func render(_ comparison: Comparison) -> String {
        JSONWriter.write(value(comparison), pretty: true) + "\n"
    }
}
