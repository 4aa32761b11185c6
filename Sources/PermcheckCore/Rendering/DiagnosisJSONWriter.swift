import Foundation

/// Writes the compact form of ``DiagnosisJSON/value(_:)`` straight into a byte buffer, without building the
/// `JSONValue` tree or sorting keys per object: the batch hot path (one record per token).
///
/// The output is byte-identical to `JSONWriter.write(DiagnosisJSON.value(diagnosis))` with the extra members
/// merged in (tests compare the two); keys are written in the sorted order `JSONWriter` would use (UTF-8 byte
/// order), which is why the member order below looks arbitrary. `DiagnosisJSON.value` stays the contract:
/// a field added there must be added here too, or the equality test fails.
public enum DiagnosisJSONWriter {
    /// Appends the compact diagnosis object to `out`; `id` and `line` (batch records) are merged in when given.
    public static func append(_ diagnosis: Diagnosis, id: JSONValue? = nil, line: Int? = nil, into out: inout [UInt8]) {
        var w = ObjectWriter(out: out)
        out = []
        defer { out = w.out }
        let token = diagnosis.token
        let claims = token.claims
        let principal = token.principal
        w.string("api", diagnosis.apiID)
        w.string("apiTitle", diagnosis.apiTitle)
        w.string("case", diagnosis.caseName)
        w.string("collection", diagnosis.collectionName)
        w.date("evaluatedAt", diagnosis.evaluatedAt)
        w.key("evidence")
        JSONWriter.emit(.object(diagnosis.evidenceRead.mapValues(\.json)), into: &w.out)
        w.key("findings")
        w.array(diagnosis.findings) { w, finding in
            w.open()
            w.string("collect", finding.collect)
            w.string("confidence", finding.confidence.rawValue)
            w.string("fix", finding.fix)
            w.string("hint", finding.hint)
            w.string("kind", finding.kind.rawValue)
            w.string("message", finding.message)
            w.string("outcome", finding.outcome.rawValue)
            w.string("requirement", finding.requirementID)
            w.strings("sources", finding.sources)
            w.int("status", finding.status)
            w.close()
        }
        w.strings("fixes", diagnosis.fixes)
        w.key("hints")
        w.array(diagnosis.hints) { w, hint in
            w.open()
            w.string("confidence", hint.confidence.rawValue)
            w.string("id", hint.id)
            w.strings("sources", hint.sources)
            w.string("text", hint.text)
            w.close()
        }
        if let id {
            w.key("id")
            JSONWriter.emit(id, into: &w.out)
        }
        if let line { w.int("line", line) }
        w.key("missingEvidence")
        w.array(diagnosis.findings.lazy.compactMap(\.collect)) { w, text in JSONWriter.emitString(text, into: &w.out) }
        if let response = diagnosis.observedResponse {
            w.key("observedResponse")
            JSONWriter.emit(ObservedResponseSummary.json(response), into: &w.out)
        }
        if let failure = diagnosis.observedFailure {
            w.key("observedFailure")
            w.open()
            w.strings("basedOn", failure.basedOn)
            w.string("cause", failure.cause.rawValue)
            w.string("confidence", failure.confidence.rawValue)
            w.strings("sources", failure.sources)
            w.int("status", failure.status)
            w.string("summary", failure.summary)
            w.close()
        }
        w.int("observedStatus", diagnosis.observedStatus)
        w.int("predictedStatus", diagnosis.predictedStatus)
        w.key("principal")
        w.open()
        w.string("id", principal.objectID ?? principal.appID)
        w.string("kind", principal.kind.rawValue)
        w.string("name", principal.username ?? principal.displayName)
        w.close()
        w.strings("reasons", diagnosis.reasons)
        w.key("token")
        w.open()
        w.string("appId", claims.appID)
        w.string("audience", claims.audience)
        w.string("cloud", token.cloud.cloud?.rawValue)
        w.strings("directoryRoles", claims.directoryRoleIDs)
        w.date("expiresAt", claims.expiresAt)
        w.string("fingerprint", token.fingerprint)
        w.date("issuedAt", claims.issuedAt)
        w.string("issuer", claims.issuer)
        w.strings("roles", claims.roles)
        w.strings("scopes", claims.scopes)
        w.key("signatureVerified")
        w.out.append(contentsOf: "false".utf8)
        w.string("tenantId", claims.tenantID)
        w.string("version", token.version)
        w.close()
        w.string("verdict", diagnosis.verdict.rawValue)
        w.close()
    }

    /// Emits members in the order given, with commas between them; nested objects and arrays share the buffer.
    struct ObjectWriter {
        var out: [UInt8]
        /// Whether the next member or element is the first of its container.
        private var first = true

        init(out: [UInt8]) {
            self.out = out
            self.out.append(UInt8(ascii: "{"))
        }

        mutating func open() {
            out.append(UInt8(ascii: "{"))
            first = true
        }

        mutating func close() {
            out.append(UInt8(ascii: "}"))
            first = false
        }

        mutating func key(_ name: StaticString) {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            out.append(contentsOf: "\":".utf8)
        }

        mutating func string(_ name: StaticString, _ value: String?) {
            key(name)
            if let value { JSONWriter.emitString(value, into: &out) } else { out.append(contentsOf: "null".utf8) }
        }

        mutating func int(_ name: StaticString, _ value: Int?) {
            key(name)
            if let value { JSONWriter.emitInt(value, into: &out) } else { out.append(contentsOf: "null".utf8) }
        }

        mutating func date(_ name: StaticString, _ value: Date?) {
            key(name)
            if let value { ISO8601.appendQuoted(value, into: &out) } else { out.append(contentsOf: "null".utf8) }
        }

        /// `nil` is written as `[]`, like ``DiagnosisJSON/value(_:)`` does.
        mutating func strings(_ name: StaticString, _ values: [String]?) {
            key(name)
            array(values ?? []) { w, text in JSONWriter.emitString(text, into: &w.out) }
        }

        mutating func array<S: Sequence>(_ elements: S, _ element: (inout ObjectWriter, S.Element) -> Void) {
            out.append(UInt8(ascii: "["))
            var firstElement = true
            for value in elements {
                if !firstElement { out.append(UInt8(ascii: ",")) }
                firstElement = false
                element(&self, value)
            }
            out.append(UInt8(ascii: "]"))
            first = false
        }
    }
}
