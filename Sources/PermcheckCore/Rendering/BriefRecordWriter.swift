import Foundation

/// The brief batch record: what triage of many tokens needs, about 500 bytes per token (plus the fix), written straight into a
/// byte buffer. Members in this order (documented in docs/batch.md):
/// `line`, `id`, `api`, `verdict`, `predictedStatus`, `unmet`, `unknown` (requirement ids, check order),
/// `principal` {`kind`, `id`, `name`}, `token` {`fingerprint`, `audience`, `appId`, `tenantId`, `cloud`,
/// `expiresAt`}, `fix` (the first fix, or null).
///
/// Every value comes from the same ``Diagnosis`` the full record (``DiagnosisJSONWriter``) writes; a test holds the
/// two records to the same verdict, status and requirement ids for every fixture token and built-in rule.
/// Nothing here reads finding messages, so a brief batch evaluates with ``EvaluationDetail/brief``.
public enum BriefRecordWriter {
    /// Appends the brief record (without a newline).
    public static func append(_ diagnosis: Diagnosis, id: JSONValue, line: Int, into out: inout [UInt8]) {
        var w = DiagnosisJSONWriter.ObjectWriter(out: out)
        out = []
        defer { out = w.out }
        let token = diagnosis.token
        let claims = token.claims
        let principal = token.principal
        w.int("line", line)
        w.key("id")
        JSONWriter.emit(id, into: &w.out)
        w.string("api", diagnosis.apiID)
        w.string("verdict", diagnosis.verdict.rawValue)
        w.int("predictedStatus", diagnosis.predictedStatus)
        w.key("unmet")
        w.array(diagnosis.findings.lazy.filter { $0.outcome == .unmet }) { w, finding in JSONWriter.emitString(finding.requirementID, into: &w.out) }
        w.key("unknown")
        w.array(diagnosis.findings.lazy.filter { $0.outcome == .unknown }) { w, finding in JSONWriter.emitString(finding.requirementID, into: &w.out) }
        w.key("principal")
        w.open()
        w.string("kind", principal.kind.rawValue)
        w.string("id", principal.objectID ?? principal.appID)
        w.string("name", principal.username ?? principal.displayName)
        w.close()
        w.key("token")
        w.open()
        w.string("fingerprint", token.fingerprint)
        w.string("audience", claims.audience)
        w.string("appId", claims.appID)
        w.string("tenantId", claims.tenantID)
        w.string("cloud", token.cloud.cloud?.rawValue)
        w.date("expiresAt", claims.expiresAt)
        w.close()
        w.string("fix", diagnosis.fixes.first)
        w.close()
    }
}
