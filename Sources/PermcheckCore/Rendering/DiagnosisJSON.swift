import Foundation

/// The JSON contract of a diagnosis (`--format json`): field names and types are stable; new fields may be added.
public enum DiagnosisJSON {
    /// The diagnosis as a JSON value.
    public static func value(_ diagnosis: Diagnosis) -> JSONValue {
        let token = diagnosis.token
        let claims = token.claims
        let principal = token.principal
        func string(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
        func strings(_ list: [String]?) -> JSONValue { .array((list ?? []).map(JSONValue.string)) }
        func date(_ value: Date?) -> JSONValue { value.map { .string(ISO8601.format($0)) } ?? .null }
        func int(_ value: Int?) -> JSONValue { value.map { .number(JSONNumber($0)) } ?? .null }
        let findings: [JSONValue] = diagnosis.findings.map { finding in
            .object([
                "requirement": .string(finding.requirementID),
                "kind": .string(finding.kind.rawValue),
                "outcome": .string(finding.outcome.rawValue),
                "status": .number(JSONNumber(finding.status)),
                "message": .string(finding.message),
                "fix": string(finding.fix),
                "collect": string(finding.collect),
                "hint": string(finding.hint),
                "sources": strings(finding.sources),
                "confidence": .string(finding.confidence.rawValue),
            ])
        }
        let hints: [JSONValue] = diagnosis.hints.map { hint in
            .object(["id": .string(hint.id), "text": .string(hint.text), "sources": strings(hint.sources), "confidence": .string(hint.confidence.rawValue)])
        }
        var object: [String: JSONValue] = [
            "api": .string(diagnosis.apiID),
            "apiTitle": .string(diagnosis.apiTitle),
            "verdict": .string(diagnosis.verdict.rawValue),
            "predictedStatus": int(diagnosis.predictedStatus),
            "observedStatus": int(diagnosis.observedStatus),
            "reasons": strings(diagnosis.reasons),
            "evaluatedAt": date(diagnosis.evaluatedAt),
            "case": string(diagnosis.caseName),
            "collection": string(diagnosis.collectionName),
            "evidence": .object(diagnosis.evidenceRead.mapValues(\.json)),
            "principal": .object([
                "kind": .string(principal.kind.rawValue),
                "id": string(principal.objectID ?? principal.appID),
                "name": string(principal.username ?? principal.displayName),
            ]),
            "token": .object([
                "audience": string(claims.audience),
                "appId": string(claims.appID),
                "tenantId": string(claims.tenantID),
                "issuer": string(claims.issuer),
                "cloud": string(token.cloud.cloud?.rawValue),
                "version": string(token.version),
                "scopes": strings(claims.scopes),
                "roles": strings(claims.roles),
                "directoryRoles": strings(claims.directoryRoleIDs),
                "issuedAt": date(claims.issuedAt),
                "expiresAt": date(claims.expiresAt),
                "fingerprint": .string(token.fingerprint),
                "signatureVerified": .bool(false),
            ]),
            "findings": .array(findings),
            "fixes": strings(diagnosis.fixes),
            "missingEvidence": strings(diagnosis.findings.compactMap(\.collect)),
            "hints": .array(hints),
        ]
        // Present only when --response was given, so reports without one keep their exact shape.
        if let response = diagnosis.observedResponse { object["observedResponse"] = ObservedResponseSummary.json(response) }
        // Present only for an observed 401/403 that no modelled requirement predicts.
        if let failure = diagnosis.observedFailure {
            object["observedFailure"] = .object([
                "status": .number(JSONNumber(failure.status)),
                "cause": .string(failure.cause.rawValue),
                "summary": .string(failure.summary),
                "basedOn": strings(failure.basedOn),
                "sources": strings(failure.sources),
                "confidence": .string(failure.confidence.rawValue),
            ])
        }
        return .object(object)
    }
}

/// Renders the JSON contract, pretty-printed with sorted keys.
public struct JSONRenderer: DiagnosisRenderer {
    public var format: OutputFormat { .json }
    public init() {}
    public func render(_ diagnosis: Diagnosis) -> String {
        JSONWriter.write(DiagnosisJSON.value(diagnosis), pretty: true) + "\n"
    }
}
